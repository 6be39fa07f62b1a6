import { z } from 'zod';

export const DEFAULT_PROJECT_ID = 'P2MockProject000000000000000';
export const DEFAULT_MANAGEMENT_KEY = 'K2MockManagementKey000000000';
export const DEFAULT_FIXTURES = 'fixtures/demo.json';

/** A Descope project ID as the mock accepts it, for the default project and every fixture project. */
export const PROJECT_ID_PATTERN = /^[A-Za-z0-9]{4,64}$/;

/** An origin as a browser sends it in `Origin`: a scheme, `://`, a host and maybe a port, no path. */
const ORIGIN_PATTERN = /^[a-z][a-z0-9+.-]*:\/\/[^\s/?#]+$/i;

const PORT_RANGE = 'must be a whole number from 0 to 65535 (0 picks a free port)';
/** pino's levels, and `silent` for none. */
export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

/** The mock's configuration, after flags, environment and defaults are merged (flags win, then environment). */
export const ConfigSchema = z
  .object({
    port: z.coerce
      .number({ error: PORT_RANGE })
      .int(PORT_RANGE)
      .min(0, PORT_RANGE)
      .max(65535, PORT_RANGE)
      .default(7357),
    host: z.string().min(1).default('127.0.0.1'),
    db: z.string().min(1).default(':memory:'),
    /** A path to a fixture file, or `none` for one bare project. */
    fixtures: z.string().min(1).default(DEFAULT_FIXTURES),
    projectId: z
      .string()
      .regex(PROJECT_ID_PATTERN, 'must be 4 to 64 letters and digits')
      .default(DEFAULT_PROJECT_ID),
    /** Absent: the default key beside the fixture's keys for the default project; given: its only key. */
    managementKey: z.string().min(1).optional(),
    logLevel: z.enum(LOG_LEVELS, { error: `must be one of ${LOG_LEVELS.join(', ')}` }).default('info'),
    /** Opens the control plane (`/_mock/…`) to non-loopback clients that send `Authorization: Bearer <token>`. */
    adminToken: z.string().min(1).optional(),
    /** How many Descope API calls the request journal keeps (oldest out first); 0 turns it off. */
    journalSize: z.coerce
      .number({ error: 'must be a whole number' })
      .int('must be a whole number')
      .min(0, 'must be 0 or more')
      .max(1_000_000, 'must be at most 1000000')
      .default(1000),
    /**
     * How many bytes of bodies the journal keeps (oldest out first); a body over 1/32 of it is kept as
     * `{ truncated: true, bytes }`. 32 MiB: a few thousand ordinary calls, a bounded heap whatever the bodies.
     */
    journalBytes: z.coerce
      .number({ error: 'must be a whole number' })
      .int('must be a whole number')
      .min(0, 'must be 0 or more')
      .default(32 * 1024 * 1024),
    /** How many audit events a project keeps (oldest out first, src/store/audit.ts); 0 keeps none. */
    auditLimit: z.coerce
      .number({ error: 'must be a whole number' })
      .int('must be a whole number')
      .min(0, 'must be 0 or more')
      .max(10_000_000, 'must be at most 10000000')
      .default(10_000),
    /**
     * Milliseconds a client has to send a whole request, headers and body; then 408 and the connection
     * closes, so stalled uploads cannot hold connections open. 0 turns it off.
     */
    requestTimeout: z.coerce
      .number({ error: 'must be a whole number of milliseconds' })
      .int('must be a whole number of milliseconds')
      .min(0, 'must be 0 or more')
      .max(3_600_000, 'must be at most 3600000 (an hour)')
      .default(30_000),
    /**
     * The page origins the browser-facing routes answer with CORS headers (src/http/cors.ts): a
     * comma-separated list (`http://localhost:3000,https://app.test`), or absent, empty or `*` for any.
     */
    corsOrigins: z
      .string()
      .optional()
      .superRefine((value, context) => {
        const bad = parseOrigins(value)?.find((origin) => !ORIGIN_PATTERN.test(origin));
        if (bad !== undefined) {
          context.addIssue({ code: 'custom', message: `"${bad}" is not an origin (scheme://host[:port])` });
        }
      }),
  })
  .transform(({ managementKey, ...config }) => ({
    ...config,
    managementKey: managementKey ?? DEFAULT_MANAGEMENT_KEY,
    /** True when a flag, the environment or the library named the key: it then replaces every other key. */
    managementKeyGiven: managementKey !== undefined,
  }));

/**
 * The origins of `--cors-origins`, lower-cased, without a trailing slash; undefined for any origin (absent,
 * empty, or `*` in the list).
 */
export function parseOrigins(value: string | undefined): string[] | undefined {
  const listed = (value ?? '').split(',').map((origin) => origin.trim().replace(/\/+$/, '').toLowerCase());
  const origins = listed.filter((origin) => origin !== '' && origin !== '*');
  return origins.length === 0 || listed.includes('*') ? undefined : origins;
}

export type Config = z.infer<typeof ConfigSchema>;
export type ConfigInput = z.input<typeof ConfigSchema>;

/** The host a client dials (for the banner and the library's URL): a wildcard address listens everywhere but is reached on loopback. */
export function reachableHost(host: string): string {
  if (host === '0.0.0.0' || host === '::') return '127.0.0.1';
  return host.includes(':') ? `[${host}]` : host;
}

/** The flag of each config key, for error lines that name what the user typed. */
export const FLAGS: Record<keyof ConfigInput, { flag: string; env: string }> = {
  port: { flag: '--port', env: 'DESCOPE_MOCK_PORT' },
  host: { flag: '--host', env: 'DESCOPE_MOCK_HOST' },
  db: { flag: '--db', env: 'DESCOPE_MOCK_DB' },
  fixtures: { flag: '--fixtures', env: 'DESCOPE_MOCK_FIXTURES' },
  projectId: { flag: '--project-id', env: 'DESCOPE_PROJECT_ID' },
  managementKey: { flag: '--management-key', env: 'DESCOPE_MANAGEMENT_KEY' },
  logLevel: { flag: '--log-level', env: 'DESCOPE_MOCK_LOG_LEVEL' },
  adminToken: { flag: '--admin-token', env: 'DESCOPE_MOCK_ADMIN_TOKEN' },
  journalSize: { flag: '--journal-size', env: 'DESCOPE_MOCK_JOURNAL_SIZE' },
  journalBytes: { flag: '--journal-bytes', env: 'DESCOPE_MOCK_JOURNAL_BYTES' },
  auditLimit: { flag: '--audit-limit', env: 'DESCOPE_MOCK_AUDIT_LIMIT' },
  requestTimeout: { flag: '--request-timeout', env: 'DESCOPE_MOCK_REQUEST_TIMEOUT' },
  corsOrigins: { flag: '--cors-origins', env: 'DESCOPE_MOCK_CORS_ORIGINS' },
};
