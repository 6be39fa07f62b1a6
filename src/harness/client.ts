import type { DescopeErrorBody } from '../errors.js';
import type { NewProjectInput, ProjectCredentials, ProjectFixture } from '../fixtures/schema.js';
import type { JwtResponse } from '../schemas/session.js';
import type { OutboxMessage } from '../store/outbox.js';
import type { Fault, FaultSpec } from './faults.js';
import type { JournalEntry } from './journal.js';

/** Filters of `GET /_mock/requests`; `since` is epoch milliseconds, a Date or an ISO time. */
export interface RequestFilter {
  projectId?: string;
  method?: string;
  path?: string;
  status?: number;
  since?: number | string | Date;
  limit?: number;
}

export type { Fault, FaultSpec, JournalEntry, NewProjectInput, ProjectCredentials };
export type ProjectSnapshot = ProjectFixture;
export type SentMessage = OutboxMessage & { time: string };
/**
 * A new session as Descope's sign-ins answer it: `sessionJwt`, `refreshJwt`, the cookie fields, `user`. The
 * minter hands both tokens back even for a project in cookie mode, taken from its `Set-Cookie` lines.
 */
export type JWTResponse = JwtResponse & { sessionJwt: string; refreshJwt: string };

/** What `mintSession` may add to a session; `projectId` defaults to the client's project. */
export interface MintSessionOptions {
  projectId?: string;
  /** Selects a tenant of the user's (`dct`). */
  tenantId?: string;
  /** Claims at the top level of both tokens (not `sub`, `roles` or any other claim the token sets). */
  customClaims?: Record<string, unknown>;
  /** How the user authenticated; `["email"]` by default. */
  amr?: string[];
  /** The session token's lifetime instead of the project's; zero or less mints an expired one. */
  expiresInSeconds?: number;
}

/** A control-plane call that failed: the error body's code and message, and the status. */
export class DescopeMockError extends Error {
  constructor(
    readonly status: number,
    readonly body: DescopeErrorBody,
  ) {
    super(`${body.errorCode}: ${body.errorMessage}`);
    this.name = 'DescopeMockError';
  }
}

export interface ControlClientOptions {
  /** The project the per-project calls default to. */
  projectId?: string;
  /** The mock's `--admin-token`, when it was started with one. */
  adminToken?: string;
}

/**
 * The control plane over HTTP, for a mock started anywhere: in this process (startDescopeMock), in a
 * vitest globalSetup (workers reach it by URL), in Docker or from the CLI.
 */
export class ControlClient {
  constructor(
    readonly url: string,
    private readonly options: ControlClientOptions = {},
  ) {}

  /** Every project (or the one named) back to its fixture state. */
  async reset(projectId?: string): Promise<void> {
    await this.call('POST', '/_mock/reset', projectId === undefined ? {} : { projectId });
  }

  /** A new isolated project, optionally seeded with a project in the fixture format. */
  createProject(fixture: NewProjectInput = {}): Promise<ProjectCredentials> {
    return this.call('POST', '/_mock/projects', fixture);
  }

  async deleteProject(projectId: string): Promise<void> {
    await this.call('DELETE', `/_mock/projects/${encodeURIComponent(projectId)}`);
  }

  snapshot(projectId = this.defaultProject()): Promise<ProjectSnapshot> {
    return this.call('GET', `/_mock/projects/${encodeURIComponent(projectId)}/snapshot`);
  }

  /** Replaces the project's state with a snapshot (or creates the project). */
  restore(
    snapshot: ProjectSnapshot | NewProjectInput,
    projectId = snapshot.projectId ?? this.defaultProject(),
  ) {
    return this.call<ProjectCredentials>(
      'PUT',
      `/_mock/projects/${encodeURIComponent(projectId)}/snapshot`,
      snapshot,
    );
  }

  async outbox(projectId = this.defaultProject()): Promise<SentMessage[]> {
    const { messages } = await this.call<{ messages: SentMessage[] }>(
      'GET',
      `/_mock/projects/${encodeURIComponent(projectId)}/outbox`,
    );
    return messages;
  }

  /**
   * A signed session for a stored user, without a sign-in: what a sign-in would answer. The user is a login
   * ID (or user ID), or `{ userId }`.
   */
  async mintSession(
    user: string | { userId: string },
    options: MintSessionOptions = {},
  ): Promise<JWTResponse> {
    const { projectId = this.defaultProject(), ...rest } = options;
    const named = typeof user === 'string' ? { loginId: user } : { userId: user.userId };
    const { body, setCookies } = await this.send<JwtResponse>(
      'POST',
      `/_mock/projects/${encodeURIComponent(projectId)}/sessions`,
      { ...named, ...rest },
    );
    // A project in cookie mode answers the tokens it keeps in cookies as DS / DSR cookies.
    const cookie = (name: string): string =>
      setCookies.map((line) => new RegExp(`^${name}=([^;]*)`).exec(line)?.[1]).find(Boolean) ?? '';
    return {
      ...body,
      sessionJwt: body.sessionJwt ?? cookie('DS'),
      refreshJwt: body.refreshJwt ?? cookie('DSR'),
    };
  }

  async requests(filter: RequestFilter = {}): Promise<JournalEntry[]> {
    const query = new URLSearchParams();
    for (const [key, value] of Object.entries(filter)) {
      if (value === undefined) continue;
      query.set(key, value instanceof Date ? String(value.getTime()) : String(value));
    }
    const suffix = query.toString() === '' ? '' : `?${query}`;
    const { requests } = await this.call<{ requests: JournalEntry[] }>('GET', `/_mock/requests${suffix}`);
    return requests;
  }

  async clearRequests(): Promise<void> {
    await this.call('DELETE', '/_mock/requests');
  }

  /** Adds a fault; answers its ID. */
  async addFault(fault: FaultSpec): Promise<string> {
    const { id } = await this.call<{ id: string }>('POST', '/_mock/faults', fault);
    return id;
  }

  async faults(): Promise<Fault[]> {
    const { faults } = await this.call<{ faults: Fault[] }>('GET', '/_mock/faults');
    return faults;
  }

  async removeFault(id: string): Promise<void> {
    await this.call('DELETE', `/_mock/faults/${encodeURIComponent(id)}`);
  }

  async clearFaults(): Promise<void> {
    await this.call('DELETE', '/_mock/faults');
  }

  private defaultProject(): string {
    if (!this.options.projectId) throw new Error('descope-mock: name the project (no default project given)');
    return this.options.projectId;
  }

  private async call<T>(method: string, path: string, body?: unknown): Promise<T> {
    return (await this.send<T>(method, path, body)).body;
  }

  private async send<T>(
    method: string,
    path: string,
    body?: unknown,
  ): Promise<{ body: T; setCookies: string[] }> {
    const headers: Record<string, string> = {};
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (this.options.adminToken) headers.authorization = `Bearer ${this.options.adminToken}`;
    const response = await fetch(`${this.url}${path}`, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const parsed = (await response.json()) as unknown;
    if (!response.ok) throw new DescopeMockError(response.status, parsed as DescopeErrorBody);
    return { body: parsed as T, setCookies: response.headers.getSetCookie() };
  }
}
