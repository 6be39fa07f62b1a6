import { invalid, missing } from '../errors.js';
import type {
  CreateOutboundAppBody,
  OutboundAppOverrides,
  WireOutboundApp,
} from '../schemas/outboundApplication.js';
import { randomId } from './ids.js';

/**
 * Outbound applications (descope-mgmt-more.md §8): the OAuth providers a project's users and tenants connect
 * to. No OAuth runs here; the app is configuration, and its tokens come from uploads or fixtures.
 */

/** The app as stored: the wire app without its secret (kept apart, as a hash), with its creation time. */
export type OutboundAppRecord = Omit<WireOutboundApp, 'clientSecret'> & { createdTime: number };

/** What the app's own fields are, whatever the request spells: create's body without ID and secret. */
export type OutboundAppInput = Omit<CreateOutboundAppBody, 'id' | 'clientSecret'>;

/** A client secret, an uploaded token or API key: longer than any real one, short enough to keep. */
export const SECRET_MAX_BYTES = 4096;
export const TOKEN_MAX_BYTES = 16384;

/** Vendor behaviour (inferred): Descope's prompt values (node-sdk's `PromptType`); anything else is refused. */
const PROMPTS = ['none', 'login', 'consent', 'select_account'];
const ACCESS_TYPES = ['', 'offline', 'online'];
/** Vendor behaviour (inferred): an app ID given on create is a slug (templates use `google`, `github`). */
const APP_ID = /^[A-Za-z0-9_-]{1,64}$/;

export function checkBytes(value: string | undefined, field: string, max: number): void {
  if (value !== undefined && Buffer.byteLength(value) > max) {
    throw invalid(`The ${field} field is longer than ${max} bytes`);
  }
}

export interface OutboundAppContext {
  nowMs: number;
  tenantExists(tenantId: string): boolean;
}

/** create, create by template and update: the full app from what the request gives, checked. */
export function buildOutboundApp(
  id: string | undefined,
  input: OutboundAppInput,
  ctx: OutboundAppContext,
  createdTime = Math.floor(ctx.nowMs / 1000),
): OutboundAppRecord {
  if (id !== undefined && id !== '' && !APP_ID.test(id)) {
    throw invalid('The id field must be 1 to 64 letters, digits, "-" or "_"');
  }
  if (!input.name) throw missing('name');
  const accessType = input.accessType ?? '';
  if (!ACCESS_TYPES.includes(accessType)) throw invalid('The accessType field must be offline or online');
  const prompt = input.prompt ?? [];
  const badPrompt = prompt.find((value) => !PROMPTS.includes(value));
  if (badPrompt !== undefined) throw invalid(`Unknown prompt "${badPrompt}"`);
  const tenantId = input.tenantId ?? '';
  if (tenantId && !ctx.tenantExists(tenantId)) throw invalid(`Tenant "${tenantId}" does not exist`);
  return {
    id: id || randomId('OA'),
    name: input.name,
    description: input.description ?? '',
    clientId: input.clientId ?? '',
    logo: input.logo ?? '',
    discoveryUrl: input.discoveryUrl ?? '',
    authorizationUrl: input.authorizationUrl ?? '',
    authorizationUrlParams: (input.authorizationUrlParams ?? []).map(urlParam),
    tokenUrl: input.tokenUrl ?? '',
    tokenUrlParams: (input.tokenUrlParams ?? []).map(urlParam),
    revocationUrl: input.revocationUrl ?? '',
    defaultScopes: input.defaultScopes ?? [],
    defaultRedirectUrl: input.defaultRedirectUrl ?? '',
    callbackDomain: input.callbackDomain ?? '',
    pkce: input.pkce ?? false,
    accessType,
    prompt,
    appType: input.appType ?? '',
    useDcr: input.useDcr ?? false,
    dcrUrl: input.dcrUrl ?? '',
    tenantId,
    createdTime,
  };
}

const urlParam = ({ key, value }: { key?: string; value?: string }) => ({
  key: key ?? '',
  value: value ?? '',
});

/** The wire app: every field, and the secret as `""` (it is write-only). */
export function toWireOutboundApp(app: OutboundAppRecord): WireOutboundApp {
  const { createdTime: _, tenantId, ...fields } = app;
  return { ...fields, clientSecret: '', tenantId };
}

/**
 * The template library of app/create/bytemplate: a few well-known providers, their OAuth endpoints and
 * default scopes. Vendor behaviour (inferred): Descope's library is larger and its IDs are not published;
 * these four are the ones descope-mgmt-more.md §8 names.
 */
export const OUTBOUND_APP_TEMPLATES: Readonly<Record<string, OutboundAppOverrides>> = {
  google: {
    name: 'Google',
    description: 'Google APIs (Calendar, Drive, Gmail…)',
    discoveryUrl: 'https://accounts.google.com/.well-known/openid-configuration',
    authorizationUrl: 'https://accounts.google.com/o/oauth2/v2/auth',
    tokenUrl: 'https://oauth2.googleapis.com/token',
    revocationUrl: 'https://oauth2.googleapis.com/revoke',
    defaultScopes: ['openid', 'email', 'profile'],
    pkce: true,
    accessType: 'offline',
    prompt: ['consent'],
  },
  github: {
    name: 'GitHub',
    description: 'GitHub APIs',
    authorizationUrl: 'https://github.com/login/oauth/authorize',
    tokenUrl: 'https://github.com/login/oauth/access_token',
    defaultScopes: ['read:user', 'user:email'],
    pkce: false,
    accessType: 'offline',
  },
  slack: {
    name: 'Slack',
    description: 'Slack APIs',
    authorizationUrl: 'https://slack.com/oauth/v2/authorize',
    tokenUrl: 'https://slack.com/api/oauth.v2.access',
    revocationUrl: 'https://slack.com/api/auth.revoke',
    defaultScopes: ['chat:write', 'channels:read'],
    pkce: false,
    accessType: 'offline',
  },
  microsoft: {
    name: 'Microsoft',
    description: 'Microsoft Graph',
    discoveryUrl: 'https://login.microsoftonline.com/common/v2.0/.well-known/openid-configuration',
    authorizationUrl: 'https://login.microsoftonline.com/common/oauth2/v2.0/authorize',
    tokenUrl: 'https://login.microsoftonline.com/common/oauth2/v2.0/token',
    defaultScopes: ['openid', 'email', 'profile', 'offline_access', 'User.Read'],
    pkce: true,
    accessType: 'offline',
  },
};

/** A template's app with the request's overrides (a key given wins), client ID and tenant. */
export function templateInput(
  templateId: string | undefined,
  request: { clientId?: string; tenantId?: string; overrides?: OutboundAppOverrides },
): OutboundAppInput {
  if (!templateId) throw missing('templateId');
  const template = Object.hasOwn(OUTBOUND_APP_TEMPLATES, templateId)
    ? OUTBOUND_APP_TEMPLATES[templateId]
    : undefined;
  if (!template) throw invalid(`Unknown template "${templateId}"`);
  const overrides = Object.fromEntries(
    Object.entries(request.overrides ?? {}).filter(([, value]) => value !== undefined),
  );
  return {
    ...template,
    ...overrides,
    ...(request.clientId !== undefined && { clientId: request.clientId }),
    ...(request.tenantId !== undefined && { tenantId: request.tenantId }),
  };
}
