import { z } from 'zod';
import { defineOperation, type Services } from '../../app/operation.js';
import {
  checkDeliveryMethod,
  checkRedirectUri,
  checkTestUser,
  LINK_TTL_MS,
  linkWithToken,
  newLinkToken,
  newOtpCode,
  newPendingRef,
  OTP_TTL_MS,
  sentTo,
} from '../../domain/testUsers.js';
import type { UserRecord } from '../../domain/user.js';
import type { NewOutboxMessage } from '../../store/outbox.js';
import { requireUser } from './user/mutate.js';
import { LoginOptionsSchema, selectorFields } from './user/schemas.js';

/**
 * Descope's test-user helpers (descope-api.md 4.14): an OTP code, magic link or enchanted link for a test user,
 * handed to the caller instead of being sent. Each one also goes to the outbox, with its expiry, so that a
 * later verification (or the control plane) finds it.
 */
const tag = 'Test users';

const loginOptions = LoginOptionsSchema.optional();
const redirectFields = {
  URI: z.string().optional().describe('the link target (Node, Go SDKs)'),
  redirectUrl: z.string().optional().describe('alias of URI (spec, .NET, Ruby SDKs)'),
};

/**
 * One generated credential for a test user, in one transaction: the user must exist (404 E112102) and be a
 * test user (400), then the outbox row is written from what `issue` returns.
 */
function issueForTestUser<T>(
  services: Services,
  projectId: string,
  loginId: string | undefined,
  issue: (
    user: UserRecord,
    nowMs: number,
  ) => { message: Omit<NewOutboxMessage, 'createdMs' | 'loginId' | 'userId'>; response: T },
): T {
  return services.store.transaction(() => {
    const user = checkTestUser(requireUser(services, projectId, loginId));
    const nowMs = services.now();
    const { message, response } = issue(user, nowMs);
    services.store.outbox.add(projectId, {
      ...message,
      createdMs: nowMs,
      loginId: sentTo(user, loginId ?? ''),
      userId: user.userId,
    });
    return response;
  });
}

export const testUserOperations = [
  defineOperation({
    method: 'POST',
    path: '/v1/mgmt/tests/generate/otp',
    sdkMethods: ['management.user.generateOTPForTestUser'],
    summary: 'Generate a 6-digit OTP code for a test user (returned, not sent)',
    operationId: 'GenerateOTPForTestUser',
    tag,
    body: z.object({ ...selectorFields, deliveryMethod: z.string().optional(), loginOptions }),
    response: z.object({ loginId: z.string(), code: z.string() }),
    handler: ({ body, projectId, services }) => {
      // Vendor behaviour (inferred): each helper's `loginId` echoes the login ID (or user ID) as sent.
      const loginId = body.loginId || body.identifier;
      const deliveryMethod = checkDeliveryMethod(body.deliveryMethod);
      return issueForTestUser(services, projectId, loginId, (_user, nowMs) => {
        const code = newOtpCode();
        return {
          message: {
            kind: 'otp',
            deliveryMethod,
            token: code,
            expiresMs: nowMs + OTP_TTL_MS,
            payload: { code, loginOptions: body.loginOptions ?? {} },
          },
          response: { loginId: loginId ?? '', code },
        };
      });
    },
  }),
  defineOperation({
    method: 'POST',
    path: '/v1/mgmt/tests/generate/magiclink',
    sdkMethods: ['management.user.generateMagicLinkForTestUser'],
    summary: 'Generate a magic link <URI>?t=<token> for a test user (returned, not sent)',
    operationId: 'GenerateMagicLinkForTestUser',
    tag,
    body: z.object({
      ...selectorFields,
      deliveryMethod: z.string().optional(),
      ...redirectFields,
      loginOptions,
    }),
    response: z.object({ loginId: z.string(), link: z.string() }),
    handler: ({ body, projectId, services }) => {
      const loginId = body.loginId || body.identifier;
      const deliveryMethod = checkDeliveryMethod(body.deliveryMethod);
      const uri = checkRedirectUri(body.URI || body.redirectUrl);
      return issueForTestUser(services, projectId, loginId, (_user, nowMs) => {
        const token = newLinkToken();
        const link = linkWithToken(uri, token);
        return {
          message: {
            kind: 'magiclink',
            deliveryMethod,
            token,
            expiresMs: nowMs + LINK_TTL_MS,
            payload: { link, redirectUrl: uri, loginOptions: body.loginOptions ?? {} },
          },
          response: { loginId: loginId ?? '', link },
        };
      });
    },
  }),
  defineOperation({
    method: 'POST',
    path: '/v1/mgmt/tests/generate/enchantedlink',
    sdkMethods: ['management.user.generateEnchantedLinkForTestUser'],
    summary: 'Generate an enchanted link and its pendingRef for a test user (returned, not sent)',
    operationId: 'GenerateEnchantedLinkForTestUser',
    tag,
    body: z.object({ ...selectorFields, ...redirectFields, loginOptions }),
    response: z.object({ loginId: z.string(), link: z.string(), pendingRef: z.string() }),
    handler: ({ body, projectId, services }) => {
      const loginId = body.loginId || body.identifier;
      const uri = checkRedirectUri(body.URI || body.redirectUrl);
      return issueForTestUser(services, projectId, loginId, (_user, nowMs) => {
        const token = newLinkToken();
        const link = linkWithToken(uri, token);
        const pendingRef = newPendingRef();
        return {
          message: {
            kind: 'enchantedlink',
            // Enchanted links only go by email.
            deliveryMethod: 'email',
            token,
            expiresMs: nowMs + LINK_TTL_MS,
            payload: { link, pendingRef, redirectUrl: uri, loginOptions: body.loginOptions ?? {} },
          },
          response: { loginId: loginId ?? '', link, pendingRef },
        };
      });
    },
  }),
];
