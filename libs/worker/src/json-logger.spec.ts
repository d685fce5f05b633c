import { Logger } from '@nestjs/common';
import pino from 'pino';
import { Writable } from 'node:stream';
import { jsonLogger } from './json-logger';

describe("the worker's JSON logs", () => {
  it('writes Nest Logger calls as pino lines: level number, context, fields and message', () => {
    const lines: Record<string, unknown>[] = [];
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(JSON.parse(chunk.toString('utf8')) as Record<string, unknown>);
        done();
      },
    });
    Logger.overrideLogger(jsonLogger(pino({ level: 'info' }, sink)));
    try {
      const logger = new Logger('CaseNotifications');
      logger.log({ case: 'FD-2026-ABC123' }, 'SLA alarm sent');
      logger.warn('job outbox relay paused');
      logger.error({ err: new Error('connect ECONNREFUSED') }, 'worker stop failed');
      logger.debug('not at info');
    } finally {
      Logger.overrideLogger(false);
    }
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatchObject({
      level: 30,
      context: 'CaseNotifications',
      case: 'FD-2026-ABC123',
      msg: 'SLA alarm sent',
    });
    expect(lines[1]).toMatchObject({
      level: 40,
      context: 'CaseNotifications',
      msg: 'job outbox relay paused',
    });
    expect(lines[2]).toMatchObject({
      level: 50,
      msg: 'worker stop failed',
      err: { message: 'connect ECONNREFUSED' },
    });
    expect((lines[2].err as { stack: string }).stack).toContain('Error: connect ECONNREFUSED');
  });
});
