import type { Recipe } from '../recipe.js';
import { must } from '../recipe.js';

const FLOW = {
  id: 'coverage-flow',
  name: 'Coverage flow',
  description: 'imported by the coverage test',
  dsl: { start: { type: 'screen' } },
  disabled: false,
};

/** The project itself, its flows and theme, and its IdP groups. */
export const projectRecipes: Record<string, Recipe> = {
  'management.project.updateName': ({ sdk }) => sdk.management.project.updateName('Coverage (renamed)'),
  'management.project.updateTags': ({ sdk }) => sdk.management.project.updateTags(['ci', 'coverage']),
  'management.project.delete': ({ sdk }) => sdk.management.project.delete(),
  'management.project.clone': ({ sdk, unique }) => sdk.management.project.clone(unique('Clone')),
  'management.project.listProjects': ({ sdk }) => sdk.management.project.listProjects(),
  'management.project.exportSnapshot': ({ sdk }) => sdk.management.project.exportSnapshot(),
  'management.project.importSnapshot': async ({ sdk }) => {
    const exported = must(await sdk.management.project.exportSnapshot(), 'project.exportSnapshot');
    return sdk.management.project.importSnapshot({ files: (exported.data as { files: object }).files });
  },
  'management.project.validateSnapshot': async ({ sdk }) => {
    const exported = must(await sdk.management.project.exportSnapshot(), 'project.exportSnapshot');
    return sdk.management.project.validateSnapshot({ files: (exported.data as { files: object }).files });
  },
  'management.project.export': ({ sdk }) => sdk.management.project.export(),
  'management.project.import': async ({ sdk }) => {
    const files = must(await sdk.management.project.export(), 'project.export');
    return sdk.management.project.import(files.data as Record<string, unknown>);
  },

  'management.flow.list': ({ sdk }) => sdk.management.flow.list(),
  'management.flow.delete': async ({ sdk, unique }) => {
    const flowId = unique('flow');
    must(await sdk.management.flow.import(flowId, { ...FLOW, id: flowId }), 'flow.import');
    return sdk.management.flow.delete([flowId]);
  },
  'management.flow.export': async ({ sdk }) => {
    must(await sdk.management.flow.import(FLOW.id, FLOW), 'flow.import');
    return sdk.management.flow.export(FLOW.id);
  },
  'management.flow.import': ({ sdk }) => sdk.management.flow.import(FLOW.id, FLOW),
  'management.flow.run': async ({ sdk }) => {
    must(await sdk.management.flow.import(FLOW.id, FLOW), 'flow.import');
    return sdk.management.flow.run(FLOW.id, { input: { email: 'ada@example.com' } });
  },
  'management.theme.export': ({ sdk }) => sdk.management.theme.export(),
  'management.theme.import': ({ sdk }) =>
    sdk.management.theme.import({ id: 'theme', cssTemplate: { light: { primary: '#123456' } } }),

  'management.group.loadAllGroups': ({ sdk }) => sdk.management.group.loadAllGroups('T2Acme'),
  'management.group.loadAllGroupsForMember': ({ sdk }) =>
    sdk.management.group.loadAllGroupsForMember('T2Acme', ['U2Ada0000000000000000000000'], []),
  'management.group.loadAllGroupMembers': ({ sdk }) =>
    sdk.management.group.loadAllGroupMembers('T2Acme', 'admins'),
};
