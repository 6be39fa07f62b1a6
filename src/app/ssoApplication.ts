import type { Caller } from '../domain/caller.js';
import {
  isDefaultSsoApp,
  newClientSecret,
  newSsoAppId,
  type OidcAppRecord,
  type SsoAppInputs,
  type SsoApplicationRecord,
  ssoAppRecord,
} from '../domain/ssoApplication.js';
import { ssoApplicationOnWire } from '../domain/ssoApplicationWire.js';
import { invalid, missing } from '../errors.js';
import type {
  CreateSsoAppResponse,
  LoadAllSsoAppsResponse,
  SsoApplicationResponse,
  SsoAppSecretResponse,
  SsoAppType,
} from '../schemas/ssoApplication.js';
import type { VoidResponse } from '../schemas/void.js';
import type { Store } from '../store/index.js';
import { followSsoAppDelete } from './consistency.js';
import type { Services } from './operation.js';

/**
 * SSO (federated IdP) applications, management `sso/idp/app…` (descope-mgmt-more.md §3): OIDC, SAML and
 * WS-Fed apps of the project, with the seeded `descope-default-oidc`. Vendor behaviour (inferred): an
 * unknown or duplicate ID is 400 E011004, a missing one 400 E011002, as every module of the contract.
 */

type Body<T extends SsoAppType> = SsoAppInputs[T] & { id?: string; clientSecret?: string };

/** The app of that ID, or 400 E011004. */
function requireSsoApp(store: Store, projectId: string, id: string | undefined): SsoApplicationRecord {
  if (!id) throw missing('id');
  const app = store.ssoApplications.find(projectId, id);
  if (!app) throw invalid(`SSO application "${id}" does not exist`);
  return app;
}

/** `app/{oidc,saml,wsfed}/create`: `id` optional (generated), `enabled` true unless given. */
export function createSsoApp<T extends SsoAppType>(
  services: Services,
  projectId: string,
  appType: T,
  body: Body<T>,
): CreateSsoAppResponse {
  const { id, clientSecret, ...input } = body;
  // Vendor behaviour (inferred): an OIDC app's client ID is its app ID; `clientSecret` (create only, spec and
  // Go) keeps a secret the caller already has, else one is made.
  const app = ssoAppRecord(appType, id || newSsoAppId(), input as SsoAppInputs[T], clientSecret);
  services.store.ssoApplications.insert(projectId, app);
  return { id: app.id };
}

/**
 * `app/{oidc,saml,wsfed}/update`: a full replace of the app's settings. Its type and (OIDC) client secret
 * stay. Vendor behaviour (inferred): the update path of another type than the app's is refused, 400 E011004.
 */
export function updateSsoApp<T extends SsoAppType>(
  services: Services,
  projectId: string,
  appType: T,
  body: Body<T>,
): VoidResponse {
  const { id, clientSecret: _createOnly, ...input } = body;
  const existing = requireSsoApp(services.store, projectId, id);
  if (existing.appType !== appType) {
    throw invalid(`SSO application "${existing.id}" is a ${existing.appType} application, not ${appType}`);
  }
  const secret = existing.appType === 'oidc' ? existing.secret : '';
  services.store.ssoApplications.replace(
    projectId,
    ssoAppRecord(appType, existing.id, input as SsoAppInputs[T], secret),
  );
  return {};
}

/** `app/delete`: the app leaves every user's `ssoAppIds`; the seeded default app is refused. */
export function deleteSsoApp(services: Services, projectId: string, id: string | undefined): VoidResponse {
  const app = requireSsoApp(services.store, projectId, id);
  if (isDefaultSsoApp(app.id))
    throw invalid(`SSO application "${app.id}" is the project's default and cannot be deleted`);
  followSsoAppDelete(services.store, projectId, app.id, services.now());
  services.store.ssoApplications.delete(projectId, app.id);
  return {};
}

/** The mock's origin as the caller reached it, for the URLs an app answers (issuer, IdP endpoints). */
const originOf = (caller: Caller): string => caller.origin ?? '';

/** `app/load`: the app at the root of the body (descope-mgmt-more.md §3: not the spec's `{app}`). */
export function loadSsoApp(
  services: Services,
  projectId: string,
  caller: Caller,
  id: string | undefined,
): SsoApplicationResponse {
  return ssoApplicationOnWire(requireSsoApp(services.store, projectId, id), originOf(caller), projectId);
}

/** `apps/load`: every app of the project, the seeded default one included. */
export function loadAllSsoApps(
  services: Services,
  projectId: string,
  caller: Caller,
): LoadAllSsoAppsResponse {
  const origin = originOf(caller);
  return {
    apps: services.store.ssoApplications
      .list(projectId)
      .map((app) => ssoApplicationOnWire(app, origin, projectId)),
  };
}

/** Vendor behaviour (inferred): only an OIDC app has a client secret; another type is 400 E011004. */
function requireOidcApp(store: Store, projectId: string, id: string | undefined): OidcAppRecord {
  const app = requireSsoApp(store, projectId, id);
  if (app.appType !== 'oidc')
    throw invalid(`SSO application "${app.id}" is a ${app.appType} application: it has no secret`);
  return app;
}

/** `app/secret`: the OIDC app's client secret, in clear. */
export function ssoAppSecret(
  services: Services,
  projectId: string,
  id: string | undefined,
): SsoAppSecretResponse {
  return { cleartext: requireOidcApp(services.store, projectId, id).secret };
}

/** `app/rotate`: a new client secret replaces the old one at once, and is answered. */
export function rotateSsoAppSecret(
  services: Services,
  projectId: string,
  id: string | undefined,
): SsoAppSecretResponse {
  const app = requireOidcApp(services.store, projectId, id);
  const secret = newClientSecret();
  services.store.ssoApplications.replace(projectId, { ...app, secret });
  return { cleartext: secret };
}
