import { z } from 'zod';

const boolean = z.enum(['true', 'false']).transform((v) => v === 'true');

/** Environment variables the gateway and the worker read; everything else comes from the config file. */
export const hubEnvSchema = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  HOST: z.string().min(1).default('127.0.0.1'),
  PORT: z.coerce.number().int().min(0).max(65535).default(4000),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Folder for the embedded SQLite file. */
  DATA_DIR: z.string().min(1).default('./data'),
  /** PostgreSQL URL; unset means the embedded SQLite file. */
  DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/ }).optional(),
  /** The retention job's own role on PostgreSQL (tools/sql/postgres-retention-role.sql); unset: DATABASE_URL's. */
  RETENTION_DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/ }).optional(),
  DATABASE_MIGRATE: boolean.default(true),
  /** BullMQ on this Redis for jobs; unset: the SQL-backed queue in the hub's database. */
  REDIS_URL: z.url({ protocol: /^rediss?$/ }).optional(),
  /** The installation's name in Redis: the BullMQ queue, and the prefix of shared state (cache, limits). */
  REDIS_QUEUE: z
    .string()
    .regex(/^[a-z0-9-]+$/)
    .default('frontdoor'),
  /** SMTP for notifications, e.g. smtp://relay.kommun.se:25; unset: mail is logged, not sent. */
  SMTP_URL: z.url({ protocol: /^smtps?$/ }).optional(),
  /** Open311's jurisdiction_id of this installation (one jurisdiction per hub). */
  OPEN311_JURISDICTION_ID: z.string().min(1).default('exempelstad.se'),
  /** The citizen page (Mina ärenden) as citizens reach it: linked from their notifications. */
  CITIZEN_PAGE_URL: z.url().default('http://127.0.0.1:4000/mina-arenden/'),
  /** The survey page as citizens reach it (the gateway's `/enkat/`); unset: `/enkat/` on the citizen page's host. */
  SURVEY_PAGE_URL: z.url({ protocol: /^https?$/ }).optional(),
  /** The national Mina ärenden's producer name and the namespace of its kundhandelseTyp. */
  MINA_ARENDEN_PRODUCER: z
    .string()
    .regex(/^[A-Z0-9]+$/, 'upper-case letters and digits, e.g. EXEMPELSTAD')
    .default('EXEMPELSTAD'),
  MAIL_FROM: z.string().min(3).default('Frontdoor <noreply@frontdoor.local>'),
  /** Mail to the contact address becomes cases (decision 0080): `smtp` listens, `imap` polls a mailbox, `off` takes none. */
  EMAIL_INBOUND: z.enum(['off', 'smtp', 'imap']).default('off'),
  /** The contact addresses taken, comma separated; the first is the sender of acknowledgements and answers. */
  EMAIL_INBOUND_ADDRESSES: z
    .string()
    .default('kundtjanst@frontdoor.local')
    .transform((text) => text.split(',').map((a) => a.trim().toLowerCase()))
    .pipe(z.array(z.email()).min(1)),
  /** The case category a new mail's case gets; its SLA (working days) is the answer date promised. */
  EMAIL_INBOUND_CATEGORY: z.string().min(1).optional(),
  EMAIL_INBOUND_SMTP_HOST: z.string().min(1).default('127.0.0.1'),
  EMAIL_INBOUND_SMTP_PORT: z.coerce.number().int().min(0).max(65535).default(2525),
  /** The largest mail taken (bytes); a larger one is refused with 552. */
  EMAIL_INBOUND_MAX_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .max(100 * 1024 * 1024)
    .default(25 * 1024 * 1024),
  /** The largest attachment stored (bytes); a larger one is recorded as refused. */
  EMAIL_INBOUND_MAX_ATTACHMENT_BYTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(100 * 1024 * 1024)
    .default(10 * 1024 * 1024),
  /** EMAIL_INBOUND=imap: the mailbox's server and account, e.g. imaps://kundtjanst:secret@imap.kommun.se:993. */
  EMAIL_INBOUND_IMAP_URL: z.url({ protocol: /^imaps?$/ }).optional(),
  EMAIL_INBOUND_IMAP_MAILBOX: z.string().min(1).default('INBOX'),
  /** Where a taken mail is moved (created when missing); unset: it is only marked read. */
  EMAIL_INBOUND_IMAP_DONE_MAILBOX: z.string().min(1).optional(),
  EMAIL_INBOUND_IMAP_POLL_MS: z.coerce.number().int().min(1000).max(3_600_000).default(30_000),
  /** Acknowledgements to one sender per hour; past it their mail is still taken, not acknowledged (loops). */
  EMAIL_INBOUND_ACKS_PER_HOUR: z.coerce.number().int().min(0).max(10_000).default(5),
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
  /**
   * Call events per minute per telephony platform (POST /telephony/events), instead of the
   * per-user limit: a 200-seat contact center at peak sends a few hundred a second.
   */
  TELEPHONY_EVENTS_PER_MINUTE: z.coerce.number().int().min(1).max(10_000_000).default(120_000),
  /** On SIGTERM: how long requests in flight may take to finish (ms) before their connections are closed. */
  SHUTDOWN_DRAIN_TIMEOUT_MS: z.coerce.number().int().min(0).max(120_000).default(10_000),
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

export type HubEnv = z.infer<typeof hubEnvSchema>;

/** The value of a key that failed validation, for the message: only when it cannot be a secret. */
export function received(source: NodeJS.ProcessEnv, path: PropertyKey[]): string {
  const key = String(path[0]);
  const value = source[key];
  // Only echo values that cannot be secrets.
  if (value === undefined || /KEY|SECRET|PASSWORD|URL/.test(key)) return '';
  return ` (got "${value}")`;
}
