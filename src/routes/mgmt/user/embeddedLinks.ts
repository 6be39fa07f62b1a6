import { z } from 'zod';
import { defineOperation } from '../../../app/operation.js';
import { normaliseLoginId } from '../../../domain/contacts.js';
import { embeddedTtlMs, newLinkToken, sentTo } from '../../../domain/testUsers.js';
import { missing } from '../../../errors.js';
import { existingUser, requireUser, selectorOf } from './mutate.js';
import { LoginOptionsSchema, selectorFields } from './schemas.js';

/**
 * Embedded links (descope-api.md 4.14): a token the caller embeds in its own link, verified later like a
 * magic-link token. Each token goes to the outbox (kind `embeddedlink`) with its expiry.
 */
const tag = 'Embedded links';

const timeout = z.number().int().optional().describe('seconds the token stays valid');
/**
 * Descope's SignUpUser: the details the user is created with when the token is verified, kept as sent in
 * the outbox message (recovery contacts included) until then.
 */
const SignUpUser = z.object({
  loginId: z.string().optional().describe('the login ID when the request names none'),
  name: z.string().optional(),
  givenName: z.string().optional(),
  middleName: z.string().optional(),
  familyName: z.string().optional(),
  phone: z.string().optional(),
  email: z.string().optional(),
  recoveryEmail: z.string().optional(),
  recoveryPhone: z.string().optional(),
});
const TokenResponse = z.object({ token: z.string(), maskedEmail: z.string(), maskedPhone: z.string() });
/**
 * EmbeddedLinkSignInResponse carries maskedEmail and maskedPhone besides the token; every field is always sent.
 * Vendor behaviour (inferred): nothing is delivered for an embedded link, so both masks stay empty.
 */
const tokenResponse = (token: string) => ({ token, maskedEmail: '', maskedPhone: '' });

export const embeddedLinkOperations = [
  defineOperation({
    method: 'POST',
    path: '/v1/mgmt/user/signin/embeddedlink',
    sdkMethods: ['management.user.generateEmbeddedLink'],
    summary: 'Generate a sign-in token for any existing user (test or not)',
    operationId: 'EmbeddedLinkSignin',
    tag,
    body: z.object({
      ...selectorFields,
      customClaims: z.record(z.string(), z.unknown()).optional(),
      timeout,
    }),
    response: TokenResponse,
    handler: ({ body, projectId, services }) => {
      const ttlMs = embeddedTtlMs(body.timeout);
      return services.store.transaction(() => {
        const user = requireUser(services, projectId, selectorOf(body));
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
      });
    },
  }),
  defineOperation({
    method: 'POST',
    path: '/v1/mgmt/user/signup/embeddedlink',
    sdkMethods: ['management.user.generateSignUpEmbeddedLink'],
    summary: 'Generate a sign-up (or sign-in) token for a login ID; the user is created when it is verified',
    operationId: 'EmbeddedLinkSignup',
    tag,
    body: z.object({
      ...selectorFields,
      user: SignUpUser.optional(),
      emailVerified: z.boolean().optional(),
      phoneVerified: z.boolean().optional(),
      loginOptions: LoginOptionsSchema.optional(),
      timeout,
    }),
    response: TokenResponse,
    handler: ({ body, projectId, services }) => {
      // Vendor behaviour (inferred): the user's own loginId stands in when the request names none.
      const loginId = selectorOf(body) || body.user?.loginId;
      if (!loginId) throw missing('loginId');
      const ttlMs = embeddedTtlMs(body.timeout);
      return services.store.transaction(() => {
        // Vendor behaviour (inferred): the login ID need not exist yet; an existing user signs in with the token.
        const existing = existingUser(services, projectId, loginId);
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
      });
    },
  }),
];
