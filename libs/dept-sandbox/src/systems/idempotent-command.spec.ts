import Fastify from 'fastify';
import { z } from 'zod';
import { idempotentCommand } from './idempotent-command';

describe('a sandbox system’s command endpoint', () => {
  async function system() {
    const decided: string[] = [];
    const app = Fastify();
    app.post<{ Params: { id: string } }>(
      '/things/:id/orders',
      idempotentCommand({
        body: z.object({ count: z.number().int().positive() }),
        decide: ({ id }, { count }) => {
          decided.push(id);
          return count > 10
            ? { outcome: 'REFUSED' as const, reason: 'TOO_MANY' }
            : { outcome: 'ORDERED' as const, id, count };
        },
        created: 'ORDERED',
      }),
    );
    await app.ready();
    const post = (id: string, payload: unknown, key?: string) =>
      app.inject({
        method: 'POST',
        url: `/things/${id}/orders`,
        payload: payload as object,
        headers: key ? { 'idempotency-key': key } : {},
      });
    return { app, post, decided };
  }

  it('creates once per key: a retry gets the first outcome again, and nothing is decided twice', async () => {
    const { app, post, decided } = await system();
    const first = await post('T-1', { count: 2 }, 'key-00000001');
    expect(first.statusCode).toBe(201);
    expect(first.json()).toEqual({ outcome: 'ORDERED', id: 'T-1', count: 2 });
    const retry = await post('T-1', { count: 2 }, 'key-00000001');
    expect(retry.statusCode).toBe(200);
    expect(retry.json()).toEqual(first.json());
    expect(decided).toEqual(['T-1']);
    await app.close();
  });

  it('answers a refusal 200 with its reason, and keeps it under its key', async () => {
    const { app, post, decided } = await system();
    const refused = await post('T-2', { count: 11 }, 'key-00000002');
    expect([refused.statusCode, refused.json()]).toEqual([200, { outcome: 'REFUSED', reason: 'TOO_MANY' }]);
    expect((await post('T-2', { count: 11 }, 'key-00000002')).json()).toEqual(refused.json());
    expect(decided).toEqual(['T-2']);
    await app.close();
  });

  it('refuses a missing or short key and a bad body with 400, naming the fields, deciding nothing', async () => {
    const { app, post, decided } = await system();
    expect((await post('T-3', { count: 1 })).statusCode).toBe(400);
    expect((await post('T-3', { count: 1 }, 'short')).json()).toEqual({
      error: 'Idempotency-Key header required',
    });
    const bad = await post('T-3', { count: -1 }, 'key-00000003');
    expect([bad.statusCode, bad.json()]).toEqual([400, { error: 'Bad Request', issues: ['count'] }]);
    expect(decided).toEqual([]);
    await app.close();
  });
});
