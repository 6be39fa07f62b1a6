/**
 * The inspector's only ways to the mock: the control plane (`/_mock/…`) and the Descope API, the latter with
 * a project's management key as any SDK sends it. Never anything else, so the page shows what clients see.
 */

/** A project as `GET /_mock/projects` lists it. */
export interface Project {
  projectId: string;
  name: string;
  createdTime: number;
  default: boolean;
  managementKey: string;
  users: number;
  tenants: number;
  roles: number;
  permissions: number;
  customAttributes: number;
  accessKeys: number;
  outbox: number;
}

/** A refused call, with Descope's error body when the mock answered one. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly errorCode: string,
    message: string,
  ) {
    super(message);
  }
}

const TOKEN_KEY = 'descope-mock-admin-token';

/** The admin token the user typed (a mock started with --admin-token), kept for this tab only. */
export const adminToken = {
  get: (): string | undefined => sessionStorage.getItem(TOKEN_KEY) ?? undefined,
  set: (token: string) => sessionStorage.setItem(TOKEN_KEY, token),
  clear: () => sessionStorage.removeItem(TOKEN_KEY),
};

/** Listeners told when the control plane wants the admin token (a 401 from it). */
const tokenWanted = new Set<() => void>();
export function onTokenWanted(listener: () => void): () => void {
  tokenWanted.add(listener);
  return () => tokenWanted.delete(listener);
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

async function call<T>(method: Method, path: string, body: unknown, authorization?: string): Promise<T> {
  const headers: Record<string, string> = {};
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (authorization) headers.authorization = authorization;
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new ApiError(0, '', 'The mock did not answer: is it still running?');
  }
  const text = await response.text();
  let parsed: unknown;
  try {
    parsed = text === '' ? {} : JSON.parse(text);
  } catch {
    parsed = { message: text };
  }
  if (!response.ok) {
    const error = (parsed ?? {}) as { errorCode?: string; errorDescription?: string; message?: string };
    throw new ApiError(
      response.status,
      error.errorCode ?? '',
      error.message ?? error.errorDescription ?? `${response.status} ${response.statusText}`,
    );
  }
  return parsed as T;
}

/** A control-plane call, with the admin token when one was given. */
export async function control<T = Record<string, unknown>>(
  method: Method,
  path: string,
  body?: unknown,
): Promise<T> {
  const token = adminToken.get();
  try {
    return await call<T>(method, path, body, token ? `Bearer ${token}` : undefined);
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) for (const listener of tokenWanted) listener();
    throw error;
  }
}

/**
 * The query parameter the inspector adds to its own Descope API calls (Descope ignores unknown parameters),
 * so the journal shows which calls were the inspector's and a live page is not woken by its own calls.
 */
export const INSPECTOR_MARK = 'inspector';

/**
 * A Descope management API call for the project, as the SDK makes it: GET without a body, POST with one,
 * unless said otherwise. `path` may carry its own query string.
 */
export function mgmt<T = Record<string, unknown>>(
  project: Pick<Project, 'projectId' | 'managementKey'>,
  path: string,
  body?: unknown,
  method: Method = body === undefined ? 'GET' : 'POST',
): Promise<T> {
  const marked = `${path}${path.includes('?') ? '&' : '?'}${INSPECTOR_MARK}=1`;
  return call<T>(method, marked, body, `Bearer ${project.projectId}:${project.managementKey}`);
}

/** `/_mock/projects/<id>…`, the project's ID escaped. */
export const projectPath = (projectId: string, rest = ''): string =>
  `/_mock/projects/${encodeURIComponent(projectId)}${rest}`;
