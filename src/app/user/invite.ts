import { type InviteOptions, invitationsFor } from '../../domain/invitations.js';
import type { UserRecord } from '../../domain/user.js';
import { buildUser, type CreateUserInput } from '../../domain/userCreate.js';
import { toWireUser } from '../../domain/wire.js';
import type { UserResponse } from '../../schemas/user.js';
import type { Services } from '../operation.js';
import { existingUser } from './lookup.js';

/**
 * Records the invitations of `user` in the outbox (what Descope would have sent). Throws E011004, writing
 * nothing, when the user has no email or phone to invite to.
 */
export function sendInvitations(
  services: Services,
  projectId: string,
  user: UserRecord,
  options: InviteOptions,
): void {
  const createdMs = services.now();
  for (const invitation of invitationsFor(user, options)) {
    services.store.outbox.add(projectId, {
      ...invitation,
      kind: 'invitation',
      createdMs,
      token: '',
      expiresMs: 0,
    });
  }
}

/**
 * create with `invite: true`: an existing login ID or user ID is re-invited unchanged (`created: false`;
 * inviting one re-sends the invitation, Go SDK doc); otherwise the user is created, then invited.
 */
export function inviteUser(
  services: Services,
  projectId: string,
  input: CreateUserInput & { loginId: string },
  options: InviteOptions,
): UserResponse {
  const catalog = services.store.catalog.forProject(projectId);
  const existing = existingUser(services, projectId, input.loginId)?.user;
  // Vendor behaviour (inferred): a re-invitation answers 200 with created: false and changes nothing else.
  if (existing) {
    sendInvitations(services, projectId, existing, options);
    return { user: toWireUser(existing, catalog), created: false };
  }
  const user = buildUser(input, catalog, services.now());
  services.store.users.insert(projectId, user);
  sendInvitations(services, projectId, user, options);
  return { user: toWireUser(user, catalog), created: true };
}
