import type { z } from 'zod';
import { type ConfigInput, reachableHost } from './config.js';
import { parseFixtures } from './fixtures/read.js';
import type { FixtureFileSchema } from './fixtures/schema.js';
import { ControlClient } from './harness/client.js';
import { buildServer } from './server.js';

export type { ConfigInput } from './config.js';
export { DEFAULT_MANAGEMENT_KEY, DEFAULT_PROJECT_ID } from './config.js';
export type { FixtureFile, ProjectFixture } from './fixtures/schema.js';
export {
  ControlClient,
  type ControlClientOptions,
  DescopeMockError,
  type Fault,
  type FaultSpec,
  type JournalEntry,
  type JWTResponse,
  type MintSessionOptions,
  type NewProjectInput,
  type ProjectCredentials,
  type ProjectSnapshot,
  type RequestFilter,
  type SentMessage,
} from './harness/client.js';
export { buildServer } from './server.js';

export interface StartOptions extends Omit<ConfigInput, 'fixtures'> {
  /** A fixture file path, fixtures as an object (validated like a file), or 'none' (the default: one bare project). */
  fixtures?: string | z.input<typeof FixtureFileSchema>;
}

/**
 * A running mock: its URL and default project's credentials (what `DescopeClient` needs), the control
 * plane's calls (reset, createProject, requests, addFault…) and `close()`.
 */
export interface DescopeMock extends ControlClient {
  url: string;
  projectId: string;
  managementKey: string;
  close(): Promise<void>;
}

/**
 * Starts the mock in this process, on a free port of 127.0.0.1 (port 0) unless told otherwise, with an
 * in-memory database and no fixtures unless given. Works from a vitest globalSetup and from plain Node.
 */
export async function startDescopeMock(options: StartOptions = {}): Promise<DescopeMock> {
  const { fixtures = 'none', ...rest } = options;
  const config = { port: 0, logLevel: 'silent' as const, ...rest };
  const app =
    typeof fixtures === 'string'
      ? buildServer({ ...config, fixtures })
      : buildServer(config, { fixtures: parseFixtures(fixtures, 'fixtures') });
  const { host, port, projectId, managementKey, adminToken } = app.services.config;
  try {
    await app.listen({ port, host });
  } catch (error) {
    // Nothing listens (a taken port): close the database rather than leave it open in the caller's process.
    await app.close();
    throw error;
  }
  const address = app.server.address();
  const listening = typeof address === 'object' && address ? address.port : port;
  const url = `http://${reachableHost(host)}:${listening}`;
  const client = new ControlClient(url, { projectId, adminToken });
  return Object.assign(client, { url, projectId, managementKey, close: () => app.close() });
}
