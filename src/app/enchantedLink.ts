import type { Caller } from '../domain/caller.js';
import { maskEmail, newLinkId, type StartMode } from '../domain/delivery.js';
import { newPendingRef } from '../domain/testUsers.js';
import { DescopeError, missing } from '../errors.js';
import type {
  EnchantedLinkResponse,
  LinkStartBody,
  LinkVerifyBody,
  PendingSessionBody,
  UpdateEmailBody,
} from '../schemas/delivery.js';
import type { JwtResponse } from '../schemas/session.js';
import type { VoidResponse } from '../schemas/void.js';
import { isLive, recordMessageSignIn, type Sent, startSignIn, startUpdate } from './deliveredSignIn.js';
import { linkSending, redirectUriOf } from './magicLink.js';
import type { Services } from './operation.js';
import { signedSession, signingKeyReady } from './signIn.js';

/**
 * Enchanted link (descope-auth-api.md §6.3): a link by email (kind `enchantedlink`) whose click (`verify`)
 * marks a pending reference done; the device that started polls `pending-session` with it: 401 E062503
 * while nobody clicked, then the session, once. Vendor behaviour (inferred): a second collection, an
 * expired link or an unknown reference is 401 E062504 (the link token's own failure), which core-js's
 * `waitForSession` keeps polling through, as it does any non-2xx.
 */

const enchantedSending = (uri: string) =>
  linkSending('enchantedlink', 'email', uri, () => ({ pendingRef: newPendingRef(), linkId: newLinkId() }));

const enchantedReply = ({ address, message }: Sent): EnchantedLinkResponse => ({
  linkId: String(message.payload.linkId),
  pendingRef: String(message.payload.pendingRef),
  maskedEmail: maskEmail(address),
});

/** `POST /v1/auth/enchantedlink/{signin|signup|signup-in}/email`. */
export async function enchantedLinkStart(
  services: Services,
  projectId: string,
  caller: Caller,
  mode: StartMode,
  body: LinkStartBody,
): Promise<EnchantedLinkResponse> {
  const sending = enchantedSending(redirectUriOf(body));
  return enchantedReply(await startSignIn(services, projectId, caller, { mode, ...body }, sending));
}

/** `POST /v1/auth/enchantedlink/update/email`, under the refresh token. */
export async function enchantedLinkUpdate(
  services: Services,
  projectId: string,
  caller: Caller,
  body: UpdateEmailBody,
): Promise<EnchantedLinkResponse> {
  const sending = enchantedSending(redirectUriOf(body));
  return enchantedReply(await startUpdate(services, projectId, caller, body, sending));
}

/** `POST /v1/auth/enchantedlink/verify {token}` → `{}`: the click, which the waiting device then collects. */
export function enchantedLinkVerify(
  services: Services,
  projectId: string,
  body: LinkVerifyBody,
): VoidResponse {
  const { token } = body;
  if (!token) throw missing('token');
  const { outbox } = services.store;
  const message = outbox.findByToken(projectId, token);
  if (message?.kind !== 'enchantedlink' || !isLive(message, services.now())) {
    throw new DescopeError(
      'LINK_TOKEN_EXPIRED',
      'Failed to load enchanted link token: expired, used or unknown',
    );
  }
  outbox.consume(projectId, message.id);
  outbox.setPayload(projectId, message.id, { ...message.payload, verified: true });
  return {};
}

/** `POST /v1/auth/enchantedlink/pending-session {pendingRef}` → 401 E062503 until the click, then the session. */
export async function enchantedLinkSession(
  services: Services,
  projectId: string,
  caller: Caller,
  body: PendingSessionBody,
  cookies: string[],
): Promise<JwtResponse> {
  const { pendingRef } = body;
  if (!pendingRef) throw missing('pendingRef');
  await signingKeyReady(services, projectId);
  const recorded = services.store.transaction(() => {
    const { outbox } = services.store;
    const message = outbox.findByPendingRef(projectId, pendingRef);
    if (!message || message.payload.collected === true) {
      throw new DescopeError(
        'LINK_TOKEN_EXPIRED',
        'No session waits under this pendingRef: unknown or collected',
      );
    }
    const { payload } = message;
    if (payload.verified !== true) {
      if (!isLive(message, services.now())) {
        throw new DescopeError('LINK_TOKEN_EXPIRED', 'The enchanted link expired before it was clicked');
      }
      throw new DescopeError('ENCHANTED_LINK_PENDING', 'The enchanted link has not been clicked yet');
    }
    outbox.setPayload(projectId, message.id, { ...payload, collected: true });
    return recordMessageSignIn(services, projectId, caller, message);
  });
  return signedSession(services, projectId, recorded, { cookies });
}
