import { pino, type DestinationStream } from 'pino';

let stdout: DestinationStream | undefined;

/**
 * The gateway's one stdout for JSON log lines, shared by Nest's logger and the request line.
 * Asynchronous: a line is handed to libuv's thread pool rather than written by the event loop
 * (the synchronous write was ~3 % of every request, docs/performance.md); lines that come while
 * a write is in flight go out together in the next. pino flushes what is left, synchronously,
 * when the process exits, so a crash's last error line is not lost (a SIGKILL can lose the
 * lines of the last write in flight).
 */
export function stdoutLogDestination(): DestinationStream {
  return (stdout ??= pino.destination({ dest: 1, sync: false }));
}
