import { randomBytes } from 'node:crypto';
import { invalid, missing } from '../errors.js';
import type { CreateInboundAppBody, WireConsent, WireInboundApp } from '../schemas/inboundApplication.js';
import { randomId } from './ids.js';

/**
 * Inbound (third-party) applications (descope-mgmt-more.md §9): OAuth clients that sign users in through the
 * project, and the consents users gave them. No OAuth flow runs here: consents come from fixtures.
 */

/** The app as stored: the wire app and its creation time (the secret is kept beside it). */
export type InboundAppRecord = WireInboundApp & { createdTime: number };

export type ConsentRecord = WireConsent;

/** A secret given by a fixture: longer than any real one, short enough to keep. */
export const INBOUND_SECRET_MAX_BYTES = 4096;

/** A new client secret: 64 URL-safe characters. */
export const newInboundSecret = (): string => randomBytes(48).toString('base64url');

type Scope = NonNullable<CreateInboundAppBody['permissionsScopes']>[number];

function scopes(list: Scope[] | undefined, field: string) {
  return (list ?? []).map((scope, i) => {
    if (!scope.name) throw missing(`${field}[${i}].name`);
    return {
      name: scope.name,
      description: scope.description ?? '',
      values: scope.values ?? [],
      optional: scope.optional ?? false,
    };
  });
}

/** Vendor behaviour (inferred): a login page URL, when given, must be an absolute http(s) URL. */
function checkUrl(value: string, field: string): void {
  if (value === '') return;
  let url: URL | undefined;
  try {
    url = new URL(value);
  } catch {
    url = undefined;
  }
  if (!url || (url.protocol !== 'https:' && url.protocol !== 'http:')) {
    throw invalid(`The ${field} field must be an http(s) URL`);
  }
}

/** The app from create's or update's fields (full: a field left out takes its default), checked. */
export function buildInboundApp(
  ids: { id: string; clientId: string; createdTime: number },
  input: CreateInboundAppBody,
): InboundAppRecord {
  if (!input.name) throw missing('name');
  const loginPageUrl = input.loginPageUrl ?? '';
  checkUrl(loginPageUrl, 'loginPageUrl');
  return {
    id: ids.id,
    name: input.name,
    description: input.description ?? '',
    clientId: ids.clientId,
    logo: input.logo ?? '',
    loginPageUrl,
    approvedCallbackUrls: input.approvedCallbackUrls ?? [],
    permissionsScopes: scopes(input.permissionsScopes, 'permissionsScopes'),
    attributesScopes: scopes(input.attributesScopes, 'attributesScopes'),
    connectionsScopes: scopes(input.connectionsScopes, 'connectionsScopes'),
    dynamic: false,
    status: 'active',
    audienceWhitelist: input.audienceWhitelist ?? [],
    defaultAudience: input.defaultAudience ?? '',
    nonConfidentialClient: input.nonConfidentialClient ?? false,
    forceAddAllAuthorizationInfo: input.forceAddAllAuthorizationInfo ?? false,
    customAttributes: input.customAttributes ?? {},
    allowedTenants: input.allowedTenants ?? [],
    createdTime: ids.createdTime,
  };
}

/** app/create: a new app with IDs of its own. Vendor behaviour (inferred): the client ID differs from the ID. */
export function createInboundApp(input: CreateInboundAppBody, nowMs: number): InboundAppRecord {
  return buildInboundApp(
    { id: randomId('TP'), clientId: randomId('CI'), createdTime: Math.floor(nowMs / 1000) },
    input,
  );
}

/** app/patch: the given fields over the app's current ones. */
export function patchInboundApp(app: InboundAppRecord, patch: CreateInboundAppBody): InboundAppRecord {
  const given = Object.fromEntries(Object.entries(patch).filter(([, value]) => value !== undefined));
  if ('name' in given && !given.name) throw missing('name');
  return buildInboundApp(app, { ...app, ...given });
}

export function toWireInboundApp(app: InboundAppRecord): WireInboundApp {
  const { createdTime: _, ...wire } = app;
  return wire;
}

export interface ConsentFilter {
  consentIds?: string[];
  appId?: string;
  userIds?: string[];
  tenantId?: string;
}

/**
 * Whether a consent matches every filter given. Vendor behaviour (inferred): filters combine with AND, and a
 * filter with nothing in it matches nothing (a delete with an empty filter deletes nothing).
 */
export function consentMatches(consent: ConsentRecord, filter: ConsentFilter): boolean {
  const { consentIds, appId, userIds, tenantId } = filter;
  if (!consentIds?.length && !appId && !userIds?.length && !tenantId) return false;
  if (consentIds?.length && !consentIds.includes(consent.id)) return false;
  if (appId && consent.appId !== appId) return false;
  if (userIds?.length && !userIds.includes(consent.userId)) return false;
  if (tenantId && consent.tenantId !== tenantId) return false;
  return true;
}

/** A search page: `page` from 0, `limit` 0 or absent for every match. */
export function pageOf<T>(items: readonly T[], page = 0, limit = 0): T[] {
  if (limit <= 0) return page > 0 ? [] : [...items];
  return items.slice(page * limit, page * limit + limit);
}
