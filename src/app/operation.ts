import type { z } from 'zod';
import type { Config } from '../config.js';
import type { AuditDraft, SignInMethod } from '../domain/audit.js';
import type { Caller } from '../domain/caller.js';
import { DescopeError } from '../errors.js';
import type { Harness } from '../harness/index.js';
import type { Store } from '../store/index.js';
import { loginFailed, writeAudit } from './audit.js';

/** What an operation may use: the store, the clock, the configuration and the harness. */
export interface Services {
  store: Store;
  config: Config;
  /** Epoch milliseconds; one clock for the whole server, so tests can pin it. */
  now(): number;
  /** The control plane's request journal and injected faults. */
  harness: Harness;
}

export interface OperationInput<Body, Query, Params = unknown> {
  body: Body;
  query: Query;
  /** The path's parameters (`/v1/mgmt/list/:id`), percent-decoded by the router. */
  params?: Params;
  projectId: string;
  services: Services;
  /**
   * An authentication call's credentials (src/domain/caller.ts); a management call's origin (its key checked);
   * NO_CALLER on every other route.
   */
  caller: Caller;
  /**
   * `Set-Cookie` lines the answer carries: the DS/DSR cookies of a project that keeps tokens in cookies
   * (descope-auth-api.md §4.2). The server sends them with the answer.
   */
  cookies: string[];
  /**
   * The audit trail's actor of a management call: the ID of the management key it carries
   * (managementKeyId, never the key itself); '' on every other route.
   */
  actorId: string;
  /** The client's address, for the audit trail. */
  remoteAddress: string;
}

/** A write that Descope does not audit, with the reason (a test checks every management write declares one). */
export interface AuditNone {
  none: string;
}
export const notAudited = (reason: string): AuditNone => ({ none: reason });

/**
 * The declaration of a write whose module has no event in Descope's list (descope-mgmt-more.md §5): SSO,
 * applications, lists, FGA, projects… Vendor behaviour (inferred): such writes are not audited, rather than
 * audited under names the mock would make up.
 */
export const NO_DOCUMENTED_EVENT = notAudited('no documented audit event');

/**
 * The audit events an operation writes once it succeeded (descope-mgmt-more.md §5), from its input and
 * answer; the call's time, actor and address complete them (src/app/audit.ts).
 */
export type AuditDeclaration<Input, Answer> =
  | ((input: Input, answer: Answer) => AuditDraft | AuditDraft[] | undefined)
  | AuditNone;

/** A sign-in or verification whose refusal writes `LoginFailed`: its method, and the login ID it names. */
export interface LoginFailureDeclaration<Body> {
  method: SignInMethod;
  loginId?(body: Body): string | undefined;
}

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

/**
 * One emulated Descope operation: its literal method and path, the SDK methods that call it, its zod
 * schemas and a handler. The registry (src/routes/registry.ts) lists every one, and the server, the OpenAPI
 * document and the endpoint table (docs/endpoints.md) are all built from that list. The handler runs inside
 * the operation's transaction (`runOperation`), so it never opens one itself.
 */
export interface Operation<
  Body extends z.ZodType = z.ZodType,
  Query extends z.ZodType = z.ZodType,
  Response extends z.ZodType = z.ZodType,
  Params extends z.ZodType = z.ZodType,
> {
  method: Method;
  path: string;
  /** `@descope/node-sdk` methods that call this path, as `management.user.updateDisplayName`. */
  sdkMethods: string[];
  summary: string;
  /** Descope's operationId where its published spec has one. */
  operationId: string;
  tag: string;
  body?: Body;
  query?: Query;
  /** The path parameters' schema, for a path with `:name` segments. */
  params?: Params;
  /** What the handler answers: its return type is this schema's, and the test run checks every answer. */
  response: Response;
  /**
   * The answer names URLs of the mock (an SSO application's OIDC issuer, an SP's ACS URL, an SSO setup link):
   * the handler's `caller.origin` is the mock's origin as the request reached it, as on the authentication
   * routes. Only these pay for reading the `Host` header.
   */
  answersUrls?: boolean;
  /** Reads only, so it needs no write lock; a GET reads only unless it says otherwise. */
  readOnly?: boolean;
  /**
   * The handler awaits (verifies or signs a token) and writes only in a `store.transaction` it opens itself
   * after its checks, so it runs without the operation's transaction, as a read does. What it checks and
   * what it writes must sit in one synchronous stretch, with no await between them.
   */
  awaits?: boolean;
  /**
   * The audit events of a success, written in the write's own transaction (after a read or an awaiting
   * handler, in a short one of their own). A failed call writes none but `loginFailure`'s.
   */
  audit?: AuditDeclaration<OperationInput<z.output<Body>, z.output<Query>>, Awaited<z.input<Response>>>;
  /** A sign-in whose refusal (wrong code or password, unknown or disabled user) writes `LoginFailed`. */
  loginFailure?: LoginFailureDeclaration<z.output<Body>>;
  /**
   * Answers synchronously, or with a promise when it must wait for something outside the store (signing a
   * token, making a key). Only a read-only operation may: a write runs in one transaction, which cannot span
   * an await.
   */
  handler(
    input: OperationInput<z.output<Body>, z.output<Query>, z.output<Params>>,
  ): z.input<Response> | Promise<z.input<Response>>;
}

/** Typed constructor: the handler's body and query come from the schemas, and its answer must fit `response`. */
export function defineOperation<
  Body extends z.ZodType = z.ZodUnknown,
  Query extends z.ZodType = z.ZodUnknown,
  Response extends z.ZodType = z.ZodType,
  Params extends z.ZodType = z.ZodUnknown,
>(operation: Operation<Body, Query, Response, Params>): Operation {
  return operation as unknown as Operation;
}

/** An answer that does not fit its operation's response schema: a bug of the mock, found by its test run. */
const responseMismatch = (operation: Operation, detail: string): DescopeError =>
  new DescopeError(
    'INTERNAL',
    `${operation.method} ${operation.path} answered outside its response schema: ${detail}`,
  );

/**
 * Runs one operation: a write in one IMMEDIATE transaction, so a failure leaves nothing half-written and
 * two writers never deadlock on a file database; a read without one (the store has one connection and
 * reads run synchronously, so nothing can interleave with them; a read that awaits reads again after). A
 * write whose handler answers a promise fails (500, better-sqlite3 refuses it): its transaction would end
 * before the work does. Batch handlers may still open nested transactions, which become savepoints. With
 * `checkResponses` (the mock's own test run), the answer is parsed with the response schema, and anything
 * the schema would drop or refuse is an error. The audit events an operation declares are written after its
 * handler succeeds (in the write's transaction, or in a short one after a read or an awaiting handler), and
 * a declared sign-in's refusal writes `LoginFailed` after its rollback (src/app/audit.ts).
 */
export function runOperation(
  operation: Operation,
  input: OperationInput<unknown, unknown>,
  checkResponses: boolean,
): unknown {
  const readOnly = operation.readOnly ?? operation.method === 'GET';
  const { audit } = operation;
  const auditOf = typeof audit === 'function' ? audit : undefined;
  let answer: unknown;
  try {
    if (readOnly || operation.awaits) {
      answer = operation.handler(input);
      if (auditOf) answer = afterAnswer(answer, (resolved) => auditAfter(auditOf, input, resolved));
    } else {
      answer = input.services.store.transaction(() => {
        const written = operation.handler(input);
        if (auditOf) auditIn(auditOf, input, written);
        return written;
      });
    }
  } catch (error) {
    if (operation.loginFailure) noteLoginFailure(operation.loginFailure, input, error);
    throw error;
  }
  if (operation.loginFailure && answer instanceof Promise) {
    const declared = operation.loginFailure;
    answer = answer.catch((error: unknown) => {
      noteLoginFailure(declared, input, error);
      throw error;
    });
  }
  if (!checkResponses) return answer;
  if (answer instanceof Promise) return answer.then((resolved) => checkResponse(operation, resolved));
  return checkResponse(operation, answer);
}

type AuditFunction = (
  input: OperationInput<unknown, unknown>,
  answer: unknown,
) => AuditDraft | AuditDraft[] | undefined;

/** Runs `then` on the answer once it is there: at once, or when its promise resolves. */
function afterAnswer(answer: unknown, then: (resolved: unknown) => void): unknown {
  if (!(answer instanceof Promise)) {
    then(answer);
    return answer;
  }
  return answer.then((resolved) => {
    then(resolved);
    return resolved;
  });
}

/** The events of a success, inside the write's transaction. */
function auditIn(audit: AuditFunction, input: OperationInput<unknown, unknown>, answer: unknown): void {
  writeAudit(input.services, input.projectId, input, audit(input, answer));
}

/** The events of a read's or an awaiting handler's success, in a short transaction after its answer. */
function auditAfter(audit: AuditFunction, input: OperationInput<unknown, unknown>, answer: unknown): void {
  const drafts = audit(input, answer);
  if (drafts !== undefined) input.services.store.transaction(() => auditIn(() => drafts, input, answer));
}

function noteLoginFailure(
  declared: LoginFailureDeclaration<unknown>,
  input: OperationInput<unknown, unknown>,
  error: unknown,
): void {
  const loginId = declared.loginId
    ? declared.loginId(input.body)
    : (input.body as { loginId?: unknown } | undefined)?.loginId;
  const named = typeof loginId === 'string' ? loginId : undefined;
  const address = input.remoteAddress || input.caller.ip;
  loginFailed(input.services, input.projectId, named, declared.method, address, error);
}

function checkResponse(operation: Operation, answer: unknown): unknown {
  const parsed = operation.response.safeParse(answer);
  if (!parsed.success) throw responseMismatch(operation, parsed.error.message);
  // The wire is JSON: compare what the client would read with what the schema documents, key by key.
  const sent = JSON.stringify(answer);
  const documented = JSON.stringify(parsed.data);
  if (!sameJson(JSON.parse(sent), JSON.parse(documented))) {
    throw responseMismatch(operation, `fields outside the schema in ${sent.slice(0, 500)}`);
  }
  return answer;
}

/** Deep equality of two parsed JSON values, key order aside. */
function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const keysA = Object.keys(a);
  const keysB = Object.keys(b);
  if (keysA.length !== keysB.length) return false;
  return keysA.every(
    (key) => key in b && sameJson((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]),
  );
}
