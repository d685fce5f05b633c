import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, existsSync, readFileSync, type WriteStream } from 'node:fs';
import { join } from 'node:path';

export const ROOT = join(__dirname, '../../..');

export type ProcessKind = 'gateway' | 'worker';

/** Debian's libfaketime (`apt-get install faketime`), preloaded into node itself. */
const LIBFAKETIME = '/usr/lib/x86_64-linux-gnu/faketime/libfaketime.so.1';

/** The production commands (Dockerfile, docs/deployment.md), run from the bundle in `dist/`. */
const COMMANDS: Record<ProcessKind, string[]> = {
  gateway: [
    ...(JSON.parse(readFileSync(join(ROOT, 'apps/gateway/node-flags.json'), 'utf8')) as string[]),
    'dist/apps/gateway/src/main.js',
  ],
  worker: ['dist/apps/worker/src/main.js'],
};

export interface ProcessOptions {
  name: string;
  kind: ProcessKind;
  env: Record<string, string>;
  logDir: string;
  /** Run under libfaketime with this offset (e.g. "+10d"): a worker living days ahead. */
  fakeTime?: string;
}

/**
 * One Frontdoor process (gateway or worker) as an operator runs it: `node dist/…` with
 * NODE_ENV=production. Its output goes to `<logDir>/<name>.log` and is kept for the checks
 * (a JSON log line at level ≥ 50 is an error log).
 */
export class FrontdoorProcess {
  private child?: ChildProcess;
  private log?: WriteStream;
  private output = '';
  private everything = '';
  exit?: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;

  constructor(readonly options: ProcessOptions) {}

  get name(): string {
    return this.options.name;
  }

  start(): this {
    const { kind, env, logDir, name, fakeTime } = this.options;
    this.output = '';
    this.log = createWriteStream(join(logDir, `${name}.log`), { flags: 'a' });
    if (fakeTime && !existsSync(LIBFAKETIME))
      throw new Error(`${LIBFAKETIME} is missing: apt-get install faketime`);
    // The library preloaded into node itself, not the `faketime` wrapper: signals must reach node.
    // Timers stay on the real monotonic clock; only the wall clock (Date) moves.
    const faked = fakeTime
      ? { LD_PRELOAD: LIBFAKETIME, FAKETIME: fakeTime, FAKETIME_DONT_FAKE_MONOTONIC: '1' }
      : {};
    const child = spawn(process.execPath, COMMANDS[kind], {
      cwd: ROOT,
      // Only what an operator sets: no jest or npm variables leak into the process.
      env: { PATH: process.env.PATH ?? '/usr/bin:/bin', NODE_ENV: 'production', ...faked, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child = child;
    for (const stream of [child.stdout!, child.stderr!])
      stream.on('data', (chunk: Buffer) => {
        this.output += chunk.toString('utf8');
        this.everything += chunk.toString('utf8');
        this.log?.write(chunk);
      });
    this.exit = new Promise((resolve) =>
      child.once('exit', (code, signal) => {
        this.log?.end();
        resolve({ code, signal });
      }),
    );
    return this;
  }

  get running(): boolean {
    return !!this.child && this.child.exitCode === null && this.child.signalCode === null;
  }

  /** Everything it printed since it was last started. */
  get printed(): string {
    return this.output;
  }

  /** Everything it printed, over all its starts. */
  get printedEver(): string {
    return this.everything;
  }

  /** JSON log lines at level error (50) or fatal (60), and plain lines naming an error. */
  errorLines(): string[] {
    return this.output.split('\n').filter((line) => {
      if (!line.trim()) return false;
      try {
        const parsed = JSON.parse(line) as { level?: number };
        return typeof parsed.level === 'number' && parsed.level >= 50;
      } catch {
        return /\bERROR\b|cannot start|Unhandled|uncaught/i.test(line);
      }
    });
  }

  async waitForOutput(text: string, ms: number): Promise<void> {
    const until = Date.now() + ms;
    while (!this.output.includes(text)) {
      if (!this.running) throw new Error(`${this.name} exited before printing "${text}":\n${this.tail()}`);
      if (Date.now() > until)
        throw new Error(`${this.name} did not print "${text}" in ${ms} ms:\n${this.tail()}`);
      await sleep(100);
    }
  }

  signal(signal: NodeJS.Signals): void {
    this.child?.kill(signal);
  }

  /** SIGTERM, and its exit code (null when it did not exit within `ms`, then killed). */
  async stop(ms = 30_000): Promise<number | null> {
    if (!this.running) return (await this.exit)?.code ?? null;
    this.signal('SIGTERM');
    const exited = await Promise.race([this.exit!, sleep(ms).then(() => undefined)]);
    if (!exited) {
      this.signal('SIGKILL');
      await this.exit;
      return null;
    }
    return exited.code;
  }

  tail(lines = 30): string {
    return this.output.split('\n').slice(-lines).join('\n');
  }
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
