import { z } from 'zod';

export const DEFAULT_PROJECT_ID = 'P2MockProject000000000000000';
export const DEFAULT_MANAGEMENT_KEY = 'K2MockManagementKey000000000';
export const DEFAULT_FIXTURES = 'fixtures/demo.json';

/** The mock's configuration, after flags, environment and defaults are merged (flags win, then environment). */
export const ConfigSchema = z.object({
  port: z.coerce.number().int('must be a whole number').min(0).max(65535, 'must be 0 to 65535').default(7357),
  host: z.string().min(1).default('127.0.0.1'),
  db: z.string().min(1).default(':memory:'),
  /** A path to a fixture file, or `none` for one bare project. */
  fixtures: z.string().min(1).default(DEFAULT_FIXTURES),
  projectId: z
    .string()
    .regex(/^[A-Za-z0-9]{4,64}$/, 'must be 4 to 64 letters and digits')
    .default(DEFAULT_PROJECT_ID),
  managementKey: z.string().min(1).default(DEFAULT_MANAGEMENT_KEY),
  logLevel: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

export type Config = z.infer<typeof ConfigSchema>;
export type ConfigInput = z.input<typeof ConfigSchema>;

/** The flag of each config key, for error lines that name what the user typed. */
export const FLAGS: Record<keyof Config, { flag: string; env: string }> = {
  port: { flag: '--port', env: 'DESCOPE_MOCK_PORT' },
  host: { flag: '--host', env: 'DESCOPE_MOCK_HOST' },
  db: { flag: '--db', env: 'DESCOPE_MOCK_DB' },
  fixtures: { flag: '--fixtures', env: 'DESCOPE_MOCK_FIXTURES' },
  projectId: { flag: '--project-id', env: 'DESCOPE_PROJECT_ID' },
  managementKey: { flag: '--management-key', env: 'DESCOPE_MANAGEMENT_KEY' },
  logLevel: { flag: '--log-level', env: 'DESCOPE_MOCK_LOG_LEVEL' },
};
