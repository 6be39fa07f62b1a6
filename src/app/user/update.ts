import {
  type ContactChange,
  updateCustomAttribute,
  updateEmail,
  updateImpersonationConsent,
  updateLoginId,
  updateName,
  updatePhone,
  updatePicture,
  updateRecoveryEmail,
  updateRecoveryPhone,
  updateStatus,
} from '../../domain/userUpdates.js';
import type { UserResponse } from '../../schemas/user.js';
import type {
  UpdateCustomAttributeBody,
  UpdateEmailBody,
  UpdateImpersonationConsentBody,
  UpdateLoginIdBody,
  UpdateNameBody,
  UpdatePhoneBody,
  UpdatePictureBody,
  UpdateRecoveryEmailBody,
  UpdateRecoveryPhoneBody,
  UpdateStatusBody,
} from '../../schemas/userUpdate.js';
import type { Services } from '../operation.js';
import { selectorOf } from './lookup.js';
import { mutateUser } from './mutate.js';

/** The single-attribute user updates (descope-api.md 4.9). Each answers `{user, created}`. */

/** An update/email or update/phone body as the domain takes it; an absent key is proto3's empty value. */
const contactChange = (
  body: { verified?: boolean; failOnConflict?: boolean },
  value: string | undefined,
): ContactChange => ({
  value: value ?? '',
  // An absent `verified` is proto3's false, not "verified because a value was given" (3.2).
  verified: body.verified ?? false,
  failOnConflict: body.failOnConflict ?? false,
});

export const updateUserName = (services: Services, projectId: string, body: UpdateNameBody): UserResponse =>
  mutateUser(services, projectId, selectorOf(body), (user) =>
    updateName(user, { ...body, name: body.displayName ?? body.name }),
  );

export const updateUserPhone = (services: Services, projectId: string, body: UpdatePhoneBody): UserResponse =>
  mutateUser(services, projectId, selectorOf(body), (user, ctx) =>
    updatePhone(user, contactChange(body, body.phone), ctx),
  );

export const updateUserEmail = (services: Services, projectId: string, body: UpdateEmailBody): UserResponse =>
  mutateUser(services, projectId, selectorOf(body), (user, ctx) =>
    updateEmail(user, contactChange(body, body.email), ctx),
  );

export const updateUserPicture = (
  services: Services,
  projectId: string,
  body: UpdatePictureBody,
): UserResponse =>
  mutateUser(services, projectId, selectorOf(body), (user) => updatePicture(user, body.picture ?? ''));

export function updateUserLoginId(
  services: Services,
  projectId: string,
  body: UpdateLoginIdBody,
): UserResponse {
  const selector = selectorOf(body);
  return mutateUser(services, projectId, selector, (user, ctx) =>
    updateLoginId(user, selector ?? '', body.newLoginId ?? '', ctx),
  );
}

export const updateUserStatus = (
  services: Services,
  projectId: string,
  body: UpdateStatusBody,
): UserResponse =>
  mutateUser(services, projectId, selectorOf(body), (user) => updateStatus(user, body.status));

export const updateUserCustomAttribute = (
  services: Services,
  projectId: string,
  body: UpdateCustomAttributeBody,
): UserResponse =>
  mutateUser(services, projectId, selectorOf(body), (user, ctx) =>
    updateCustomAttribute(user, body.attributeKey, body.attributeValue, ctx),
  );

export const updateUserRecoveryEmail = (
  services: Services,
  projectId: string,
  body: UpdateRecoveryEmailBody,
): UserResponse =>
  mutateUser(services, projectId, selectorOf(body), (user) =>
    updateRecoveryEmail(user, body.recoveryEmail ?? '', body.verified ?? false),
  );

export const updateUserRecoveryPhone = (
  services: Services,
  projectId: string,
  body: UpdateRecoveryPhoneBody,
): UserResponse =>
  mutateUser(services, projectId, selectorOf(body), (user) =>
    updateRecoveryPhone(user, body.recoveryPhone ?? '', body.verified ?? false),
  );

export const updateUserImpersonationConsent = (
  services: Services,
  projectId: string,
  body: UpdateImpersonationConsentBody,
): UserResponse =>
  mutateUser(services, projectId, selectorOf(body), (user, ctx) =>
    updateImpersonationConsent(user, body.impersonationConsent ?? 0, ctx.nowMs),
  );
