import { z } from 'zod';
import { defineOperation } from '../../../app/operation.js';
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
} from '../../../domain/userUpdates.js';
import { UserResponseSchema } from '../../../schemas/user.js';
import { mutateUser, selectorOf } from './mutate.js';
import { selectorFields } from './schemas.js';

/** The single-attribute user updates (descope-api.md 4.9). Each answers `{user, created}`. */
const tag = 'User';

/** The flags update/email and update/phone share: `verified` and `failOnConflict`. */
const contactFields = {
  verified: z.boolean().optional(),
  failOnConflict: z.boolean().optional(),
};

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

export const userUpdateOperations = [
  defineOperation({
    method: 'POST',
    path: '/v1/mgmt/user/update/name',
    sdkMethods: ['management.user.updateDisplayName', 'management.user.updateUserNames'],
    summary: 'Update a user\'s display name and name parts (absent keeps, "" clears)',
    operationId: 'UpdateUserDisplayName',
    tag,
    body: z.object({
      ...selectorFields,
      displayName: z.string().optional(),
      name: z.string().optional().describe('alias of displayName (Go SDK, spec)'),
      givenName: z.string().optional(),
      middleName: z.string().optional(),
      familyName: z.string().optional(),
    }),
    response: UserResponseSchema,
    handler: ({ body, projectId, services }) =>
      mutateUser(services, projectId, selectorOf(body), (user) =>
        updateName(user, { ...body, name: body.displayName ?? body.name }),
      ),
  }),
  defineOperation({
    method: 'POST',
    path: '/v1/mgmt/user/update/phone',
    sdkMethods: ['management.user.updatePhone'],
    summary: 'Update a user\'s phone and its verified flag ("" removes it)',
    operationId: 'UpdateUserPhone',
    tag,
    body: z.object({ ...selectorFields, phone: z.string().optional(), ...contactFields }),
    response: UserResponseSchema,
    handler: ({ body, projectId, services }) =>
      mutateUser(services, projectId, selectorOf(body), (user, ctx) =>
        updatePhone(user, contactChange(body, body.phone), ctx),
      ),
  }),
  defineOperation({
    method: 'POST',
    path: '/v1/mgmt/user/update/email',
    sdkMethods: ['management.user.updateEmail'],
    summary: 'Update a user\'s email and its verified flag ("" removes it)',
    operationId: 'UpdateUserEmail',
    tag,
    body: z.object({ ...selectorFields, email: z.string().optional(), ...contactFields }),
    response: UserResponseSchema,
    handler: ({ body, projectId, services }) =>
      mutateUser(services, projectId, selectorOf(body), (user, ctx) =>
        updateEmail(user, contactChange(body, body.email), ctx),
      ),
  }),
  defineOperation({
    method: 'POST',
    path: '/v1/mgmt/user/update/picture',
    sdkMethods: ['management.user.updatePicture'],
    summary: 'Update a user\'s picture URL ("" removes it)',
    operationId: 'UpdateUserPicture',
    tag,
    body: z.object({ ...selectorFields, picture: z.string().optional() }),
    response: UserResponseSchema,
    handler: ({ body, projectId, services }) =>
      mutateUser(services, projectId, selectorOf(body), (user) => updatePicture(user, body.picture ?? '')),
  }),
  defineOperation({
    method: 'POST',
    path: '/v1/mgmt/user/update/loginid',
    sdkMethods: ['management.user.updateLoginId'],
    summary: 'Replace one of a user\'s login IDs ("" or absent removes it, never the last)',
    operationId: 'UpdateUserLoginID',
    tag,
    body: z.object({ ...selectorFields, newLoginId: z.string().optional() }),
    response: UserResponseSchema,
    handler: ({ body, projectId, services }) => {
      const selector = selectorOf(body);
      return mutateUser(services, projectId, selector, (user, ctx) =>
        updateLoginId(user, selector ?? '', body.newLoginId ?? '', ctx),
      );
    },
  }),
  defineOperation({
    method: 'POST',
    path: '/v1/mgmt/user/update/status',
    sdkMethods: ['management.user.activate', 'management.user.deactivate'],
    summary: "Set a user's status: enabled, disabled or invited",
    operationId: 'UpdateUserStatus',
    tag,
    body: z.object({ ...selectorFields, status: z.string().optional() }),
    response: UserResponseSchema,
    handler: ({ body, projectId, services }) =>
      mutateUser(services, projectId, selectorOf(body), (user) => updateStatus(user, body.status)),
  }),
  defineOperation({
    method: 'POST',
    path: '/v1/mgmt/user/update/customAttribute',
    sdkMethods: ['management.user.updateCustomAttribute'],
    summary: 'Set one declared custom attribute of a user (null removes it)',
    operationId: 'UpdateUserCustomAttribute',
    tag,
    body: z.object({
      ...selectorFields,
      attributeKey: z.string().optional(),
      attributeValue: z.unknown().optional(),
    }),
    response: UserResponseSchema,
    handler: ({ body, projectId, services }) =>
      mutateUser(services, projectId, selectorOf(body), (user, ctx) =>
        updateCustomAttribute(user, body.attributeKey, body.attributeValue, ctx),
      ),
  }),
  defineOperation({
    method: 'POST',
    path: '/v1/mgmt/user/update/recovery/email',
    sdkMethods: ['management.user.updateRecoveryEmail'],
    summary: "Set a user's recovery email and its verified flag",
    operationId: 'UpdateUserRecoveryEmail',
    tag,
    body: z.object({
      ...selectorFields,
      recoveryEmail: z.string().optional(),
      verified: z.boolean().optional(),
    }),
    response: UserResponseSchema,
    handler: ({ body, projectId, services }) =>
      mutateUser(services, projectId, selectorOf(body), (user) =>
        updateRecoveryEmail(user, body.recoveryEmail ?? '', body.verified ?? false),
      ),
  }),
  defineOperation({
    method: 'POST',
    path: '/v1/mgmt/user/update/recovery/phone',
    sdkMethods: ['management.user.updateRecoveryPhone'],
    summary: "Set a user's recovery phone and its verified flag",
    operationId: 'UpdateUserRecoveryPhone',
    tag,
    body: z.object({
      ...selectorFields,
      recoveryPhone: z.string().optional(),
      verified: z.boolean().optional(),
    }),
    response: UserResponseSchema,
    handler: ({ body, projectId, services }) =>
      mutateUser(services, projectId, selectorOf(body), (user) =>
        updateRecoveryPhone(user, body.recoveryPhone ?? '', body.verified ?? false),
      ),
  }),
  defineOperation({
    method: 'POST',
    path: '/v1/mgmt/user/update/impersonationConsent',
    sdkMethods: [],
    summary: "Grant (seconds from now) or withdraw (0) a user's impersonation consent",
    operationId: 'UpdateUserImpersonationConsent',
    tag,
    body: z.object({ ...selectorFields, impersonationConsent: z.number().int().optional() }),
    response: UserResponseSchema,
    handler: ({ body, projectId, services }) =>
      mutateUser(services, projectId, selectorOf(body), (user, ctx) =>
        updateImpersonationConsent(user, body.impersonationConsent ?? 0, ctx.nowMs),
      ),
  }),
];
