import {
  buildInboundApp,
  consentMatches,
  type InboundAppRecord,
  createInboundApp as newInboundApp,
  newInboundSecret,
  pageOf,
  patchInboundApp as patchedInboundApp,
  toWireInboundApp,
} from '../domain/inboundApplication.js';
import { invalid, missing } from '../errors.js';
import type {
  ConsentsResponse,
  CreatedInboundAppResponse,
  CreateInboundAppBody,
  DeleteConsentsBody,
  DeleteTenantConsentsBody,
  InboundAppIdBody,
  InboundAppIdsBody,
  InboundAppSecretResponse,
  InboundAppsResponse,
  LoadInboundAppQuery,
  LoadInboundAppsQuery,
  SearchConsentsBody,
  UpdateInboundAppBody,
  WireInboundApp,
} from '../schemas/inboundApplication.js';
import type { VoidResponse } from '../schemas/void.js';
import type { Store } from '../store/index.js';
import type { Services } from './operation.js';

/**
 * Inbound (third-party) applications and their consents (descope-mgmt-more.md §9). The client secret is kept
 * in clear, since app/secret answers it; a rotation replaces it, so the old one stops being the app's.
 */

function requireInboundApp(store: Store, projectId: string, id: string | undefined): InboundAppRecord {
  if (!id) throw missing('id');
  const app = store.inboundApps.findApp(projectId, id);
  if (!app) throw invalid(`Inbound application "${id}" does not exist`);
  return app;
}

export function createInboundApp(
  services: Services,
  projectId: string,
  body: CreateInboundAppBody,
): CreatedInboundAppResponse {
  const app = newInboundApp(body, services.now());
  const cleartext = newInboundSecret();
  services.store.inboundApps.insertApp(projectId, app, cleartext);
  return { id: app.id, clientId: app.clientId, cleartext };
}

/** A full replace: the fields left out go back to their defaults. */
export function updateInboundApp(
  services: Services,
  projectId: string,
  body: UpdateInboundAppBody,
): VoidResponse {
  const { id, ...input } = body;
  const app = requireInboundApp(services.store, projectId, id);
  services.store.inboundApps.updateApp(projectId, buildInboundApp(app, input));
  return {};
}

export function patchInboundApp(
  services: Services,
  projectId: string,
  body: UpdateInboundAppBody,
): VoidResponse {
  const { id, ...patch } = body;
  const app = requireInboundApp(services.store, projectId, id);
  services.store.inboundApps.updateApp(projectId, patchedInboundApp(app, patch));
  return {};
}

/** Deletes the app and its consents. */
export function deleteInboundApp(
  services: Services,
  projectId: string,
  body: InboundAppIdBody,
): VoidResponse {
  const app = requireInboundApp(services.store, projectId, body.id);
  services.store.inboundApps.deleteApp(projectId, app.id);
  return {};
}

/** All or none: the operation's transaction rolls every delete back when one ID is unknown. */
export function deleteInboundApps(
  services: Services,
  projectId: string,
  body: InboundAppIdsBody,
): VoidResponse {
  // An empty list is proto3's absent list: E011002, as for the other batch calls.
  if (!body.ids?.length) throw missing('ids');
  for (const id of body.ids) {
    services.store.inboundApps.deleteApp(projectId, requireInboundApp(services.store, projectId, id).id);
  }
  return {};
}

/** app/load answers the app at the root of the body (descope-mgmt-more.md §9, live .NET tests). */
export function loadInboundApp(
  services: Services,
  projectId: string,
  query: LoadInboundAppQuery,
): WireInboundApp {
  const { store } = services;
  if (query.id) return toWireInboundApp(requireInboundApp(store, projectId, query.id));
  if (!query.clientId) throw missing('id');
  const app = store.inboundApps.findAppByClientId(projectId, query.clientId);
  if (!app) throw invalid(`Inbound application with client ID "${query.clientId}" does not exist`);
  return toWireInboundApp(app);
}

export function loadInboundApps(
  services: Services,
  projectId: string,
  query: LoadInboundAppsQuery,
): InboundAppsResponse {
  const apps = services.store.inboundApps.listApps(projectId);
  return { apps: pageOf(apps, query.page, query.limit).map(toWireInboundApp), total: apps.length };
}

export function inboundAppSecret(
  services: Services,
  projectId: string,
  query: InboundAppIdBody,
): InboundAppSecretResponse {
  const app = requireInboundApp(services.store, projectId, query.id);
  return { cleartext: services.store.inboundApps.secret(projectId, app.id) ?? '' };
}

export function rotateInboundAppSecret(
  services: Services,
  projectId: string,
  body: InboundAppIdBody,
): InboundAppSecretResponse {
  const app = requireInboundApp(services.store, projectId, body.id);
  const cleartext = newInboundSecret();
  services.store.inboundApps.replaceSecret(projectId, app.id, cleartext);
  return { cleartext };
}

/** Every filter given must match; none given: every consent. `total` counts the matches before paging. */
export function searchConsents(
  services: Services,
  projectId: string,
  body: SearchConsentsBody,
): ConsentsResponse {
  const { appId, userId, consentId, tenantId } = body;
  const matches = services.store.inboundApps
    .listConsents(projectId)
    .filter(
      (consent) =>
        (!appId || consent.appId === appId) &&
        (!userId || consent.userId === userId) &&
        (!consentId || consent.id === consentId) &&
        (!tenantId || consent.tenantId === tenantId),
    );
  return { consents: pageOf(matches, body.page, body.limit), total: matches.length };
}

export function deleteConsents(
  services: Services,
  projectId: string,
  body: DeleteConsentsBody,
): VoidResponse {
  const { inboundApps } = services.store;
  for (const consent of inboundApps.listConsents(projectId)) {
    if (consentMatches(consent, body)) inboundApps.deleteConsent(projectId, consent.id);
  }
  return {};
}

/**
 * consents/delete/tenant: the consents given in a tenant. Vendor behaviour (inferred): only consents that
 * carry a tenant are touched, with the same AND filters as consents/delete.
 */
export function deleteTenantConsents(
  services: Services,
  projectId: string,
  body: DeleteTenantConsentsBody,
): VoidResponse {
  const { inboundApps } = services.store;
  for (const consent of inboundApps.listConsents(projectId)) {
    if (consent.tenantId !== '' && consentMatches(consent, body))
      inboundApps.deleteConsent(projectId, consent.id);
  }
  return {};
}
