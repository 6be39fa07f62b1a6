import type { Recipe, RecipeContext } from '../recipe.js';
import { must } from '../recipe.js';

/** A fresh tenant, for a recipe that configures or deletes its SSO. */
async function freshTenant({ sdk, unique }: RecipeContext): Promise<string> {
  const id = unique('T2Sso');
  must(await sdk.management.tenant.createWithId(id, unique('Sso tenant')), 'tenant.createWithId');
  return id;
}

const SAML = {
  idpUrl: 'https://idp.example.com/sso',
  idpCert: 'MIIC-cert',
  entityId: 'https://idp.example.com',
};
const OIDC = {
  name: 'Okta',
  clientId: 'client-1',
  clientSecret: 'secret',
  authUrl: 'https://idp.example.com/auth',
};

/** Tenant SSO configuration (`management.sso.*`), v1 and v2 paths. */
export const ssoRecipes: Record<string, Recipe> = {
  'management.sso.getSettings': async (context) =>
    context.sdk.management.sso.getSettings(await freshTenant(context)),
  'management.sso.newSettings': async (context) =>
    context.sdk.management.sso.newSettings(await freshTenant(context), context.unique('sso'), 'Second IdP'),
  'management.sso.deleteSettings': async (context) => {
    const tenantId = await freshTenant(context);
    must(await context.sdk.management.sso.configureSAMLSettings(tenantId, SAML), 'sso.configureSAMLSettings');
    return context.sdk.management.sso.deleteSettings(tenantId);
  },
  'management.sso.configureSettings': async (context) =>
    context.sdk.management.sso.configureSettings(
      await freshTenant(context),
      SAML.idpUrl,
      SAML.idpCert,
      SAML.entityId,
      'https://app.example.com/sso',
      ['acme.example.com'],
    ),
  'management.sso.configureMetadata': async (context) =>
    context.sdk.management.sso.configureMetadata(
      await freshTenant(context),
      'https://idp.example.com/metadata.xml',
      'https://app.example.com/sso',
      [],
    ),
  'management.sso.configureMapping': async (context) =>
    context.sdk.management.sso.configureMapping(
      await freshTenant(context),
      [{ groups: ['admins'], roleName: 'Viewer' }],
      { name: 'displayName', email: 'mail' },
    ),
  'management.sso.configureOIDCSettings': async (context) =>
    context.sdk.management.sso.configureOIDCSettings(await freshTenant(context), OIDC, ['oidc.example.com']),
  'management.sso.configureSAMLSettings': async (context) =>
    context.sdk.management.sso.configureSAMLSettings(
      await freshTenant(context),
      SAML,
      'https://app.example.com',
    ),
  'management.sso.configureSAMLByMetadata': async (context) =>
    context.sdk.management.sso.configureSAMLByMetadata(await freshTenant(context), {
      idpMetadataUrl: 'https://idp.example.com/metadata.xml',
    }),
  'management.sso.configureSSORedirectURL': async (context) =>
    context.sdk.management.sso.configureSSORedirectURL(
      await freshTenant(context),
      'https://app.example.com/saml',
      'https://app.example.com/oauth',
    ),
  'management.sso.recalculateSSOMappings': async (context) =>
    context.sdk.management.sso.recalculateSSOMappings(await freshTenant(context)),
  'management.sso.loadSettings': async (context) =>
    context.sdk.management.sso.loadSettings(await freshTenant(context)),
  'management.sso.loadAllSettings': async (context) =>
    context.sdk.management.sso.loadAllSettings(await freshTenant(context)),
};

/** SSO applications (`management.ssoApplication.*`): the mock as the IdP of other apps. */
export const ssoApplicationRecipes: Record<string, Recipe> = {
  'management.ssoApplication.createOidcApplication': ({ sdk, unique }) =>
    sdk.management.ssoApplication.createOidcApplication({
      name: unique('oidc app'),
      loginPageUrl: 'https://app.example.com/login',
    }),
  'management.ssoApplication.createSamlApplication': ({ sdk, unique }) =>
    sdk.management.ssoApplication.createSamlApplication({
      name: unique('saml app'),
      loginPageUrl: 'https://app.example.com/login',
      entityId: 'https://sp.example.com',
      acsUrl: 'https://sp.example.com/acs',
    }),
  'management.ssoApplication.updateOidcApplication': async ({ sdk, unique }) => {
    const id = await oidcApp(sdk, unique);
    return sdk.management.ssoApplication.updateOidcApplication({
      id,
      name: unique('oidc app'),
      loginPageUrl: 'https://app.example.com/login2',
    });
  },
  'management.ssoApplication.updateSamlApplication': async ({ sdk, unique }) => {
    const created = must(
      await sdk.management.ssoApplication.createSamlApplication({
        name: unique('saml app'),
        loginPageUrl: 'https://app.example.com/login',
      }),
      'ssoApplication.createSamlApplication',
    );
    return sdk.management.ssoApplication.updateSamlApplication({
      id: (created.data as { id: string }).id,
      name: unique('saml app'),
      loginPageUrl: 'https://app.example.com/login',
      entityId: 'https://sp.example.com',
    });
  },
  'management.ssoApplication.createWsFedApplication': ({ sdk, unique }) =>
    sdk.management.ssoApplication.createWsFedApplication({
      name: unique('wsfed app'),
      loginPageUrl: 'https://app.example.com/login',
      realm: 'urn:app',
      replyUrl: 'https://app.example.com/wsfed',
    }),
  'management.ssoApplication.updateWsFedApplication': async ({ sdk, unique }) => {
    const created = must(
      await sdk.management.ssoApplication.createWsFedApplication({
        name: unique('wsfed app'),
        loginPageUrl: 'https://app.example.com/login',
        realm: 'urn:app',
        replyUrl: 'https://app.example.com/wsfed',
      }),
      'ssoApplication.createWsFedApplication',
    );
    return sdk.management.ssoApplication.updateWsFedApplication({
      id: (created.data as { id: string }).id,
      name: unique('wsfed app'),
      loginPageUrl: 'https://app.example.com/login',
      realm: 'urn:app2',
      replyUrl: 'https://app.example.com/wsfed',
    });
  },
  'management.ssoApplication.delete': async ({ sdk, unique }) =>
    sdk.management.ssoApplication.delete(await oidcApp(sdk, unique)),
  'management.ssoApplication.load': ({ sdk }) => sdk.management.ssoApplication.load('descope-default-oidc'),
  'management.ssoApplication.loadAll': ({ sdk }) => sdk.management.ssoApplication.loadAll(),
  'management.ssoApplication.getApplicationSecret': async ({ sdk, unique }) =>
    sdk.management.ssoApplication.getApplicationSecret(await oidcApp(sdk, unique)),
  'management.ssoApplication.rotateApplicationSecret': async ({ sdk, unique }) =>
    sdk.management.ssoApplication.rotateApplicationSecret(await oidcApp(sdk, unique)),
};

type Sdk = RecipeContext['sdk'];

async function oidcApp(sdk: Sdk, unique: (prefix: string) => string): Promise<string> {
  const created = must(
    await sdk.management.ssoApplication.createOidcApplication({
      name: unique('oidc app'),
      loginPageUrl: 'https://app.example.com/login',
    }),
    'ssoApplication.createOidcApplication',
  );
  return (created.data as { id: string }).id;
}
