import { hashSecret } from '../domain/accessKey.js';
import {
  buildOutboundApp,
  checkBytes,
  type OutboundAppContext,
  type OutboundAppRecord,
  SECRET_MAX_BYTES,
  templateInput,
  toWireOutboundApp,
} from '../domain/outboundApplication.js';
import { invalid, missing } from '../errors.js';
import type {
  CreateOutboundAppBody,
  CreateOutboundAppByTemplateBody,
  OutboundAppIdBody,
  OutboundAppResponse,
  OutboundAppsResponse,
  UpdateOutboundAppBody,
} from '../schemas/outboundApplication.js';
import type { VoidResponse } from '../schemas/void.js';
import type { Store } from '../store/index.js';
import type { Services } from './operation.js';

/**
 * Outbound applications (descope-mgmt-more.md §8). The client secret is write-only: only its hash is kept,
 * as for an access key, and every answer reads it back as "".
 */

const contextOf = (services: Services, projectId: string): OutboundAppContext => ({
  nowMs: services.now(),
  tenantExists: (tenantId) => services.store.tenants.find(projectId, tenantId) !== undefined,
});

/** The hash kept for a secret given on create or update; '' for none. */
function secretHashOf(clientSecret: string | undefined): string {
  checkBytes(clientSecret, 'clientSecret', SECRET_MAX_BYTES);
  return clientSecret ? hashSecret(clientSecret) : '';
}

export function requireOutboundApp(
  store: Store,
  projectId: string,
  id: string | undefined,
): OutboundAppRecord {
  if (!id) throw missing('id');
  const app = store.outboundApps.findApp(projectId, id);
  // Vendor behaviour (inferred): an unknown app (and below, a taken ID) is 400 E011004, the table's code.
  if (!app) throw invalid(`Outbound application "${id}" does not exist`);
  return app;
}

function insertNew(
  services: Services,
  projectId: string,
  app: OutboundAppRecord,
  clientSecret: string | undefined,
): OutboundAppResponse {
  const secretHash = secretHashOf(clientSecret);
  if (services.store.outboundApps.findApp(projectId, app.id)) {
    throw invalid(`Outbound application "${app.id}" already exists`);
  }
  services.store.outboundApps.insertApp(projectId, app, secretHash);
  return { app: toWireOutboundApp(app) };
}

export function createOutboundApp(
  services: Services,
  projectId: string,
  body: CreateOutboundAppBody,
): OutboundAppResponse {
  const { id, clientSecret, ...input } = body;
  return insertNew(
    services,
    projectId,
    buildOutboundApp(id, input, contextOf(services, projectId)),
    clientSecret,
  );
}

export function createOutboundAppByTemplate(
  services: Services,
  projectId: string,
  body: CreateOutboundAppByTemplateBody,
): OutboundAppResponse {
  const input = templateInput(body.templateId, body);
  const app = buildOutboundApp(body.id, input, contextOf(services, projectId));
  return insertNew(services, projectId, app, body.clientSecret);
}

/** A full replace: fields left out go back to their defaults; a secret left out is kept. */
export function updateOutboundApp(
  services: Services,
  projectId: string,
  body: UpdateOutboundAppBody,
): OutboundAppResponse {
  if (!body.app) throw missing('app');
  const { id, clientSecret, ...input } = body.app;
  const current = requireOutboundApp(services.store, projectId, id);
  const app = buildOutboundApp(current.id, input, contextOf(services, projectId), current.createdTime);
  const secretHash = clientSecret === undefined ? undefined : secretHashOf(clientSecret);
  services.store.outboundApps.replaceApp(projectId, app, secretHash);
  return { app: toWireOutboundApp(app) };
}

/** Deletes the app and its tokens. */
export function deleteOutboundApp(
  services: Services,
  projectId: string,
  body: OutboundAppIdBody,
): VoidResponse {
  const app = requireOutboundApp(services.store, projectId, body.id);
  services.store.outboundApps.deleteApp(projectId, app.id);
  return {};
}

export function loadOutboundApp(services: Services, projectId: string, id: string | undefined) {
  return { app: toWireOutboundApp(requireOutboundApp(services.store, projectId, id)) };
}

export function loadOutboundApps(services: Services, projectId: string): OutboundAppsResponse {
  return { apps: services.store.outboundApps.listApps(projectId).map(toWireOutboundApp) };
}
