import {
  buildApiKeyToken,
  buildToken,
  isUsable,
  type OutboundTokenRecord,
  pickToken,
  type TokenContext,
  type TokenOwner,
  toWireToken,
} from '../domain/outboundToken.js';
import { DescopeError, invalid, missing } from '../errors.js';
import type {
  AppIdsResponse,
  AppsWithUserTokenQuery,
  BatchUploadTokensBody,
  BatchUploadTokensResponse,
  DeleteUserTokensQuery,
  FetchTenantTokenBody,
  FetchUserTokenBody,
  OutboundTokenIdQuery,
  OutboundTokenResponse,
  UploadApiKeyBody,
  UploadTokenBody,
} from '../schemas/outboundApplication.js';
import type { VoidResponse } from '../schemas/void.js';
import type { Services } from './operation.js';
import { requireOutboundApp } from './outboundApplication.js';

/**
 * The tokens of outbound applications (descope-mgmt-more.md §8): uploaded (or seeded by a fixture), fetched
 * back, deleted. Kept as given, since a fetch answers them; the journal and the log mask them by name.
 */

/** A batch of more than this many tokens is refused whole. */
export const MAX_BATCH_TOKENS = 1000;

const contextOf = (services: Services, projectId: string): TokenContext => {
  const { store } = services;
  return {
    nowMs: services.now(),
    appExists: (appId) => store.outboundApps.findApp(projectId, appId) !== undefined,
    userExists: (userId) => store.users.findByUserId(projectId, userId) !== undefined,
    tenantExists: (tenantId) => store.tenants.find(projectId, tenantId) !== undefined,
  };
};

function upload(services: Services, projectId: string, token: OutboundTokenRecord): VoidResponse {
  services.store.outboundApps.saveToken(projectId, token);
  return {};
}

export const uploadUserToken = (services: Services, projectId: string, body: UploadTokenBody) =>
  upload(services, projectId, buildToken(body, 'user', contextOf(services, projectId)));
export const uploadTenantToken = (services: Services, projectId: string, body: UploadTokenBody) =>
  upload(
    services,
    projectId,
    buildToken({ ...body, userId: undefined }, 'tenant', contextOf(services, projectId)),
  );
export const uploadUserApiKey = (services: Services, projectId: string, body: UploadApiKeyBody) =>
  upload(services, projectId, buildApiKeyToken(body, 'user', contextOf(services, projectId)));
export const uploadTenantApiKey = (services: Services, projectId: string, body: UploadApiKeyBody) =>
  upload(
    services,
    projectId,
    buildApiKeyToken({ ...body, userId: undefined }, 'tenant', contextOf(services, projectId)),
  );

/**
 * A batch is all or nothing (node-sdk's BatchUploadOutboundAppTokensResponse): every token is checked, and
 * one failure stores none, answering 200 with every failure listed.
 */
function batchUpload(
  services: Services,
  projectId: string,
  body: BatchUploadTokensBody,
  owner: TokenOwner,
): BatchUploadTokensResponse {
  const uploads = body.tokens ?? [];
  if (uploads.length === 0) throw missing('tokens');
  if (uploads.length > MAX_BATCH_TOKENS) throw invalid(`At most ${MAX_BATCH_TOKENS} tokens in a batch`);
  const ctx = contextOf(services, projectId);
  const tokens: OutboundTokenRecord[] = [];
  const failures: BatchUploadTokensResponse['failures'] = [];
  for (const item of uploads) {
    try {
      tokens.push(buildToken(owner === 'tenant' ? { ...item, userId: undefined } : item, owner, ctx));
    } catch (error) {
      if (!(error instanceof DescopeError)) throw error;
      failures.push({
        appId: item.appId ?? '',
        ...(owner === 'user' && { userId: item.userId ?? '' }),
        ...(item.tenantId !== undefined && { tenantId: item.tenantId }),
        errorCode: error.code,
        reason: error.message,
      });
    }
  }
  if (failures.length === 0) {
    for (const token of tokens) services.store.outboundApps.saveToken(projectId, token);
  }
  return { failures };
}

export const batchUploadUserTokens = (services: Services, projectId: string, body: BatchUploadTokensBody) =>
  batchUpload(services, projectId, body, 'user');
export const batchUploadTenantTokens = (services: Services, projectId: string, body: BatchUploadTokensBody) =>
  batchUpload(services, projectId, body, 'tenant');

/**
 * A fetch: the owner's newest token for the app (covering `scopes` when asked by scopes). Vendor behaviour
 * (inferred): no such token is 400 E011004 (descope-mgmt-more.md §16 item 9); a token of a user in a tenant
 * answers only a fetch that names that tenant; `forceRefresh` does nothing (no provider to refresh at).
 */
function fetchToken(
  services: Services,
  projectId: string,
  body: FetchUserTokenBody,
  owner: TokenOwner,
  byScopes: boolean,
): OutboundTokenResponse {
  const { store } = services;
  if (!body.appId) throw missing('appId');
  const userId = owner === 'user' ? body.userId : '';
  if (owner === 'user' && !userId) throw missing('userId');
  if (owner === 'tenant' && !body.tenantId) throw missing('tenantId');
  const app = requireOutboundApp(store, projectId, body.appId);
  const tokens = store.outboundApps.tokensOf(projectId, app.id, userId ?? '', body.tenantId ?? '');
  const token = pickToken(tokens, byScopes ? (body.scopes ?? []) : undefined);
  if (!token) {
    const whose = owner === 'user' ? `user "${userId}"` : `tenant "${body.tenantId}"`;
    throw invalid(
      `No token of ${whose} for outbound application "${app.id}"${byScopes ? ' with these scopes' : ''}`,
    );
  }
  return { token: toWireToken(token, body.options?.withRefreshToken === true) };
}

export const fetchUserTokenByScopes = (services: Services, projectId: string, body: FetchUserTokenBody) =>
  fetchToken(services, projectId, body, 'user', true);
export const fetchLatestUserToken = (services: Services, projectId: string, body: FetchUserTokenBody) =>
  fetchToken(services, projectId, body, 'user', false);
export const fetchTenantTokenByScopes = (services: Services, projectId: string, body: FetchTenantTokenBody) =>
  fetchToken(services, projectId, body, 'tenant', true);
export const fetchLatestTenantToken = (services: Services, projectId: string, body: FetchTenantTokenBody) =>
  fetchToken(services, projectId, body, 'tenant', false);

/**
 * A query filter, or undefined. node-sdk 2.13.0's deleteUserTokens(appId?, userId?) puts an argument left out
 * in the query as the text "undefined". Vendor behaviour (inferred): Descope reads it as absent, as the SDK's
 * optional parameters intend.
 */
const given = (value: string | undefined): string | undefined =>
  value === undefined || value === '' || value === 'undefined' ? undefined : value;

/**
 * DELETE user/tokens: the user tokens of an app, of a user, or of both. Vendor behaviour (inferred): with
 * neither filter nothing would be left out, so it is refused (E011002) rather than deleting every token.
 */
export function deleteUserTokens(
  services: Services,
  projectId: string,
  query: DeleteUserTokensQuery,
): VoidResponse {
  const appId = given(query.appId);
  const userId = given(query.userId);
  if (!appId && !userId) throw missing('appId or userId');
  services.store.outboundApps.deleteUserTokens(projectId, { appId, userId });
  return {};
}

export function deleteTokenById(
  services: Services,
  projectId: string,
  query: OutboundTokenIdQuery,
): VoidResponse {
  if (!query.id) throw missing('id');
  if (!services.store.outboundApps.deleteToken(projectId, query.id)) {
    throw invalid(`Token "${query.id}" does not exist`);
  }
  return {};
}

/** The apps the user holds a usable token for (in the tenant, when one is named), each once, oldest first. */
export function listAppsWithUserToken(
  services: Services,
  projectId: string,
  query: AppsWithUserTokenQuery,
): AppIdsResponse {
  if (!query.userId) throw missing('userId');
  const nowMs = services.now();
  const appIds = new Set<string>();
  for (const token of services.store.outboundApps.tokensOfUser(projectId, query.userId)) {
    if (query.tenantId && token.tenantId !== query.tenantId) continue;
    if (isUsable(token, nowMs)) appIds.add(token.appId);
  }
  return { appIds: [...appIds] };
}
