import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { FaultBoard } from '../../faults';
import { seedInvoices } from './invoicing.data';

export interface InvoicingSystemOptions {
  today: string;
  clientId?: string;
  clientSecret?: string;
  tokenTtlSeconds?: number;
}

const tokenRequest = z.object({
  grant_type: z.literal('client_credentials'),
  client_id: z.string(),
  client_secret: z.string(),
});
const pageQuery = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});

/**
 * The invoicing system: a REST API behind OAuth2 client credentials (a token endpoint,
 * bearer tokens that expire), with paged invoice lists per customer.
 */
export function registerInvoicingSystem(
  app: FastifyInstance,
  faults: FaultBoard,
  options: InvoicingSystemOptions,
): void {
  const clientId = options.clientId ?? 'frontdoor-sandbox';
  const clientSecret = options.clientSecret ?? 'sandbox-invoicing-secret';
  const ttl = options.tokenTtlSeconds ?? 300;
  const invoices = seedInvoices(options.today);
  const tokens = new Map<string, number>();
  const stats = { tokensIssued: 0, apiCalls: 0 };

  app.register(
    async (system) => {
      system.register(async (formScope) => {
        formScope.addContentTypeParser(
          'application/x-www-form-urlencoded',
          { parseAs: 'string' },
          (_req, body, done) => done(null, Object.fromEntries(new URLSearchParams(String(body)))),
        );
        formScope.post('/oauth/token', async (request, reply) => {
          if (await faults.apply('invoicing', reply)) return reply;
          const form = tokenRequest.safeParse(request.body);
          if (!form.success || form.data.client_id !== clientId || form.data.client_secret !== clientSecret) {
            return reply.code(401).send({ error: 'invalid_client' });
          }
          const token = randomBytes(24).toString('hex');
          tokens.set(token, Date.now() + ttl * 1000);
          stats.tokensIssued++;
          return { access_token: token, token_type: 'Bearer', expires_in: ttl };
        });
      });

      system.register(async (api) => {
        api.addHook('onRequest', async (request, reply) => {
          if (await faults.apply('invoicing', reply)) return reply;
          const token = /^Bearer (\S+)$/.exec(request.headers.authorization ?? '')?.[1];
          const expires = token ? tokens.get(token) : undefined;
          if (!expires || expires < Date.now()) return reply.code(401).send({ error: 'invalid_token' });
          stats.apiCalls++;
          return undefined;
        });
        api.get('/api/v1/health', async () => ({ status: 'ok' }));
        api.get<{ Params: { personalNumber: string } }>(
          '/api/v1/customers/:personalNumber/invoices',
          async (request, reply) => {
            const list = invoices.get(request.params.personalNumber);
            if (!list) return reply.code(404).send({ error: 'unknown customer' });
            const { page, pageSize } = pageQuery.parse(request.query);
            const totalPages = Math.max(1, Math.ceil(list.length / pageSize));
            return { items: list.slice((page - 1) * pageSize, page * pageSize), page, pageSize, totalPages };
          },
        );
      });

      // For tests: how many tokens were issued, and a way to invalidate them all.
      system.get('/admin/stats', async () => stats);
      system.post('/admin/revoke-tokens', async (_request, reply) => {
        tokens.clear();
        return reply.code(204).send();
      });
    },
    { prefix: '/invoicing' },
  );
}
