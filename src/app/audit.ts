import {
  type AuditDraft,
  type AuditRecord,
  auditData,
  boundedAuditData,
  type SignInMethod,
} from '../domain/audit.js';
import { randomId } from '../domain/ids.js';
import type { UserRecord } from '../domain/user.js';
import { DescopeError, type ErrorKind } from '../errors.js';
import type { Services } from './operation.js';
import { existingUser } from './user/lookup.js';

/**
 * Writing the audit trail (descope-mgmt-more.md §5). Operations declare their events (`audit` in
 * src/app/operation.ts) and `runOperation` writes them with the call's actor and address; the sign-in core
 * writes `LoginSucceed` (src/app/signIn.ts) and `runOperation` writes `LoginFailed` for a refused sign-in.
 */

/** Who made the call, for the events it writes: the management key's ID (or ''), and the client's address. */
export interface AuditCaller {
  actorId: string;
  remoteAddress: string;
}

/** Writes events in the caller's transaction, completing each draft with the call's ID, time, actor and address. */
export function writeAudit(
  services: Services,
  projectId: string,
  caller: AuditCaller,
  drafts: AuditDraft | AuditDraft[] | undefined,
): void {
  if (drafts === undefined) return;
  for (const draft of Array.isArray(drafts) ? drafts : [drafts]) {
    services.store.audit.add(auditRecord(services, projectId, caller, draft), services.config.auditLimit);
  }
}

function auditRecord(
  services: Services,
  projectId: string,
  caller: AuditCaller,
  draft: AuditDraft,
): AuditRecord {
  return {
    // Vendor behaviour (inferred): an event's ID is opaque; the mock's are random, 28 letters and digits.
    ID: randomId('', 28),
    projectId,
    userId: draft.userId ?? '',
    action: draft.action,
    occurred: services.now(),
    // Vendor behaviour (inferred): no device or geolocation offline; the method only on sign-ins.
    device: draft.device ?? '',
    method: draft.method ?? '',
    geo: draft.geo ?? '',
    remoteAddress: draft.remoteAddress ?? caller.remoteAddress,
    externalIds: draft.externalIds ?? [],
    tenants: draft.tenants ?? [],
    data: boundedAuditData(draft.data ?? {}),
    type: draft.type ?? 'info',
    actorId: draft.actorId ?? caller.actorId,
  };
}

/** A user's part of an event: the ID, login IDs and tenants. */
export const userFields = (
  user: Pick<UserRecord, 'userId' | 'loginIds'> & { userTenants: { tenantId: string }[] },
): Pick<AuditDraft, 'userId' | 'externalIds' | 'tenants'> => ({
  userId: user.userId,
  externalIds: [...user.loginIds],
  tenants: user.userTenants.map((tenant) => tenant.tenantId),
});

/** `LoginSucceed` of a user, the user its actor (§4): written by every sign-in, inside its transaction. */
export function loginSucceeded(
  services: Services,
  projectId: string,
  user: UserRecord,
  method: SignInMethod,
  remoteAddress: string,
): void {
  writeAudit(
    services,
    projectId,
    { actorId: user.userId, remoteAddress },
    {
      action: 'LoginSucceed',
      method,
      ...userFields(user),
    },
  );
}

/**
 * The refusals that are a failed login: a wrong or spent code or link, a wrong password, an unknown user.
 * A disabled or expired user's refusal is one too (src/app/audit.ts, loginFailed's caller checks the user).
 */
const LOGIN_FAILURES: ReadonlySet<ErrorKind> = new Set<ErrorKind>([
  'WRONG_OTP_CODE',
  'TOO_MANY_OTP_ATTEMPTS',
  'LINK_TOKEN_EXPIRED',
  'AUTH_USER_NOT_FOUND',
  'USER_NOT_FOUND',
  'UNAUTHORIZED',
  'PASSWORD_EXPIRED',
]);

/**
 * `LoginFailed` (warn, `data.error_message`) when a sign-in's failure is a refused login, written in its own
 * transaction: the call's own rolled back with its failure. The actor is the user when the login ID names
 * one. Other failures (a missing field, a bad option) write nothing.
 */
export function loginFailed(
  services: Services,
  projectId: string,
  loginId: string | undefined,
  method: SignInMethod,
  remoteAddress: string,
  error: unknown,
): void {
  if (!(error instanceof DescopeError)) return;
  const user = loginId ? existingUser(services, projectId, loginId)?.user : undefined;
  const refusedUser = user?.status === 'disabled' || user?.status === 'expired';
  if (!LOGIN_FAILURES.has(error.kind) && !refusedUser) return;
  services.store.transaction(() =>
    writeAudit(
      services,
      projectId,
      { actorId: user?.userId ?? '', remoteAddress },
      {
        action: 'LoginFailed',
        type: 'warn',
        method,
        ...(user ? userFields(user) : { externalIds: loginId ? [loginId] : [] }),
        data: { error_message: error.message },
      },
    ),
  );
}

/** A request body as an event's data: what the call set, secrets left out. */
export { auditData };
