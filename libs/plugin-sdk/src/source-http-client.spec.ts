import Fastify, { type FastifyInstance } from 'fastify';
import {
  SourceBodyNotJsonError,
  SourceBodyTooLargeError,
  SourceHttpClient,
  SourceHttpStatusError,
} from './source-http-client';

describe('SourceHttpClient against a real HTTP server', () => {
  let server: FastifyInstance;
  let base: string;
  const client = new SourceHttpClient({ maxBodyBytes: 1024 });
  const seenHeaders: Record<string, unknown>[] = [];

  beforeAll(async () => {
    server = Fastify();
    server.addHook('onRequest', async (request) => {
      seenHeaders.push(request.headers);
    });
    server.get('/ok', async () => ({ hello: 'värld' }));
    server.get('/missing', async (_req, reply) => reply.code(404).send({ error: 'nope' }));
    server.get('/broken', async (_req, reply) => reply.code(503).send('down'));
    server.get('/html', async (_req, reply) => reply.type('text/html').send('<html>Underhåll pågår</html>'));
    server.get('/huge', async () => ({ blob: 'x'.repeat(4096) }));
    server.get(
      '/slow',
      async () => new Promise((resolve) => setTimeout(() => resolve({ late: true }), 2000).unref()),
    );
    base = await server.listen({ host: '127.0.0.1', port: 0 });
  });
  afterAll(async () => {
    await client.close();
    await server.close();
  });

  const never = new AbortController().signal;

  it('reads JSON and sends the plugin’s headers', async () => {
    await expect(client.getJson(`${base}/ok`, never, { headers: { 'x-api-key': 'k1' } })).resolves.toEqual({
      hello: 'värld',
    });
    expect(seenHeaders.at(-1)).toMatchObject({ 'x-api-key': 'k1', accept: 'application/json' });
  });

  it('turns 404 into null only when the plugin asks for it', async () => {
    await expect(client.getJson(`${base}/missing`, never, { notFoundAsNull: true })).resolves.toBeNull();
    await expect(client.getJson(`${base}/missing`, never)).rejects.toEqual(new SourceHttpStatusError(404));
  });

  it('rejects a non-2xx answer with its status', async () => {
    await expect(client.getJson(`${base}/broken`, never)).rejects.toBeInstanceOf(SourceHttpStatusError);
  });

  it('rejects a body that is not JSON', async () => {
    await expect(client.getJson(`${base}/html`, never)).rejects.toBeInstanceOf(SourceBodyNotJsonError);
  });

  it('stops reading a body past its limit', async () => {
    await expect(client.getJson(`${base}/huge`, never)).rejects.toBeInstanceOf(SourceBodyTooLargeError);
  });

  it('gives up when the deadline signal fires', async () => {
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 50);
    await expect(client.getJson(`${base}/slow`, controller.signal)).rejects.toThrow(/abort/i);
  });

  it('rejects when nothing listens', async () => {
    await expect(client.getJson('http://127.0.0.1:1/', never)).rejects.toMatchObject({
      code: 'ECONNREFUSED',
    });
  });
});
