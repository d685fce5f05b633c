// Preloaded (-r) into a profiled gateway: exit normally on SIGTERM/SIGINT so that
// --cpu-prof writes its profile (a process killed by a signal writes none).
for (const signal of ['SIGTERM', 'SIGINT'] as const) process.prependListener(signal, () => process.exit(0));
