import type { ConfigInput } from './config.js';
import type { FixtureFile } from './fixtures.js';
import { buildServer } from './server.js';

export type { ConfigInput } from './config.js';
export { DEFAULT_MANAGEMENT_KEY, DEFAULT_PROJECT_ID } from './config.js';
export type { FixtureFile, ProjectFixture } from './fixtures.js';
export { buildServer } from './server.js';

export interface StartOptions extends Omit<ConfigInput, 'fixtures'> {
  /** A fixture file path, parsed fixtures, or 'none' (the default: one bare project). */
  fixtures?: string | FixtureFile;
}

export interface DescopeMock {
  url: string;
  projectId: string;
  managementKey: string;
  close(): Promise<void>;
}

/** Starts the mock in-process, on a free port of 127.0.0.1 unless told otherwise. */
export async function startDescopeMock(options: StartOptions = {}): Promise<DescopeMock> {
  const { fixtures = 'none', ...rest } = options;
  const config = { port: 0, logLevel: 'silent' as const, ...rest };
  const app =
    typeof fixtures === 'string' ? buildServer({ ...config, fixtures }) : buildServer(config, { fixtures });
  await app.listen({ port: app.services.config.port, host: app.services.config.host });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    projectId: app.services.config.projectId,
    managementKey: app.services.config.managementKey,
    close: () => app.close(),
  };
}
