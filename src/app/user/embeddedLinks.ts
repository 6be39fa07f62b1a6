import { normaliseLoginId } from '../../domain/contacts.js';
import { embeddedTtlMs, newLinkToken, sentTo } from '../../domain/testUsers.js';
import { missing } from '../../errors.js';
import type {
  EmbeddedLinkResponse,
  EmbeddedLinkSignInBody,
  EmbeddedLinkSignUpBody,
} from '../../schemas/userEmbeddedLinks.js';
import type { Services } from '../operation.js';
import { existingUser, requireUser, selectorOf } from './lookup.js';

/**
 * Embedded links (descope-api.md 4.14): a token the caller embeds in its own link, verified later like a
 * magic-link token. Each token goes to the outbox (kind `embeddedlink`) with its expiry.
 */

/** Vendor behaviour (inferred): nothing is delivered for an embedded link, so both masks stay empty. */
const tokenResponse = (token: string): EmbeddedLinkResponse => ({ token, maskedEmail: '', maskedPhone: '' });

/** A sign-in token for any existing user (test or not). */
export function embeddedLinkSignIn(
  services: Services,
  projectId: string,
  body: EmbeddedLinkSignInBody,
): EmbeddedLinkResponse {
  const ttlMs = embeddedTtlMs(body.timeout);
  const { user } = requireUser(services, projectId, selectorOf(body));
  const token = newLinkToken();
  const nowMs = services.now();
  services.store.outbox.add(projectId, {
    kind: 'embeddedlink',
    createdMs: nowMs,
    loginId: sentTo(user, selectorOf(body) ?? ''),
    userId: user.userId,
    deliveryMethod: 'embedded',
    token,
    expiresMs: nowMs + ttlMs,
    payload: { customClaims: body.customClaims ?? {}, signUp: false },
  });
  return tokenResponse(token);
}

/** A sign-up (or, for an existing user, sign-in) token; the user is created when it is verified. */
export function embeddedLinkSignUp(
  services: Services,
  projectId: string,
  body: EmbeddedLinkSignUpBody,
): EmbeddedLinkResponse {
  // Vendor behaviour (inferred): the user's own loginId stands in when the request names none.
  const loginId = selectorOf(body) || body.user?.loginId;
  if (!loginId) throw missing('loginId');
  const ttlMs = embeddedTtlMs(body.timeout);
  // Vendor behaviour (inferred): the login ID need not exist yet; an existing user signs in with the token.
  const existing = existingUser(services, projectId, loginId)?.user;
  const token = newLinkToken();
  const nowMs = services.now();
  services.store.outbox.add(projectId, {
    kind: 'embeddedlink',
    createdMs: nowMs,
    loginId: existing ? sentTo(existing, loginId) : normaliseLoginId(loginId),
    userId: existing?.userId ?? '',
    deliveryMethod: 'embedded',
    token,
    expiresMs: nowMs + ttlMs,
    payload: {
      signUp: true,
      user: body.user ?? {},
      emailVerified: body.emailVerified ?? false,
      phoneVerified: body.phoneVerified ?? false,
      loginOptions: body.loginOptions ?? {},
    },
  });
  return tokenResponse(token);
}
