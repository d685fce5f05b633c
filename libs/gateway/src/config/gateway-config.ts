import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { z } from 'zod';
import { accessConfigSchema, type AccessConfig } from '../access/access-config';
import { authFileSchema, type AuthMapping } from '../auth/auth-config';
import { caseSetupSchema, pluginSettingsSchema } from '@frontdoor/core';

const boolean = z.enum(['true', 'false']).transform((v) => v === 'true');

/** Environment variables the gateway reads; everything else comes from the config file. */
export const gatewayEnvSchema = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  HOST: z.string().min(1).default('127.0.0.1'),
  PORT: z.coerce.number().int().min(0).max(65535).default(4000),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Folder for the embedded SQLite file. */
  DATA_DIR: z.string().min(1).default('./data'),
  /** PostgreSQL URL; unset means the embedded SQLite file. */
  DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/ }).optional(),
  DATABASE_MIGRATE: boolean.default(true),
  /** BullMQ on this Redis for jobs; unset: the SQL-backed queue in the hub's database. */
  REDIS_URL: z.url({ protocol: /^rediss?$/ }).optional(),
  /** The BullMQ queue's name: one per installation sharing a Redis. */
  REDIS_QUEUE: z
    .string()
    .regex(/^[a-z0-9-]+$/)
    .default('frontdoor'),
  /** SMTP for notifications, e.g. smtp://relay.kommun.se:25; unset: mail is logged, not sent. */
  SMTP_URL: z.url({ protocol: /^smtps?$/ }).optional(),
  MAIL_FROM: z.string().min(3).default('Frontdoor <noreply@frontdoor.local>'),
  /** Hostile-input limits: nesting depth, aliases and estimated cost of one GraphQL operation. */
  GRAPHQL_MAX_DEPTH: z.coerce.number().int().min(3).max(50).default(12),
  GRAPHQL_MAX_ALIASES: z.coerce.number().int().min(0).max(1000).default(30),
  GRAPHQL_MAX_COST: z.coerce.number().int().min(10).max(100_000).default(1000),
  /** Directives on one field or fragment (directive overloading), tokens in one document (parsed before any other check). */
  GRAPHQL_MAX_DIRECTIVES: z.coerce.number().int().min(1).max(50).default(3),
  GRAPHQL_MAX_TOKENS: z.coerce.number().int().min(100).max(1_000_000).default(10_000),
  /** Errors in one response; past it the rest are summed up in one. */
  GRAPHQL_MAX_ERRORS: z.coerce.number().int().min(2).max(1000).default(20),
  /** Requests per minute per user (bearer token) or, without one, per IP address. */
  RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).max(1_000_000).default(600),
  /** Run jobs (plugin imports, case notifications, SLA alarms) in this process: the embedded default. */
  JOBS_IN_PROCESS: boolean.default(true),
  /** Path of the JSON config file (plugins and auth); defaults to ./frontdoor.config.json when present. */
  FRONTDOOR_CONFIG: z.string().min(1).optional(),
  /**
   * Trust this OpenID Connect provider: its `/.well-known/openid-configuration` is read at
   * start for `issuer` and `jwks_uri`. Claims are mapped by the config file's `auth` section.
   */
  AUTH_OIDC_ISSUER: z
    .url({
      protocol: /^https?$/,
      message: "expected the provider's issuer URL, e.g. https://login.kommun.se/realms/frontdoor",
    })
    .optional(),
  /** Verify tokens against this JWKS (a provider without discovery; AUTH_ISSUER names its `iss`). */
  AUTH_JWKS_URL: z.url().optional(),
  /** …or against this PEM public key (SPKI). */
  AUTH_PUBLIC_KEY: z
    .string()
    .includes('BEGIN PUBLIC KEY', { message: 'expected a PEM public key (-----BEGIN PUBLIC KEY-----)' })
    .optional(),
  AUTH_ISSUER: z.string().min(1).optional(),
  AUTH_AUDIENCE: z.string().min(1).default('frontdoor'),
  AUTH_CLOCK_TOLERANCE_S: z.coerce.number().int().min(0).max(300).default(30),
  /** The demo token issuer (`POST /auth/dev-token`); never allowed in production. */
  AUTH_DEV_ISSUER: boolean.optional(),
});

export const gatewayFileSchema = z
  .object({
    plugins: z.record(z.string(), pluginSettingsSchema).default({}),
    /** Service goals the statistics are measured against. */
    serviceTargets: z
      .object({
        firstLineResolutionShare: z.number().min(0).max(1).default(0.7),
        answerWithinWorkingDays: z.number().int().min(1).max(30).default(2),
        answeredInTimeShare: z.number().min(0).max(1).default(0.9),
      })
      .strict()
      .prefault({}),
    /** Case categories and answer groups (svarsgrupper). */
    cases: caseSetupSchema.prefault({}),
    /** Mandates per role and answer group, protected-identity clearance, purpose of lookups (docs/security.md). */
    access: accessConfigSchema.prefault({}),
    /** Claims mapping for the identity provider's tokens, role map, service accounts (docs/configuration.md). */
    auth: authFileSchema.prefault({}),
  })
  .strict();

export type GatewayEnv = z.infer<typeof gatewayEnvSchema>;

export interface GatewayConfig {
  env: GatewayEnv;
  plugins: z.infer<typeof gatewayFileSchema>['plugins'];
  cases: z.infer<typeof gatewayFileSchema>['cases'];
  serviceTargets: z.infer<typeof gatewayFileSchema>['serviceTargets'];
  access: AccessConfig;
  auth: {
    devIssuer: boolean;
    /** An OpenID Connect provider to trust, by discovery. */
    oidcIssuer?: string;
    jwksUrl?: string;
    publicKeyPem?: string;
    /** The `iss` of tokens verified with AUTH_JWKS_URL / AUTH_PUBLIC_KEY (the demo issuer's name when neither is set). */
    issuer: string;
    audience: string;
    clockToleranceS: number;
    /** How claims become a Principal, and the service accounts (config file `auth`). */
    mapping: AuthMapping;
  };
}

/** A configuration value is wrong; the message names the key and what was expected. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

export const DEV_ISSUER = 'frontdoor-dev-issuer';

/**
 * Reads and validates the whole configuration: environment, then the config file with
 * `${VAR}` / `${VAR:-default}` placeholders filled from the environment (so secrets stay
 * out of the file). Throws ConfigError listing every problem, never starts half-configured.
 */
export function loadGatewayConfig(
  source: NodeJS.ProcessEnv = process.env,
  cwd = process.cwd(),
): GatewayConfig {
  const env = gatewayEnvSchema.safeParse(source);
  if (!env.success)
    throw new ConfigError(
      env.error.issues.map((i) => `${i.path.join('.')}: ${i.message}${received(source, i.path)}`),
    );

  const file = readConfigFile(env.data.FRONTDOOR_CONFIG, source, cwd);
  const parsedFile = gatewayFileSchema.safeParse(file.content);
  if (!parsedFile.success) {
    throw new ConfigError(
      parsedFile.error.issues.map((i) => `${file.path}: ${i.path.join('.') || '(root)'}: ${i.message}`),
    );
  }

  const production = env.data.NODE_ENV === 'production';
  const devIssuer =
    env.data.AUTH_DEV_ISSUER ?? (!production && !env.data.AUTH_JWKS_URL && !env.data.AUTH_PUBLIC_KEY);
  const problems: string[] = [];
  if (devIssuer && production)
    problems.push('AUTH_DEV_ISSUER: the demo token issuer cannot run when NODE_ENV=production');
  const staticKey = env.data.AUTH_JWKS_URL ?? env.data.AUTH_PUBLIC_KEY;
  if (!devIssuer && !env.data.AUTH_OIDC_ISSUER && !staticKey) {
    problems.push(
      'AUTH_OIDC_ISSUER, AUTH_JWKS_URL or AUTH_PUBLIC_KEY: one is required to verify tokens when the demo issuer is off',
    );
  }
  if (staticKey && !env.data.AUTH_ISSUER)
    problems.push(
      'AUTH_ISSUER: required with AUTH_JWKS_URL or AUTH_PUBLIC_KEY (the `iss` their tokens carry)',
    );
  if (devIssuer && staticKey && env.data.AUTH_ISSUER === DEV_ISSUER)
    problems.push(`AUTH_ISSUER: "${DEV_ISSUER}" is the demo issuer's name; give the provider's own issuer`);
  if (problems.length) throw new ConfigError(problems);

  return {
    env: env.data,
    plugins: parsedFile.data.plugins,
    cases: parsedFile.data.cases,
    serviceTargets: parsedFile.data.serviceTargets,
    access: parsedFile.data.access,
    auth: {
      devIssuer,
      oidcIssuer: env.data.AUTH_OIDC_ISSUER,
      jwksUrl: env.data.AUTH_JWKS_URL,
      publicKeyPem: env.data.AUTH_PUBLIC_KEY,
      issuer: env.data.AUTH_ISSUER ?? DEV_ISSUER,
      audience: env.data.AUTH_AUDIENCE,
      clockToleranceS: env.data.AUTH_CLOCK_TOLERANCE_S,
      mapping: parsedFile.data.auth,
    },
  };
}

function received(source: NodeJS.ProcessEnv, path: PropertyKey[]): string {
  const key = String(path[0]);
  const value = source[key];
  // Only echo values that cannot be secrets.
  if (value === undefined || /KEY|SECRET|PASSWORD|URL/.test(key)) return '';
  return ` (got "${value}")`;
}

function readConfigFile(
  explicitPath: string | undefined,
  env: NodeJS.ProcessEnv,
  cwd: string,
): { path: string; content: unknown } {
  const path = resolve(cwd, explicitPath ?? 'frontdoor.config.json');
  if (!existsSync(path)) {
    if (explicitPath) throw new ConfigError([`FRONTDOOR_CONFIG: no file at ${path}`]);
    return { path, content: {} };
  }
  const text = readFileSync(path, 'utf8');
  const missing: string[] = [];
  const filled = text.replace(
    /\$\{([A-Z0-9_]+)(?::-([^}]*))?\}/g,
    (_match, name: string, fallback?: string) => {
      const value = env[name] ?? fallback;
      if (value === undefined) {
        missing.push(`${path}: \${${name}} is not set in the environment`);
        return '';
      }
      return JSON.stringify(value).slice(1, -1);
    },
  );
  if (missing.length) throw new ConfigError(missing);
  try {
    return { path, content: JSON.parse(filled) };
  } catch (error) {
    throw new ConfigError([`${path}: not valid JSON (${(error as Error).message})`]);
  }
}
