import { resolve } from 'node:path';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyInstance } from 'fastify';
import type { GatewayConfig } from '../platform/config/gateway-config';
import { demoUsers, type DemoUser } from '../platform/web/demo-users';
import { readBuild, serveBuild } from '../platform/web/static-build';

/**
 * Where `vite build apps/agent-console` puts the agent console: beside this source file's
 * repository, or, for the compiled bundle in dist/ (decision 0011), in the working directory's.
 */
export const CONSOLE_DIST_CANDIDATES = [
  resolve(__dirname, '../../../../apps/agent-console/dist'),
  resolve(process.cwd(), 'apps/agent-console/dist'),
];
export const CONSOLE_CLIENT_ID = 'agent-console';

/** What the console needs before anyone signs in: where to sign in, and the case setup's names. */
export interface ConsoleRuntimeConfig {
  issuer: string | null;
  clientId: string;
  demoUsers: DemoUser[];
  categories: { key: string; name: string }[];
  answerGroups: { key: string; name: string; department: string }[];
  /** The purposes of a lookup (access.purpose.reasons): the console names one with each lookup. */
  purposeReasons: { key: string; label: string; needsText: boolean }[];
}

export function consoleRuntimeConfig(config: GatewayConfig): ConsoleRuntimeConfig {
  // The OIDC issuer the console signs in with (AUTH_OIDC_ISSUER); without one, the demo token issuer (never in production).
  const issuer = config.auth.oidcIssuer ?? null;
  return {
    issuer,
    clientId: CONSOLE_CLIENT_ID,
    demoUsers: !issuer && config.auth.devIssuer ? demoUsers() : [],
    categories: config.cases.categories.map((c) => ({ key: c.key, name: c.name })),
    answerGroups: config.cases.answerGroups.map((g) => ({
      key: g.key,
      name: g.name,
      department: g.department,
    })),
    purposeReasons: config.access.purpose.reasons.map((r) => ({
      key: r.key,
      label: r.label,
      needsText: r.needsText,
    })),
  };
}

/**
 * The agent console (apps/agent-console) at /console/: its runtime config and the built app
 * when the build exists. Outside Nest's router: static files need no guard. Who the signed-in
 * user is (`/console/session`) is a controller on the guard (console-session.controller.ts).
 */
export async function registerConsole(
  app: NestFastifyApplication,
  config: GatewayConfig,
  dists = CONSOLE_DIST_CANDIDATES,
): Promise<void> {
  const fastify = app.getHttpAdapter().getInstance() as unknown as FastifyInstance;
  const runtime = consoleRuntimeConfig(config);

  fastify.get('/console/config.json', async (_request, reply) => {
    await reply.header('cache-control', 'no-store').send(runtime);
  });

  const build = dists.map(readBuild).find((files) => files !== null) ?? null;
  if (build) {
    // /console/call is the telephony platform's screen pop (?callId=…&cid=…): the same app, which reads it.
    serveBuild(fastify, build, '/console', ['/console/call']);
  } else {
    fastify.get('/console/', async (_request, reply) => {
      await reply
        .code(503)
        .type('text/plain; charset=utf-8')
        .send('The agent console is not built: run `npx vite build apps/agent-console` (npm start does it).');
    });
  }
}
