import type { Caller } from '../domain/caller.js';
import {
  type Channel,
  MAGIC_LINK_CHANNELS,
  MAGIC_LINK_PHONE_CHANNELS,
  maskedReply,
  type StartMode,
} from '../domain/delivery.js';
import { LINK_TTL_MS, linkWithToken, newLinkToken } from '../domain/testUsers.js';
import { DescopeError, missing } from '../errors.js';
import type {
  LinkStartBody,
  LinkVerifyBody,
  MaskedResponse,
  UpdateEmailBody,
  UpdatePhoneBody,
} from '../schemas/delivery.js';
import type { JwtResponse } from '../schemas/session.js';
import { isLive, recordMessageSignIn, type Sending, startSignIn, startUpdate } from './deliveredSignIn.js';
import type { Services } from './operation.js';
import { signedSession, signingKeyReady } from './signIn.js';

/** The routes' vocabulary (routes read no domain). */
export { type Channel, MAGIC_LINK_CHANNELS, MAGIC_LINK_PHONE_CHANNELS, type StartMode };

/**
 * Magic link (descope-auth-api.md §6.2): `<URI>?t=<token>` to the outbox (kind `magiclink`, `payload.link`);
 * `verify {token}` signs in once. Embedded-link tokens (management `user/signin|signup/embeddedlink`) and
 * test-user magic links verify here too. An expired, used or unknown token: 401 E062504.
 */

/**
 * Where the link points: the caller's `URI` (`redirectUrl` in the spec). Vendor behaviour (inferred): without
 * one, Descope falls back on the redirect URL of the project's magic-link settings, which a mock project does
 * not have; so a URI is required (400 E011002), rather than a made-up link nobody serves.
 */
export function redirectUriOf(body: { URI?: string; redirectUrl?: string }): string {
  const uri = body.URI || body.redirectUrl;
  if (!uri) throw missing('URI');
  return uri;
}

/** A link token to the outbox, its link `<uri>?t=<token>`, with whatever else the method adds. */
export const linkSending = (
  kind: 'magiclink' | 'enchantedlink',
  channel: Channel,
  uri: string,
  extra: () => Record<string, unknown> = () => ({}),
): Sending => ({
  kind,
  channel,
  make: (nowMs) => {
    const token = newLinkToken();
    return {
      token,
      expiresMs: nowMs + LINK_TTL_MS,
      payload: { link: linkWithToken(uri, token), redirectUrl: uri, ...extra() },
    };
  },
});

/** `POST /v1/auth/magiclink/{signin|signup|signup-in}/{channel}`. */
export async function magicLinkStart(
  services: Services,
  projectId: string,
  caller: Caller,
  mode: StartMode,
  channel: Channel,
  body: LinkStartBody,
): Promise<MaskedResponse> {
  const sending = linkSending('magiclink', channel, redirectUriOf(body));
  const { address } = await startSignIn(services, projectId, caller, { mode, ...body }, sending);
  return maskedReply(channel, address);
}

/** `POST /v1/auth/magiclink/update/email` and `/update/phone/{channel}`, under the refresh token. */
export async function magicLinkUpdate(
  services: Services,
  projectId: string,
  caller: Caller,
  channel: Channel,
  body: UpdateEmailBody | UpdatePhoneBody,
): Promise<MaskedResponse> {
  const sending = linkSending('magiclink', channel, redirectUriOf(body));
  const { address } = await startUpdate(services, projectId, caller, body, sending);
  return maskedReply(channel, address);
}

const VERIFIED_HERE = new Set(['magiclink', 'embeddedlink']);

/** `POST /v1/auth/magiclink/verify {token}` → JWTResponse, once. */
export async function magicLinkVerify(
  services: Services,
  projectId: string,
  caller: Caller,
  body: LinkVerifyBody,
  cookies: string[],
): Promise<JwtResponse> {
  const { token } = body;
  if (!token) throw missing('token');
  await signingKeyReady(services, projectId);
  const recorded = services.store.transaction(() => {
    const message = services.store.outbox.findByToken(projectId, token);
    const live = message && VERIFIED_HERE.has(message.kind) && isLive(message, services.now());
    if (!live)
      throw new DescopeError(
        'LINK_TOKEN_EXPIRED',
        'Failed to load magic link token: expired, used or unknown',
      );
    return recordMessageSignIn(services, projectId, caller, message);
  });
  return signedSession(services, projectId, recorded, { cookies });
}
