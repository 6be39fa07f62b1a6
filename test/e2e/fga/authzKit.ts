/** An authz JSON schema: docs with owner ⊂ editor ⊂ viewer, in folders, and groups with members. */

const self = { nType: 'child', expression: { neType: 'self' } } as const;
const setOf = (relation: string, namespace: string) =>
  ({
    nType: 'child',
    expression: {
      neType: 'targetSet',
      targetRelationDefinition: relation,
      targetRelationDefinitionNamespace: namespace,
    },
  }) as const;
const right = (relation: string, namespace: string, target: string, targetNamespace: string) =>
  ({
    nType: 'child',
    expression: {
      neType: 'relationRight',
      relationDefinition: relation,
      relationDefinitionNamespace: namespace,
      targetRelationDefinition: target,
      targetRelationDefinitionNamespace: targetNamespace,
    },
  }) as const;

export const AUTHZ_SCHEMA = {
  name: 'docs',
  namespaces: [
    { name: 'user', relationDefinitions: [] },
    { name: 'group', relationDefinitions: [{ name: 'member' }] },
    { name: 'folder', relationDefinitions: [{ name: 'viewer' }] },
    {
      name: 'doc',
      relationDefinitions: [
        { name: 'owner' },
        { name: 'parent' },
        { name: 'editor', complexDefinition: { nType: 'union', children: [self, setOf('owner', 'doc')] } },
        {
          name: 'viewer',
          complexDefinition: {
            nType: 'union',
            children: [self, setOf('editor', 'doc'), right('parent', 'doc', 'viewer', 'folder')],
          },
        },
      ],
    },
  ],
} as any;
