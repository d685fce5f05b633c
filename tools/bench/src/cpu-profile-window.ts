/**
 * Preloaded (-r) into a gateway the bench profiles (BENCH_CPU_PROF=1): the V8 CPU profiler
 * starts on SIGWINCH (Nest's shutdown hooks own SIGUSR2), when the load starts, so start-up and module loading stay out of the
 * profile; on SIGTERM/SIGINT the profile is written to BENCH_CPU_PROF_FILE and the process
 * exits. Read it with tools/bench/src/cpuprofile-top.ts.
 */
import { Session } from 'node:inspector';
import { writeFileSync } from 'node:fs';

const session = new Session();
session.connect();
let started = false;

process.on('SIGWINCH', () => {
  if (started) return;
  started = true;
  session.post('Profiler.enable', () => session.post('Profiler.start'));
});

for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.prependListener(signal, () => {
    // Nest's shutdown hook would re-raise the signal before the profile is written.
    for (const other of ['SIGTERM', 'SIGINT'] as const) process.removeAllListeners(other);
    process.on(signal, () => undefined);
    if (!started) process.exit(0);
    session.post('Profiler.stop', (error, result) => {
      if (!error)
        writeFileSync(
          process.env.BENCH_CPU_PROF_FILE ?? 'gateway.cpuprofile',
          JSON.stringify(result.profile),
        );
      process.exit(0);
    });
  });
}
