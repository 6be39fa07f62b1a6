import type { Recipe, RecipeContext } from '../recipe.js';
import { must } from '../recipe.js';

type Sdk = RecipeContext['sdk'];
const ADA = 'U2Ada0000000000000000000000';

async function inboundApp(sdk: Sdk, unique: (prefix: string) => string): Promise<string> {
  const created = must(
    await sdk.management.inboundApplication.createApplication({
      name: unique('inbound'),
      permissionsScopes: [{ name: 'read', description: 'Read' }],
    }),
    'inboundApplication.createApplication',
  );
  return (created.data as { id: string }).id;
}

async function outboundApp(sdk: Sdk, unique: (prefix: string) => string): Promise<string> {
  const created = must(
    await sdk.management.outboundApplication.createApplication({
      name: unique('outbound'),
      clientId: 'client',
      authorizationUrl: 'https://provider.example.com/authorize',
      tokenUrl: 'https://provider.example.com/token',
      defaultScopes: ['read'],
    }),
    'outboundApplication.createApplication',
  );
  return (created.data as { id: string }).id;
}

/** An outbound app with a user token and a tenant token uploaded, for the fetch recipes. */
async function outboundAppWithTokens(sdk: Sdk, unique: (prefix: string) => string): Promise<string> {
  const appId = await outboundApp(sdk, unique);
  must(
    await sdk.management.outboundApplication.uploadUserToken({
      appId,
      userId: ADA,
      accessToken: 'user-access',
      scopes: ['read'],
      accessTokenExpiry: Math.floor(Date.now() / 1000) + 3600,
    }),
    'outboundApplication.uploadUserToken',
  );
  must(
    await sdk.management.outboundApplication.uploadTenantToken({
      appId,
      tenantId: 'T2Acme',
      accessToken: 'tenant-access',
      scopes: ['read'],
      accessTokenExpiry: Math.floor(Date.now() / 1000) + 3600,
    }),
    'outboundApplication.uploadTenantToken',
  );
  return appId;
}

/** Inbound (third-party) applications and their consents; outbound applications and their tokens. */
export const appRecipes: Record<string, Recipe> = {
  'management.inboundApplication.createApplication': ({ sdk, unique }) =>
    sdk.management.inboundApplication.createApplication({
      name: unique('inbound'),
      permissionsScopes: [{ name: 'read', description: 'Read' }],
    }),
  'management.inboundApplication.updateApplication': async ({ sdk, unique }) =>
    sdk.management.inboundApplication.updateApplication({
      id: await inboundApp(sdk, unique),
      name: unique('inbound'),
      permissionsScopes: [{ name: 'write', description: 'Write' }],
    }),
  'management.inboundApplication.patchApplication': async ({ sdk, unique }) =>
    sdk.management.inboundApplication.patchApplication({
      id: await inboundApp(sdk, unique),
      description: 'patched',
    }),
  'management.inboundApplication.deleteApplication': async ({ sdk, unique }) =>
    sdk.management.inboundApplication.deleteApplication(await inboundApp(sdk, unique)),
  'management.inboundApplication.deleteApplicationBatch': async ({ sdk, unique }) =>
    sdk.management.inboundApplication.deleteApplicationBatch([await inboundApp(sdk, unique)]),
  'management.inboundApplication.loadApplication': async ({ sdk, unique }) =>
    sdk.management.inboundApplication.loadApplication(await inboundApp(sdk, unique)),
  'management.inboundApplication.loadAllApplications': ({ sdk }) =>
    sdk.management.inboundApplication.loadAllApplications(),
  'management.inboundApplication.getApplicationSecret': async ({ sdk, unique }) =>
    sdk.management.inboundApplication.getApplicationSecret(await inboundApp(sdk, unique)),
  'management.inboundApplication.rotateApplicationSecret': async ({ sdk, unique }) =>
    sdk.management.inboundApplication.rotateApplicationSecret(await inboundApp(sdk, unique)),
  'management.inboundApplication.searchConsents': ({ sdk }) =>
    sdk.management.inboundApplication.searchConsents({ userId: ADA }),
  'management.inboundApplication.deleteConsents': async ({ sdk, unique }) =>
    sdk.management.inboundApplication.deleteConsents({
      appId: await inboundApp(sdk, unique),
      userIds: [ADA],
    }),
  'management.inboundApplication.deleteTenantConsents': async ({ sdk, unique }) =>
    sdk.management.inboundApplication.deleteTenantConsents({
      appId: await inboundApp(sdk, unique),
      tenantId: 'T2Acme',
    }),

  'management.outboundApplication.createApplication': ({ sdk, unique }) =>
    sdk.management.outboundApplication.createApplication({ name: unique('outbound'), clientId: 'client' }),
  'management.outboundApplication.createApplicationByTemplate': ({ sdk }) =>
    sdk.management.outboundApplication.createApplicationByTemplate({
      templateId: 'google',
      clientId: 'client',
    }),
  'management.outboundApplication.updateApplication': async ({ sdk, unique }) =>
    sdk.management.outboundApplication.updateApplication({
      id: await outboundApp(sdk, unique),
      name: unique('outbound'),
      description: 'updated',
    }),
  'management.outboundApplication.deleteApplication': async ({ sdk, unique }) =>
    sdk.management.outboundApplication.deleteApplication(await outboundApp(sdk, unique)),
  'management.outboundApplication.loadApplication': async ({ sdk, unique }) =>
    sdk.management.outboundApplication.loadApplication(await outboundApp(sdk, unique)),
  'management.outboundApplication.loadAllApplications': ({ sdk }) =>
    sdk.management.outboundApplication.loadAllApplications(),
  'management.outboundApplication.fetchTokenByScopes': async ({ sdk, unique }) =>
    sdk.management.outboundApplication.fetchTokenByScopes(await outboundAppWithTokens(sdk, unique), ADA, [
      'read',
    ]),
  'management.outboundApplication.fetchToken': async ({ sdk, unique }) =>
    sdk.management.outboundApplication.fetchToken(await outboundAppWithTokens(sdk, unique), ADA),
  'management.outboundApplication.fetchTenantTokenByScopes': async ({ sdk, unique }) =>
    sdk.management.outboundApplication.fetchTenantTokenByScopes(
      await outboundAppWithTokens(sdk, unique),
      'T2Acme',
      ['read'],
    ),
  'management.outboundApplication.fetchTenantToken': async ({ sdk, unique }) =>
    sdk.management.outboundApplication.fetchTenantToken(await outboundAppWithTokens(sdk, unique), 'T2Acme'),
  'management.outboundApplication.deleteUserTokens': async ({ sdk, unique }) =>
    sdk.management.outboundApplication.deleteUserTokens(await outboundAppWithTokens(sdk, unique), ADA),
  'management.outboundApplication.deleteTokenById': async ({ sdk, unique }) => {
    const appId = await outboundAppWithTokens(sdk, unique);
    const fetched = must(await sdk.management.outboundApplication.fetchToken(appId, ADA), 'fetchToken');
    return sdk.management.outboundApplication.deleteTokenById((fetched.data as { id: string }).id);
  },
  'management.outboundApplication.listAppsWithUserToken': async ({ sdk, unique }) => {
    await outboundAppWithTokens(sdk, unique);
    return sdk.management.outboundApplication.listAppsWithUserToken(ADA);
  },
  'management.outboundApplication.uploadUserApiKey': async ({ sdk, unique }) =>
    sdk.management.outboundApplication.uploadUserApiKey(await outboundApp(sdk, unique), ADA, 'api-key-1'),
  'management.outboundApplication.uploadTenantApiKey': async ({ sdk, unique }) =>
    sdk.management.outboundApplication.uploadTenantApiKey(
      await outboundApp(sdk, unique),
      'T2Acme',
      'api-key-2',
    ),
  'management.outboundApplication.uploadUserToken': async ({ sdk, unique }) =>
    sdk.management.outboundApplication.uploadUserToken({
      appId: await outboundApp(sdk, unique),
      userId: ADA,
      accessToken: 'access',
      scopes: ['read'],
    }),
  'management.outboundApplication.uploadTenantToken': async ({ sdk, unique }) =>
    sdk.management.outboundApplication.uploadTenantToken({
      appId: await outboundApp(sdk, unique),
      tenantId: 'T2Acme',
      accessToken: 'access',
    }),
  'management.outboundApplication.batchUploadUserTokens': async ({ sdk, unique }) =>
    sdk.management.outboundApplication.batchUploadUserTokens([
      { appId: await outboundApp(sdk, unique), userId: ADA, accessToken: 'access' },
    ]),
  'management.outboundApplication.batchUploadTenantTokens': async ({ sdk, unique }) =>
    sdk.management.outboundApplication.batchUploadTenantTokens([
      { appId: await outboundApp(sdk, unique), tenantId: 'T2Acme', accessToken: 'access' },
    ]),
};
