// The only reader of process.env. One zod schema, validated at start; errors name the
// variable and the rule, never the value (values may be secrets).
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { MAX_EXPORT_ROWS } from '../shared/api/list-export.ts';

const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

const services = z
  .string()
  .transform((s) =>
    s
      .split(',')
      .map((x) => x.trim())
      .filter(Boolean),
  )
  .pipe(z.array(z.enum(['web', 'worker'])).min(1));

const databaseUrl = z
  .string()
  .refine((v) => v.startsWith('sqlite:') || /^postgres(ql)?:\/\//.test(v), {
    message: 'must be sqlite:<path> or postgres://…',
  });

// A comma-separated key list: keys of ≥ 32 characters, or `stored` (the instance key).
const keyList = z
  .string()
  .max(2000)
  .default('')
  .transform((s) =>
    s
      .split(',')
      .map((k) => k.trim())
      .filter(Boolean),
  )
  .pipe(z.array(z.union([z.literal('stored'), z.string().min(32, 'keys of ≥ 32 characters')])));

const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('production'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  DATABASE_URL: databaseUrl.default('sqlite:./data/clientloop.db'),
  DB_AUTO_MIGRATE: bool.default(true),
  PUBLIC_URL: z.url().optional(),
  SMTP_URL: z.url().optional(),
  MAIL_FROM: z.string().min(3).default('ClientLoop <noreply@localhost>'),
  INBOUND_SMTP_PORT: z.coerce.number().int().min(0).max(65535).optional(),
  INBOUND_SMTP_MAX_MESSAGE_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .default(10 * 1024 * 1024),
  INBOUND_SMTP_MAX_BUFFERED_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .default(64 * 1024 * 1024),
  INBOUND_SMTP_MAX_CLIENTS: z.coerce.number().int().min(1).default(50),
  INBOUND_SMTP_MAX_CLIENTS_PER_ADDRESS: z.coerce.number().int().min(1).default(5),
  SERVICES: services.default(['web', 'worker']),
  CLIENTLOOP_ADMIN_EMAIL: z.email().optional(),
  CLIENTLOOP_ADMIN_PASSWORD: z.string().min(8, 'must be at least 8 characters').optional(),
  CLIENTLOOP_ORG_NAME: z.string().min(1).max(200).default('ClientLoop'),
  CLIENTLOOP_API_KEY: z.string().min(16, 'must be at least 16 characters').optional(),
  SETUP_TOKEN: z.string().min(16, 'must be at least 16 characters').optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  BODY_LIMIT_BYTES: z.coerce.number().int().min(1024).default(1_048_576),
  RATE_LIMIT_PUBLIC_PER_MINUTE: z.coerce.number().int().min(1).default(60),
  // Keys of status-page links (server/lib/status-link.ts); `stored` = the instance key.
  STATUS_LINK_KEYS: keyList,
  // Keys that seal secrets at rest (server/lib/secret-box.ts); `stored` = the instance key.
  SECRETS_KEYS: keyList,
  OPEN_SURVEY_COOLDOWN_SECONDS: z.coerce.number().int().min(0).max(86_400).default(600),
  OPEN_SURVEY_MAX_PER_ADDRESS_HOUR: z.coerce.number().int().min(1).default(30),
  OPEN_SURVEY_MAX_PER_DAY: z.coerce.number().int().min(1).default(1000),
  SESSION_TTL_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 90)
    .default(24 * 14),
  // A session unused this long ends (issue 19); 1 minute to 7 days, default 8 hours.
  SESSION_IDLE_MINUTES: z.coerce.number().int().min(1).max(10_080).default(480),
  JOBS_POLL_MS: z.coerce.number().int().min(10).max(60_000).default(500),
  // How long a claimed job is a worker's; a killed worker's jobs are taken over after it.
  JOBS_LEASE_MS: z.coerce.number().int().min(1_000).max(86_400_000).default(60_000),
  // Jobs per worker round; a round must end well inside JOBS_LEASE_MS (bench/mail-drain.ts).
  JOBS_BATCH_SIZE: z.coerce.number().int().min(1).max(1_000).default(50),
  // The most rows one list export may hold (shared/api/list-export.ts MAX_EXPORT_ROWS is the cap).
  EXPORT_MAX_ROWS: z.coerce.number().int().min(1).max(MAX_EXPORT_ROWS).default(MAX_EXPORT_ROWS),
  EXPORT_RATE_PER_MINUTE: z.coerce.number().int().min(1).default(30),
  TRUST_PROXY: bool.default(false),
  // /metrics and /docs (issue 19): see security.metricsToken and security.docsEnabled below.
  METRICS_TOKEN: z.string().min(16, 'must be at least 16 characters').optional(),
  DOCS_ENABLED: bool.optional(),
  TEXT_PROVIDER_URL: z.url().optional(),
  // host or host:port, comma-separated; see security.outboundAllowedHosts below.
  OUTBOUND_ALLOWED_HOSTS: z
    .string()
    .max(2000)
    .default('')
    .transform((s) =>
      s
        .split(',')
        .map((h) => h.trim().toLowerCase())
        .filter(Boolean),
    )
    .pipe(z.array(z.string().regex(/^[a-z0-9.\-\[\]:]+$/, 'host or host:port'))),
});

/** Variables that may be given as VAR_FILE (Docker secrets). */
const SECRET_VARS = [
  'DATABASE_URL',
  'SMTP_URL',
  'CLIENTLOOP_ADMIN_PASSWORD',
  'CLIENTLOOP_API_KEY',
  'SETUP_TOKEN',
  'STATUS_LINK_KEYS',
  'SECRETS_KEYS',
  'METRICS_TOKEN',
] as const;

export type Env = z.infer<typeof envSchema>;

export interface Config {
  readonly env: Env['NODE_ENV'];
  readonly http: {
    port: number;
    host: string;
    publicUrl: string;
    bodyLimit: number;
    trustProxy: boolean;
  };
  readonly db: { url: string; dialect: 'sqlite' | 'postgres'; autoMigrate: boolean };
  readonly mail: {
    smtpUrl?: string;
    from: string;
    inboundPort?: number;
    /** The SMTP receiver's bounds (INBOUND_SMTP_MAX_*): message size, memory, connections. */
    maxBytes: number;
    maxBufferedBytes: number;
    maxClients: number;
    maxClientsPerAddress: number;
  };
  readonly services: ReadonlyArray<'web' | 'worker'>;
  readonly bootstrap: {
    adminEmail?: string;
    adminPassword?: string;
    orgName: string;
    apiKey?: string;
  };
  readonly security: {
    publicRatePerMinute: number;
    sessionTtlHours: number;
    /** A session not used for this long ends (SESSION_IDLE_MINUTES). */
    sessionIdleMinutes: number;
    /**
     * The operator's exceptions to the SSRF guard (OUTBOUND_ALLOWED_HOSTS): a webhook to one of
     * these hosts may reach a private address; loopback, link-local and metadata stay refused.
     * The text provider on one of these hosts is not checked at all (the operator chose it).
     */
    outboundAllowedHosts: readonly string[];
    /**
     * Open survey links (OPEN_SURVEY_*): one answer per device per link within cooldownSeconds,
     * at most perAddressHour per address and link an hour, perLinkDay per link a day.
     */
    openSurvey: { cooldownSeconds: number; perAddressHour: number; perLinkDay: number };
    /**
     * /metrics: with METRICS_TOKEN, only with `Authorization: Bearer <token>`; without it, open
     * in development and test and off (404) in production.
     */
    metricsToken?: string;
    metricsOpen: boolean;
    /** /docs (Swagger UI and the OpenAPI JSON): DOCS_ENABLED, by default off in production. */
    docsEnabled: boolean;
    /** STATUS_LINK_KEYS, SECRETS_KEYS (lib/secret-box.ts): first signs/seals, all open; empty = stored key. */
    statusLinkKeys: readonly string[];
    secretsKeys: readonly string[];
    /** First-run set-up token beyond loopback (SETUP_TOKEN); made and logged at start when unset. */
    setupToken?: string;
  };
  /** Worker polling and leases: a killed worker's claimed jobs run again after leaseMs. */
  readonly jobs: { pollMs: number; leaseMs: number; batchSize: number };
  /**
   * List exports (GET /api/v1/<list>/export): above maxRows rows → 422 too_many_rows; more than
   * perMinute files of one list per organisation a minute → 429 rate_limited.
   */
  readonly exports: { maxRows: number; perMinute: number };
  /** Optional OpenAI-compatible endpoint for text analysis; the offline model is the fallback. */
  readonly text: { providerUrl?: string };
  readonly logLevel: Env['LOG_LEVEL'];
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

function resolveSecretFiles(source: NodeJS.ProcessEnv): Record<string, string | undefined> {
  const out: Record<string, string | undefined> = { ...source };
  for (const name of SECRET_VARS) {
    const file = source[`${name}_FILE`];
    if (file && !source[name]) {
      try {
        out[name] = readFileSync(file, 'utf8').trim();
      } catch {
        throw new ConfigError([`${name}_FILE: cannot read the file it names`]);
      }
    }
  }
  // Empty strings mean "unset", as in most .env tooling.
  for (const [k, v] of Object.entries(out)) if (v === '') delete out[k];
  return out;
}

export function loadConfig(source: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.safeParse(resolveSecretFiles(source));
  if (!parsed.success) {
    const problems = parsed.error.issues.map(
      (i) => `${i.path.join('.')}: ${i.message.replace(/received .*/i, '').trim()}`,
    );
    throw new ConfigError(problems);
  }
  const e = parsed.data;
  if (Boolean(e.CLIENTLOOP_ADMIN_EMAIL) !== Boolean(e.CLIENTLOOP_ADMIN_PASSWORD)) {
    throw new ConfigError([
      'CLIENTLOOP_ADMIN_EMAIL and CLIENTLOOP_ADMIN_PASSWORD must be set together',
    ]);
  }
  const config: Config = {
    env: e.NODE_ENV,
    http: {
      port: e.PORT,
      host: e.HOST,
      publicUrl: (e.PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/+$/, ''),
      bodyLimit: e.BODY_LIMIT_BYTES,
      trustProxy: e.TRUST_PROXY,
    },
    db: {
      url: e.DATABASE_URL,
      dialect: e.DATABASE_URL.startsWith('sqlite:') ? 'sqlite' : 'postgres',
      autoMigrate: e.DB_AUTO_MIGRATE,
    },
    mail: {
      smtpUrl: e.SMTP_URL,
      from: e.MAIL_FROM,
      inboundPort: e.INBOUND_SMTP_PORT,
      maxBytes: e.INBOUND_SMTP_MAX_MESSAGE_BYTES,
      maxBufferedBytes: e.INBOUND_SMTP_MAX_BUFFERED_BYTES,
      maxClients: e.INBOUND_SMTP_MAX_CLIENTS,
      maxClientsPerAddress: e.INBOUND_SMTP_MAX_CLIENTS_PER_ADDRESS,
    },
    services: e.SERVICES,
    bootstrap: {
      adminEmail: e.CLIENTLOOP_ADMIN_EMAIL?.toLowerCase(),
      adminPassword: e.CLIENTLOOP_ADMIN_PASSWORD,
      orgName: e.CLIENTLOOP_ORG_NAME,
      apiKey: e.CLIENTLOOP_API_KEY,
    },
    security: {
      publicRatePerMinute: e.RATE_LIMIT_PUBLIC_PER_MINUTE,
      sessionTtlHours: e.SESSION_TTL_HOURS,
      sessionIdleMinutes: e.SESSION_IDLE_MINUTES,
      outboundAllowedHosts: e.OUTBOUND_ALLOWED_HOSTS,
      setupToken: e.SETUP_TOKEN,
      statusLinkKeys: e.STATUS_LINK_KEYS,
      secretsKeys: e.SECRETS_KEYS,
      metricsToken: e.METRICS_TOKEN,
      metricsOpen: e.NODE_ENV !== 'production',
      docsEnabled: e.DOCS_ENABLED ?? e.NODE_ENV !== 'production',
      openSurvey: {
        cooldownSeconds: e.OPEN_SURVEY_COOLDOWN_SECONDS,
        perAddressHour: e.OPEN_SURVEY_MAX_PER_ADDRESS_HOUR,
        perLinkDay: e.OPEN_SURVEY_MAX_PER_DAY,
      },
    },
    jobs: { pollMs: e.JOBS_POLL_MS, leaseMs: e.JOBS_LEASE_MS, batchSize: e.JOBS_BATCH_SIZE },
    exports: { maxRows: e.EXPORT_MAX_ROWS, perMinute: e.EXPORT_RATE_PER_MINUTE },
    text: { providerUrl: e.TEXT_PROVIDER_URL },
    logLevel: e.LOG_LEVEL,
  };
  return deepFreeze(config);
}

/** The variables the schema knows, for the .env.example completeness test. */
export const CONFIG_VARIABLES = Object.keys(envSchema.shape);

function deepFreeze<T>(o: T): T {
  if (o && typeof o === 'object') {
    for (const v of Object.values(o)) deepFreeze(v);
    Object.freeze(o);
  }
  return o;
}
