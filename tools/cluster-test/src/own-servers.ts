import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { waitForPort } from '@frontdoor/testing';
import { ROOT } from './frontdoor-process';

/**
 * A Redis of the test's own, persisting to an append-only file as production's must (BullMQ's
 * delayed jobs live there), so that stopping and starting it mid-test loses nothing.
 */
export class OwnRedis {
  private child?: ChildProcess;
  constructor(
    readonly port: number,
    private readonly dir: string,
  ) {}

  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  async start(): Promise<void> {
    this.child = spawn(
      'redis-server',
      [
        ...['--port', String(this.port), '--bind', '127.0.0.1', '--dir', this.dir, '--save', ''],
        ...['--appendonly', 'yes', '--appendfsync', 'always', '--maxmemory-policy', 'noeviction'],
      ],
      { stdio: 'ignore' },
    );
    await waitForPort(this.port, 10_000, 'redis-server');
  }

  /** SIGTERM: Redis finishes its append-only file and exits, as `systemctl stop` does. */
  async stop(): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
  }
}

/** A throwaway PostgreSQL 15 with an empty database (tools/scripts/postgres-local.sh). */
export class OwnPostgres {
  url = '';
  constructor(
    readonly port: number,
    private readonly dir: string,
  ) {}

  start(): void {
    this.url = execFileSync(
      join(ROOT, 'tools/scripts/postgres-local.sh'),
      ['start', this.dir, String(this.port)],
      {
        encoding: 'utf8',
      },
    ).trim();
  }

  /** Stops the server and removes its data (the processes' logs stay in the cluster's folder). */
  stop(): void {
    execFileSync(join(ROOT, 'tools/scripts/postgres-local.sh'), ['stop', this.dir], { stdio: 'ignore' });
    rmSync(this.dir, { recursive: true, force: true });
  }
}
