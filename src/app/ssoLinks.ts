import { randomBytes } from 'node:crypto';
import { checkEmail } from '../domain/contacts.js';
import { invalid, missing } from '../errors.js';
import type { GenerateSsoLinkBody, GenerateSsoLinkResponse, RevokeSsoLinkBody } from '../schemas/sso.js';
import type { VoidResponse } from '../schemas/void.js';
import type { Services } from './operation.js';
import type { At } from './sso.js';
import { requireSsoConfig, requireSsoTenant } from './ssoLookup.js';

/**
 * The tenant's SSO configuration links (descope-mgmt-more.md §2.2): a link a tenant's admin opens to set up
 * SSO. Vendor behaviour (inferred): the link is `<origin>/sso-setup?t=<token>` under the mock's own origin,
 * valid until now + `expireTime` seconds; the mock serves no page there (it has no SSO setup suite), the
 * link is recorded so a revoke can end it. A revoke ends the tenant's links, or one configuration's.
 */

export const SSO_SETUP_PATH = '/sso-setup';

export function generateSsoLink(
  services: Services,
  at: At,
  body: GenerateSsoLinkBody,
): GenerateSsoLinkResponse {
  const { store } = services;
  const tenant = requireSsoTenant(store, at.projectId, body.tenantId);
  const ssoId = body.ssoId ?? '';
  requireSsoConfig(store, at.projectId, tenant.id, ssoId);
  // Vendor behaviour (inferred): the duration is required and a positive number of seconds.
  if (body.expireTime === undefined || body.expireTime === '') throw missing('expireTime');
  const seconds = Number(body.expireTime);
  if (!Number.isInteger(seconds) || seconds <= 0) {
    throw invalid('The expireTime field must be a positive number of seconds');
  }
  // The link is kept (1,000 a project): its email is bounded by bytes as well, at the longest address SMTP
  // carries (RFC 3696). Vendor behaviour (inferred): a longer or malformed one is 400 E011004.
  const email = checkEmail(body.email ?? '');
  if (Buffer.byteLength(email) > MAX_EMAIL_BYTES) {
    throw invalid(`The email field is longer than ${MAX_EMAIL_BYTES} bytes`);
  }
  const token = randomBytes(24).toString('base64url');
  const nowMs = services.now();
  store.ssoSettings.addLink(
    {
      projectId: at.projectId,
      tenantId: tenant.id,
      ssoId,
      token,
      email,
      expiresMs: nowMs + seconds * 1000,
    },
    nowMs,
  );
  return { adminSSOConfigurationLink: `${at.origin}${SSO_SETUP_PATH}?t=${token}` };
}

const MAX_EMAIL_BYTES = 320;

export function revokeSsoLinks(services: Services, projectId: string, body: RevokeSsoLinkBody): VoidResponse {
  const { store } = services;
  const tenant = requireSsoTenant(store, projectId, body.tenantId);
  store.ssoSettings.revokeLinks(projectId, tenant.id, body.ssoId || undefined);
  return {};
}
