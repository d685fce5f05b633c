import { resolve } from 'node:path';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyInstance } from 'fastify';
import type { GatewayConfig } from '../platform/config/gateway-config';
import { demoUsers } from '../platform/web/demo-users';
import { readBuild, serveBuild } from '../platform/web/static-build';

/** Where `vite build apps/citizen-web` puts the citizen page (as for the console, decision 0011). */
export const CITIZEN_WEB_DIST_CANDIDATES = [
  resolve(__dirname, '../../../../apps/citizen-web/dist'),
  resolve(process.cwd(), 'apps/citizen-web/dist'),
];
export const CITIZEN_WEB_CLIENT_ID = 'citizen-web';
export const CITIZEN_WEB_PATH = '/mina-arenden';

/** What the citizen page needs before sign-in: where to sign in (in production the e-ID broker, BankID). */
export interface CitizenWebRuntimeConfig {
  issuer: string | null;
  clientId: string;
  /** The demo's citizens, for the embedded default's demo sign-in without an issuer. */
  demoUsers: { id: string; name: string; sub?: string }[];
}

/**
 * The citizen page "Mina ärenden" (apps/citizen-web) at /mina-arenden/: its runtime config
 * and the built app. Everything it shows comes from /graphql with the citizen's own token;
 * the hub decides there what a citizen may see (only themselves).
 */
export function registerCitizenWeb(
  app: NestFastifyApplication,
  config: GatewayConfig,
  dists = CITIZEN_WEB_DIST_CANDIDATES,
): void {
  const fastify = app.getHttpAdapter().getInstance() as unknown as FastifyInstance;
  const issuer = config.auth.oidcIssuer ?? null;
  const runtime: CitizenWebRuntimeConfig = {
    issuer,
    clientId: CITIZEN_WEB_CLIENT_ID,
    demoUsers:
      !issuer && config.auth.devIssuer
        ? demoUsers()
            .filter((u) => u.role === 'citizen')
            .map(({ id, name, sub }) => ({ id, name, sub }))
        : [],
  };
  fastify.get(`${CITIZEN_WEB_PATH}/config.json`, async (_request, reply) => {
    await reply.header('cache-control', 'no-store').send(runtime);
  });
  const build = dists.map(readBuild).find((files) => files !== null) ?? null;
  if (build) {
    serveBuild(fastify, build, CITIZEN_WEB_PATH);
  } else {
    fastify.get(`${CITIZEN_WEB_PATH}/`, async (_request, reply) => {
      await reply
        .code(503)
        .type('text/plain; charset=utf-8')
        .send('Mina ärenden is not built: run `npx vite build apps/citizen-web` (npm start does it).');
    });
  }
}
