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
import type {
  GenerateEnchantedLinkBody,
  GenerateEnchantedLinkResponse,
  GenerateMagicLinkBody,
  GenerateMagicLinkResponse,
  GenerateOtpBody,
  GenerateOtpResponse,
} from '../../schemas/testUsers.js';
import type { NewOutboxMessage } from '../../store/outbox.js';
import type { Services } from '../operation.js';
import { requireUser } from './lookup.js';

/**
 * Descope's test-user helpers (descope-api.md 4.14): an OTP code, magic link or enchanted link for a test user,
 * handed to the caller instead of being sent. Each one also goes to the outbox, with its expiry, so that a
 * later verification (or the control plane) finds it.
 */

type Issued = Omit<NewOutboxMessage, 'createdMs' | 'loginId' | 'userId'>;

/**
 * One generated credential for a test user: the user must exist (404 E112102) and be a test user (400),
 * then the outbox row is written from what `issue` returns.
 */
function issueForTestUser<T>(
  services: Services,
  projectId: string,
  loginId: string | undefined,
  issue: (nowMs: number) => { message: Issued; response: T },
): T {
  const user = checkTestUser(requireUser(services, projectId, loginId).user);
  const nowMs = services.now();
  const { message, response } = issue(nowMs);
  services.store.outbox.add(projectId, {
    ...message,
    createdMs: nowMs,
    loginId: sentTo(user, loginId ?? ''),
    userId: user.userId,
  });
  return response;
}

export function generateOtpForTestUser(
  services: Services,
  projectId: string,
  body: GenerateOtpBody,
): GenerateOtpResponse {
  // Vendor behaviour (inferred): each helper's `loginId` echoes the login ID (or user ID) as sent.
  const loginId = body.loginId || body.identifier;
  const deliveryMethod = checkDeliveryMethod(body.deliveryMethod);
  return issueForTestUser(services, projectId, loginId, (nowMs) => {
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
}

export function generateMagicLinkForTestUser(
  services: Services,
  projectId: string,
  body: GenerateMagicLinkBody,
): GenerateMagicLinkResponse {
  const loginId = body.loginId || body.identifier;
  const deliveryMethod = checkDeliveryMethod(body.deliveryMethod);
  const uri = checkRedirectUri(body.URI || body.redirectUrl);
  return issueForTestUser(services, projectId, loginId, (nowMs) => {
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
}

export function generateEnchantedLinkForTestUser(
  services: Services,
  projectId: string,
  body: GenerateEnchantedLinkBody,
): GenerateEnchantedLinkResponse {
  const loginId = body.loginId || body.identifier;
  const uri = checkRedirectUri(body.URI || body.redirectUrl);
  return issueForTestUser(services, projectId, loginId, (nowMs) => {
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
}
