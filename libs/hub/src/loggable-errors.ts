import { stdSerializers, type LoggerOptions } from 'pino';
import { withoutQueryValues } from '@frontdoor/persistence';

/** pino's error serializer (type, message, stack, own fields), then without a failed statement's values. */
export function serializeError(error: unknown): unknown {
  return error instanceof Error ? withoutQueryValues(stdSerializers.err(error)) : error;
}

/**
 * For every pino logger of the hub's processes: an Error anywhere at the top of a log line,
 * under `err` or any other key, is serialized as above. A database error on a write had logged
 * TypeORM's query parameters: a citizen's phone, e-mail and case text (issue 21, item 8).
 */
export const loggableErrors: Pick<LoggerOptions, 'serializers' | 'formatters'> = {
  serializers: { err: serializeError },
  formatters: {
    log(line) {
      const errorKeys = Object.keys(line).filter((key) => key !== 'err' && line[key] instanceof Error);
      if (!errorKeys.length) return line;
      // A copy: the object belongs to the code that logged it.
      const copy = { ...line };
      for (const key of errorKeys) copy[key] = serializeError(line[key]);
      return copy;
    },
  },
};
