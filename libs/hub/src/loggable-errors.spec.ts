import { pino } from 'pino';
import { QueryFailedError } from 'typeorm';
import { loggableErrors } from './loggable-errors';

describe('loggableErrors', () => {
  it("writes a failed statement's error under any key without its values", () => {
    const lines: string[] = [];
    const logger = pino({ level: 'info', ...loggableErrors }, { write: (line: string) => lines.push(line) });
    const failure = new QueryFailedError(
      'UPDATE service_case SET summary = ? WHERE id = ?',
      ['Min adress', 'c-1'],
      {
        name: 'SqliteError',
        message: 'SQLITE_CONSTRAINT: CHECK constraint failed',
        code: 'SQLITE_CONSTRAINT_CHECK',
      } as unknown as Error,
    );
    const logged = { err: failure, error: failure, requestId: 'r-1' };
    logger.error(logged, 'write failed');
    expect(lines).toHaveLength(1);
    const line = JSON.parse(lines[0]) as Record<string, Record<string, unknown>>;
    for (const key of ['err', 'error'] as const)
      expect(line[key]).toMatchObject({
        type: 'QueryFailedError',
        query: 'UPDATE service_case SET summary = ? WHERE id = ?',
        code: 'SQLITE_CONSTRAINT_CHECK',
      });
    expect(lines[0]).not.toContain('Min adress');
    // The caller's object is left as it was.
    expect(logged.error).toBe(failure);
  });
});
