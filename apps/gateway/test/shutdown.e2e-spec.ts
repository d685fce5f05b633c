import type { JobQueue } from '@frontdoor/jobs';
import { ShutdownState } from '@frontdoor/gateway';
import { startHub } from '@frontdoor/testing';

/** The gateway's teardown: jobs stop before the database closes, and nothing polls afterwards. */
describe('gateway shutdown', () => {
  it('lets a running job finish with the database still open, then closes it', async () => {
    const hub = await startHub({ plugins: {} });
    // JOB_QUEUE is the provider token of the queue the case chain and plugins share.
    const queue = hub.app.get<JobQueue>('JOB_QUEUE');
    const outcome: string[] = [];
    let started!: () => void;
    const running = new Promise<void>((resolve) => (started = resolve));
    queue.process('probe', async () => {
      started();
      await new Promise((resolve) => setTimeout(resolve, 300));
      try {
        await hub.dataSource.query('SELECT 1');
        outcome.push('database open');
      } catch (error) {
        outcome.push(`database gone: ${(error as Error).message}`);
      }
    });
    await queue.add('probe', {});
    await running;
    await hub.close();
    expect(outcome).toEqual(['database open']);
    expect(hub.dataSource.isInitialized).toBe(false);
  }, 20_000);

  it('answers readiness with 503 from the moment it is draining, while liveness stays up', async () => {
    const hub = await startHub({ plugins: {} });
    try {
      expect((await fetch(`${hub.url}/health/ready`)).status).toBe(200);
      hub.app.get(ShutdownState).draining = true;
      const ready = await fetch(`${hub.url}/health/ready`);
      expect(ready.status).toBe(503);
      expect(ready.headers.get('connection')).toBe('close');
      expect((await fetch(`${hub.url}/health/live`)).status).toBe(200);
    } finally {
      await hub.close();
    }
  });
});
