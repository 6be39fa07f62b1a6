import { invalid, missing } from '../errors.js';
import type { UploadTokenBody, WireOutboundToken } from '../schemas/outboundApplication.js';
import { randomId } from './ids.js';
import { checkBytes, TOKEN_MAX_BYTES } from './outboundApplication.js';

/**
 * The tokens of outbound applications (descope-mgmt-more.md §8): a user's or a tenant's OAuth token (or API
 * key) for one app. No OAuth runs here, so a token is what was uploaded, or what a fixture gave; it is kept
 * as given (it must be answered back) and never refreshed.
 */
export interface OutboundTokenRecord {
  id: string;
  appId: string;
  /** '' for a tenant's token. */
  userId: string;
  /** A tenant's token, or a user's token in a tenant; '' for a user's own. */
  tenantId: string;
  accessToken: string;
  accessTokenType: string;
  /** Epoch seconds; 0 when unknown. */
  accessTokenExpiry: number;
  refreshToken: string;
  idToken: string;
  scopes: string[];
  grantedBy: string;
  externalIdentifier: string;
  /** Epoch seconds of the upload: the newest token answers a fetch. */
  createdTime: number;
}

export type TokenOwner = 'user' | 'tenant';

export interface TokenContext {
  nowMs: number;
  appExists(appId: string): boolean;
  userExists(userId: string): boolean;
  tenantExists(tenantId: string): boolean;
}

/** The accessTokenType of an uploaded API key. */
export const API_KEY_TOKEN_TYPE = 'apikey';

/**
 * An upload, checked: the app, the owner (a user, or a tenant) and the tenant must exist, and the token must
 * carry an access or a refresh token. Vendor behaviour (inferred): unknown references are E011004, as for the
 * rest of the management API; tokens are bounded by bytes.
 */
export function buildToken(
  upload: UploadTokenBody,
  owner: TokenOwner,
  ctx: TokenContext,
): OutboundTokenRecord {
  const appId = upload.appId ?? '';
  if (!appId) throw missing('appId');
  const userId = owner === 'user' ? (upload.userId ?? '') : '';
  const tenantId = upload.tenantId ?? '';
  if (owner === 'user' && !userId) throw missing('userId');
  if (owner === 'tenant' && !tenantId) throw missing('tenantId');
  if (!upload.accessToken && !upload.refreshToken) throw missing('accessToken or refreshToken');
  checkBytes(upload.accessToken, 'accessToken', TOKEN_MAX_BYTES);
  checkBytes(upload.refreshToken, 'refreshToken', TOKEN_MAX_BYTES);
  checkBytes(upload.idToken, 'idToken', TOKEN_MAX_BYTES);
  const expiry = upload.accessTokenExpiry ?? 0;
  if (expiry < 0) throw invalid('The accessTokenExpiry field cannot be negative');
  if (!ctx.appExists(appId)) throw invalid(`Outbound application "${appId}" does not exist`);
  if (userId && !ctx.userExists(userId)) throw invalid(`User "${userId}" does not exist`);
  if (tenantId && !ctx.tenantExists(tenantId)) throw invalid(`Tenant "${tenantId}" does not exist`);
  return {
    id: randomId('OT'),
    appId,
    userId,
    tenantId,
    accessToken: upload.accessToken ?? '',
    accessTokenType: upload.accessTokenType ?? '',
    accessTokenExpiry: expiry,
    refreshToken: upload.refreshToken ?? '',
    idToken: upload.idToken ?? '',
    scopes: upload.scopes ?? [],
    grantedBy: upload.grantedBy ?? '',
    externalIdentifier: upload.externalIdentifier ?? '',
    createdTime: Math.floor(ctx.nowMs / 1000),
  };
}

/** An API key upload: a token whose access token is the key, typed `apikey`, never expiring. */
export function buildApiKeyToken(
  upload: { appId?: string; userId?: string; tenantId?: string; apiKey?: string },
  owner: TokenOwner,
  ctx: TokenContext,
): OutboundTokenRecord {
  if (!upload.apiKey) throw missing('apiKey');
  const { apiKey, ...rest } = upload;
  return buildToken({ ...rest, accessToken: apiKey, accessTokenType: API_KEY_TOKEN_TYPE }, owner, ctx);
}

/**
 * The token a fetch answers: the newest of the owner's tokens for the app whose scopes include every scope
 * asked for (none asked: any). Vendor behaviour (inferred): descope-mgmt-more.md §8's reading.
 */
export function pickToken(
  tokens: readonly OutboundTokenRecord[],
  scopes: readonly string[] | undefined,
): OutboundTokenRecord | undefined {
  let newest: OutboundTokenRecord | undefined;
  for (const token of tokens) {
    if (scopes && !scopes.every((scope) => token.scopes.includes(scope))) continue;
    if (!newest || token.createdTime >= newest.createdTime) newest = token;
  }
  return newest;
}

/**
 * A token a user can still use: one with a refresh token, or whose access token has not expired (or has no
 * known expiry). Vendor behaviour (inferred): what apps-with-user-token calls "valid".
 */
export const isUsable = (token: OutboundTokenRecord, nowMs: number): boolean =>
  token.refreshToken !== '' || token.accessTokenExpiry === 0 || token.accessTokenExpiry * 1000 > nowMs;

/** The wire token; the refresh token only when asked for (`options.withRefreshToken`). */
export function toWireToken(token: OutboundTokenRecord, withRefreshToken: boolean): WireOutboundToken {
  return {
    id: token.id,
    appId: token.appId,
    userId: token.userId,
    tenantId: token.tenantId,
    // Vendor behaviour (inferred): the subject at the provider is the external identifier the upload gave.
    tokenSub: token.externalIdentifier,
    accessToken: token.accessToken,
    accessTokenType: token.accessTokenType,
    accessTokenExpiry: String(token.accessTokenExpiry),
    hasRefreshToken: token.refreshToken !== '',
    refreshToken: withRefreshToken ? token.refreshToken : '',
    scopes: token.scopes,
    grantedBy: token.grantedBy,
    externalIdentifier: token.externalIdentifier,
  };
}
