import { type AuditDraft, auditData } from '../domain/audit.js';
import { userFields } from './audit.js';
import type { AuditNone, OperationInput } from './operation.js';
import { existingUser, selectorOf } from './user/lookup.js';

/**
 * The audit declarations the management routes share (`audit` of defineOperation; descope-mgmt-more.md §5):
 * each takes the call's input and answer and says which event it writes. The names are Descope's documented
 * ones (§5: User*, Users*, AccessKey*, AccessKeysDeleted, Permission*, LoginSucceed, LoginFailed).
 * Vendor behaviour (inferred): `Role*` and `Tenant*` `Created/Modified/Deleted` (and `RolesDeleted` for a
 * batch), `AccessKeyModified` for activate, deactivate and rotate, `UsersCreated` for an import, one event
 * per item of a role or permission batch, and the writes the routes mark `notAudited` (project settings,
 * custom attribute definitions, test helpers, embedded links, a user's logout): no documented event.
 */

type Input = OperationInput<unknown, unknown>;
type Body = Record<string, unknown>;
interface UserLike {
  userId: string;
  loginIds: string[];
  userTenants: { tenantId: string }[];
}

const bodyOf = (input: Input): Body => (input.body ?? {}) as Body;
const text = (value: unknown): string => (typeof value === 'string' ? value : '');
const texts = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];

/** A write that is audited, but not by its declaration (the sign-in core writes `LoginSucceed`). */
export const auditedElsewhere = (where: string): AuditNone => ({ none: `written by ${where}` });

/** The user an answer carries (`{user}`), the call's values (secrets left out) as data. */
export const userAnswerEvent =
  (action: string) =>
  (input: Input, answer: { user: UserLike }): AuditDraft => ({
    action,
    ...userFields(answer.user),
    data: auditData(input.body),
  });

/** The user a body names (`loginId`/`identifier`, else `userId`), as it is after the call. */
export const namedUserEvent =
  (action: string) =>
  (input: Input): AuditDraft => {
    const body = bodyOf(input);
    const selector = selectorOf(body as { loginId?: string; identifier?: string }) ?? text(body.userId);
    const stored = selector ? existingUser(input.services, input.projectId, selector) : undefined;
    const data = auditData(body);
    if (stored) return { action, ...userFields(stored.user), data };
    // Gone (a delete): what the body named.
    const loginId = text(body.loginId) || text(body.identifier);
    return { action, userId: text(body.userId), externalIds: loginId ? [loginId] : [], data };
  };

/** One event for a batch of users (`UsersCreated`, `UsersModified`, `UsersDeleted`), their IDs as data. */
export const usersEvent =
  (action: string, usersOf: (input: Input, answer: unknown) => string[]) =>
  (input: Input, answer: unknown): AuditDraft => ({
    action,
    data: { userIds: usersOf(input, answer) },
  });

/** The IDs of the users a batch answer lists under `key`. */
export const answeredUserIds =
  (key: string) =>
  (_input: Input, answer: unknown): string[] =>
    (((answer as Record<string, unknown>)[key] ?? []) as UserLike[]).map((user) => user.userId);

/** The IDs a body lists under `key`. */
export const bodyIds =
  (key: string) =>
  (input: Input): string[] =>
    texts(bodyOf(input)[key]);

/** An event of a project entity (a tenant, a role, a permission, an access key), the call's values as data. */
export const entityEvent =
  (action: string, extra?: (input: Input, answer: unknown) => Body) =>
  (input: Input, answer: unknown): AuditDraft => ({
    action,
    data: { ...auditData(input.body), ...extra?.(input, answer) },
  });

/** One event per item of a batch body's list `key` (roles, permissions), each item's values as data. */
export const eachItemEvent =
  (action: string, key: string, extra?: (item: Body) => Body) =>
  (input: Input): AuditDraft[] =>
    ((bodyOf(input)[key] ?? []) as Body[]).map((item) => ({
      action,
      data: { ...auditData(item), ...extra?.(item) },
    }));

/** One event per ID a batch body lists under `key` (deleted roles, permissions, access keys). */
export const eachIdEvent =
  (action: string, key: string, dataKey: string) =>
  (input: Input): AuditDraft[] =>
    texts(bodyOf(input)[key]).map((id) => ({ action, data: { [dataKey]: id } }));

/** A tenant's event: the tenant in `tenants`, its ID (`id` or `tenantId` of the body, or the answer's). */
export const tenantEvent =
  (action: string) =>
  (input: Input, answer: unknown): AuditDraft => {
    const body = bodyOf(input);
    const id = text(body.id) || text(body.tenantId) || text((answer as Body | undefined)?.id);
    return { action, tenants: id ? [id] : [], data: { ...auditData(body), tenant_id: id } };
  };

/** A permission's data names it: `permission_id` (Descope's documented key) is its name on the wire. */
export const permissionData = (item: Body): Body => ({ permission_id: text(item.name) || text(item.id) });

/**
 * `LoginSucceed` with method `Impersonate` (§5): the impersonated user signs in, their ID the actor as on
 * every sign-in; the impersonator in data. Vendor behaviour (inferred): the data key.
 */
export const impersonationEvent = (input: Input): AuditDraft | undefined => {
  const body = bodyOf(input);
  const stored = existingUser(input.services, input.projectId, text(body.loginId));
  if (!stored) return undefined;
  return {
    action: 'LoginSucceed',
    method: 'Impersonate',
    ...userFields(stored.user),
    actorId: stored.user.userId,
    data: { impersonator_id: text(body.impersonatorId) },
  };
};
