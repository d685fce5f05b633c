/**
 * Row 2's yardstick: what the person overview costs without Frontdoor. Plain Fastify + undici,
 * the same HTTP calls to the department sandbox the hub makes for one person (childcare
 * applications, every invoice page with a client-credentials token fetched once, building
 * permit cases, the population register), in parallel, merged into one JSON answer.
 * No validation, access checks, audit, deadlines or breakers: that is the hub's added work.
 *   REFERENCE_PORT=4120 SANDBOX_URL=http://127.0.0.1:4110 node dist/tools/bench/src/reference-server.js
 */
import Fastify from 'fastify';
import { Agent, request } from 'undici';

const sandbox = process.env.SANDBOX_URL ?? 'http://127.0.0.1:4010';
const port = Number(process.env.REFERENCE_PORT ?? 4120);
// One keep-alive pool per department system, as the hub has one per plugin.
const pool = () => new Agent({ connections: 32, keepAliveTimeout: 30_000 });
const agents = { childcare: pool(), invoicing: pool(), permits: pool(), register: pool() };

async function getJson(agent: Agent, url: string, headers: Record<string, string>): Promise<unknown> {
  const response = await request(url, {
    headers: { accept: 'application/json', ...headers },
    dispatcher: agent,
  });
  if (response.statusCode === 404) {
    await response.body.dump();
    return null;
  }
  if (response.statusCode !== 200) {
    await response.body.dump();
    throw new Error(`${url}: HTTP ${response.statusCode}`);
  }
  return response.body.json();
}

let invoicingToken: Promise<string> | undefined;
function token(): Promise<string> {
  invoicingToken ??= (async () => {
    const response = await request(`${sandbox}/invoicing/oauth/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'client_credentials',
        client_id: 'frontdoor-sandbox',
        client_secret: 'sandbox-invoicing-secret',
      }).toString(),
      dispatcher: agents.invoicing,
    });
    return ((await response.body.json()) as { access_token: string }).access_token;
  })();
  return invoicingToken;
}

async function invoices(pn: string): Promise<unknown[] | null> {
  const items: unknown[] = [];
  const authorization = `Bearer ${await token()}`;
  for (let page = 1; ; page++) {
    const body = (await getJson(
      agents.invoicing,
      `${sandbox}/invoicing/api/v1/customers/${pn}/invoices?page=${page}&pageSize=50`,
      { authorization },
    )) as {
      items: unknown[];
      totalPages: number;
    } | null;
    if (!body) return null;
    items.push(...body.items);
    if (page >= body.totalPages) return items;
  }
}

const app = Fastify({ logger: false });
app.get<{ Params: { pn: string } }>('/person/:pn', async (req) => {
  const pn = req.params.pn;
  const [childcare, invoiceList, permits, register] = await Promise.all([
    getJson(agents.childcare, `${sandbox}/childcare/api/v1/guardians/${pn}/applications`, {
      'x-api-key': 'sandbox-childcare-key',
    }),
    invoices(pn),
    getJson(agents.permits, `${sandbox}/permits/api/v1/applicants/${pn}/cases`, {
      'x-api-key': 'sandbox-permits-key',
    }),
    getJson(agents.register, `${sandbox}/register/api/v1/persons/${pn}`, {
      'x-api-key': 'sandbox-register-key',
    }),
  ]);
  return { personalNumber: pn, childcare, invoices: invoiceList, permits, register };
});
app.listen({ host: '127.0.0.1', port }).then(
  (address) => console.log(`reference listening on ${address}`),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
