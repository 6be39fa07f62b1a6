import type { Recipe, RecipeContext } from '../recipe.js';
import { must } from '../recipe.js';

type Sdk = RecipeContext['sdk'];

const DSL = [
  'model AuthZ 1.0',
  'type user',
  'type folder',
  '  relation owner: user',
  '  relation viewer: user',
  '  permission can_view: viewer | owner',
  'type doc',
  '  relation parent: folder',
  '  relation viewer: user',
  '  permission can_view: viewer | parent.can_view',
].join('\n');

/** The DSL schema above and a few tuples: doc d1 in folder f1, which ada owns. */
async function fgaReady(sdk: Sdk): Promise<void> {
  must(await sdk.management.fga.saveSchema({ dsl: DSL }), 'fga.saveSchema');
  must(
    await sdk.management.fga.createRelations([
      { resource: 'f1', resourceType: 'folder', relation: 'owner', target: 'ada', targetType: 'user' },
      { resource: 'd1', resourceType: 'doc', relation: 'parent', target: 'f1', targetType: 'folder' },
    ]),
    'fga.createRelations',
  );
}

const AUTHZ_SCHEMA = {
  name: 'docs',
  namespaces: [
    { name: 'user', relationDefinitions: [] },
    {
      name: 'doc',
      relationDefinitions: [
        { name: 'owner' },
        {
          name: 'viewer',
          complexDefinition: {
            nType: 'union' as const,
            children: [
              { nType: 'child' as const, expression: { neType: 'self' as const } },
              {
                nType: 'child' as const,
                expression: {
                  neType: 'targetSet' as const,
                  targetRelationDefinition: 'owner',
                  targetRelationDefinitionNamespace: 'doc',
                },
              },
            ],
          },
        },
      ],
    },
  ],
};

/** The JSON schema above and one relation: ada owns doc r1. */
async function authzReady(sdk: Sdk): Promise<void> {
  must(await sdk.management.authz.saveSchema(AUTHZ_SCHEMA, true), 'authz.saveSchema');
  must(
    await sdk.management.authz.createRelations([
      { resource: 'r1', relationDefinition: 'owner', namespace: 'doc', target: 'ada' },
    ]),
    'authz.createRelations',
  );
}

const OWNER = { resource: 'r1', relationDefinition: 'owner', namespace: 'doc', target: 'ada' };

/** FGA (DSL and tuples), AuthZ (JSON namespaces and relations) and the audit trail. */
export const authorizationRecipes: Record<string, Recipe> = {
  'management.fga.saveSchema': ({ sdk }) => sdk.management.fga.saveSchema({ dsl: DSL }),
  'management.fga.loadSchema': async ({ sdk }) => {
    await fgaReady(sdk);
    return sdk.management.fga.loadSchema();
  },
  'management.fga.dryRunSchema': async ({ sdk }) => {
    await fgaReady(sdk);
    return sdk.management.fga.dryRunSchema({ dsl: 'model AuthZ 1.0\ntype user' });
  },
  'management.fga.deleteSchema': async ({ sdk }) => {
    await fgaReady(sdk);
    return sdk.management.fga.deleteSchema();
  },
  'management.fga.createRelations': async ({ sdk }) => {
    await fgaReady(sdk);
    return sdk.management.fga.createRelations([
      { resource: 'd2', resourceType: 'doc', relation: 'viewer', target: 'grace', targetType: 'user' },
    ]);
  },
  'management.fga.deleteRelations': async ({ sdk }) => {
    await fgaReady(sdk);
    return sdk.management.fga.deleteRelations([
      { resource: 'd1', resourceType: 'doc', relation: 'parent', target: 'f1', targetType: 'folder' },
    ]);
  },
  'management.fga.check': async ({ sdk }) => {
    await fgaReady(sdk);
    return sdk.management.fga.check([
      { resource: 'd1', resourceType: 'doc', relation: 'can_view', target: 'ada', targetType: 'user' },
    ]);
  },
  'management.fga.checkWithContext': async ({ sdk }) => {
    await fgaReady(sdk);
    return sdk.management.fga.checkWithContext(
      [{ resource: 'd1', resourceType: 'doc', relation: 'can_view', target: 'ada', targetType: 'user' }],
      { ip: '10.0.0.1' },
    );
  },
  'management.fga.loadResourcesDetails': async ({ sdk }) => {
    must(
      await sdk.management.fga.saveResourcesDetails([
        { resourceId: 'd1', resourceType: 'doc', displayName: 'Doc' },
      ]),
      'fga.saveResourcesDetails',
    );
    return sdk.management.fga.loadResourcesDetails([{ resourceId: 'd1', resourceType: 'doc' }]);
  },
  'management.fga.saveResourcesDetails': ({ sdk }) =>
    sdk.management.fga.saveResourcesDetails([
      { resourceId: 'f1', resourceType: 'folder', displayName: 'Folder' },
    ]),
  'management.fga.loadMappableSchema': async ({ sdk }) => {
    await fgaReady(sdk);
    return sdk.management.fga.loadMappableSchema('T2Acme', { resourcesLimit: 10 });
  },
  'management.fga.searchMappableResources': async ({ sdk }) => {
    await fgaReady(sdk);
    return sdk.management.fga.searchMappableResources('T2Acme', [{ type: 'doc', queries: ['d'] }]);
  },
  'management.fga.deleteAllRelations': async ({ sdk }) => {
    await fgaReady(sdk);
    return sdk.management.fga.deleteAllRelations();
  },

  'management.authz.saveSchema': ({ sdk }) => sdk.management.authz.saveSchema(AUTHZ_SCHEMA, true),
  'management.authz.deleteSchema': async ({ sdk }) => {
    await authzReady(sdk);
    return sdk.management.authz.deleteSchema();
  },
  'management.authz.loadSchema': async ({ sdk }) => {
    await authzReady(sdk);
    return sdk.management.authz.loadSchema();
  },
  'management.authz.saveNamespace': async ({ sdk }) => {
    await authzReady(sdk);
    return sdk.management.authz.saveNamespace({ name: 'folder', relationDefinitions: [{ name: 'owner' }] });
  },
  'management.authz.deleteNamespace': async ({ sdk }) => {
    await authzReady(sdk);
    must(
      await sdk.management.authz.saveNamespace({ name: 'gone', relationDefinitions: [] }),
      'authz.saveNamespace',
    );
    return sdk.management.authz.deleteNamespace('gone');
  },
  'management.authz.saveRelationDefinition': async ({ sdk }) => {
    await authzReady(sdk);
    return sdk.management.authz.saveRelationDefinition({ name: 'editor' }, 'doc');
  },
  'management.authz.deleteRelationDefinition': async ({ sdk }) => {
    await authzReady(sdk);
    must(
      await sdk.management.authz.saveRelationDefinition({ name: 'gone' }, 'doc'),
      'authz.saveRelationDefinition',
    );
    return sdk.management.authz.deleteRelationDefinition('gone', 'doc');
  },
  'management.authz.createRelations': async ({ sdk }) => {
    await authzReady(sdk);
    return sdk.management.authz.createRelations([{ ...OWNER, resource: 'r2' }]);
  },
  'management.authz.deleteRelations': async ({ sdk }) => {
    await authzReady(sdk);
    return sdk.management.authz.deleteRelations([OWNER]);
  },
  'management.authz.deleteRelationsForResources': async ({ sdk }) => {
    await authzReady(sdk);
    return sdk.management.authz.deleteRelationsForResources(['r1']);
  },
  'management.authz.deleteResourceRelationsForResources': async ({ sdk }) => {
    await authzReady(sdk);
    return sdk.management.authz.deleteResourceRelationsForResources(['r1']);
  },
  'management.authz.deleteRelationsForIds': async ({ sdk }) => {
    await authzReady(sdk);
    return sdk.management.authz.deleteRelationsForIds(['r1']);
  },
  'management.authz.hasRelations': async ({ sdk }) => {
    await authzReady(sdk);
    return sdk.management.authz.hasRelations([{ ...OWNER, relationDefinition: 'viewer' }]);
  },
  'management.authz.whoCanAccess': async ({ sdk }) => {
    await authzReady(sdk);
    return sdk.management.authz.whoCanAccess('r1', 'viewer', 'doc');
  },
  'management.authz.resourceRelations': async ({ sdk }) => {
    await authzReady(sdk);
    return sdk.management.authz.resourceRelations('r1');
  },
  'management.authz.resourceRelationsWithTargetSetsFilter': async ({ sdk }) => {
    await authzReady(sdk);
    return sdk.management.authz.resourceRelationsWithTargetSetsFilter('r1', true);
  },
  'management.authz.targetsRelations': async ({ sdk }) => {
    await authzReady(sdk);
    return sdk.management.authz.targetsRelations(['ada']);
  },
  'management.authz.targetsRelationsWithTargetSetsFilter': async ({ sdk }) => {
    await authzReady(sdk);
    return sdk.management.authz.targetsRelationsWithTargetSetsFilter(['ada'], true);
  },
  'management.authz.whatCanTargetAccess': async ({ sdk }) => {
    await authzReady(sdk);
    return sdk.management.authz.whatCanTargetAccess('ada');
  },
  'management.authz.whatCanTargetAccessWithRelation': async ({ sdk }) => {
    await authzReady(sdk);
    return sdk.management.authz.whatCanTargetAccessWithRelation('ada', 'viewer', 'doc');
  },
  'management.authz.getModified': async ({ sdk }) => {
    await authzReady(sdk);
    return sdk.management.authz.getModified(new Date(Date.now() - 60_000));
  },

  'management.audit.search': ({ sdk }) => sdk.management.audit.search({ actions: ['UserCreated'] }),
  'management.audit.searchAll': ({ sdk }) => sdk.management.audit.searchAll({ text: 'ada' }),
  'management.audit.createEvent': ({ sdk }) =>
    sdk.management.audit.createEvent({
      action: 'Exported',
      type: 'info',
      actorId: 'ada',
      tenantId: 'T2Acme',
    }),
  'management.audit.createAuditWebhook': ({ sdk, unique }) =>
    sdk.management.audit.createAuditWebhook({
      name: unique('webhook'),
      url: 'https://siem.example.com/hook',
    }),
  'management.analytics.search': ({ sdk }) =>
    sdk.management.analytics.search({ actions: ['LoginSucceed'], groupByAction: true }),
};
