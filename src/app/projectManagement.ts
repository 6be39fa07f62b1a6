import { randomId } from '../domain/ids.js';
import { CONFIGURATION_KEYS, configurationOfFiles, filesOf } from '../domain/snapshot.js';
import { DescopeError, invalid, missing } from '../errors.js';
import { type ProjectFixture, ProjectFixtureSchema } from '../fixtures/schema.js';
import type {
  CloneProjectBody,
  ImportSnapshotBody,
  ProjectNameBody,
  ProjectTagsBody,
} from '../schemas/project.js';
import type { Services } from './operation.js';
import { createProject, deleteProject, restoreProject, snapshotProject } from './projects.js';

/** Management `project.*` (descope-mgmt-more.md §6): the caller's project, named by its management key. */

export function updateProjectName(services: Services, projectId: string, body: ProjectNameBody) {
  if (!body.name) throw missing('name');
  services.store.projectConfig.setName(projectId, body.name);
  return {};
}

export function updateProjectTags(services: Services, projectId: string, body: ProjectTagsBody) {
  const { store } = services;
  const current = store.projectConfig.tags(projectId);
  store.projectConfig.setTags(projectId, { ...current, tags: body.tags ?? [] });
  return {};
}

/**
 * Deletes the caller's own project and everything in it; its key then gets 401. The mock's default project
 * is refused (as by the control plane): the key the mock prints must keep working, and `/_mock/reset` could
 * not bring it back.
 */
export function deleteOwnProject(services: Services, projectId: string) {
  deleteProject(services, projectId);
  return {};
}

/**
 * A new project on this mock with its own ID, management key and signing key, the configuration copied.
 * "Users, tenants and access keys are not cloned" (spec CloneProject), nor what names them (tenant roles,
 * user tokens, consents). The new key is read from the control plane: `GET /_mock/projects/{id}/snapshot`.
 */
export function cloneProject(services: Services, projectId: string, body: CloneProjectBody) {
  if (!body.name) throw missing('name');
  const environment = body.environment ?? '';
  if (environment !== '' && environment !== 'production') {
    throw invalid(`The environment "${environment}" is not "production" or empty`);
  }
  const source = snapshotProject(services, projectId);
  const {
    users: _users,
    accessKeys: _accessKeys,
    tenants: _tenants,
    outboundTokens: _tokens,
    consents: _consents,
    // What names users or tenants, or another project's keys: not cloned either.
    groups: _groups,
    relations: _relations,
    managementKeyRecords: _keys,
    descopers: _descopers,
    signingKey: _signingKey,
    createdTime: _createdTime,
    snapshotFiles,
    ...configuration
  } = source;
  const tags = body.tags ?? [];
  const created = createProject(services, {
    ...configuration,
    ...(snapshotFiles && { snapshotFiles }),
    projectId: randomId('P2'),
    managementKeys: [randomId('K2')],
    name: body.name,
    tags,
    environment,
    roles: source.roles.filter((role) => role.tenantId === ''),
    tenants: [],
    users: [],
    accessKeys: [],
    managementKeyRecords: [],
    descopers: [],
    groups: [],
    outboundApplications: source.outboundApplications?.map((app) => ({ ...app, tenantId: '' })),
  });
  return { projectId: created.projectId, projectName: body.name, environment, tags, tag: tags[0] ?? '' };
}

/**
 * Vendor behaviour (inferred): a management key lists every project of its company, and the mock is one
 * company, so any project's key lists every project the mock hosts.
 */
export function listAllProjects(services: Services) {
  const { store } = services;
  return {
    projects: store.projects.list().map(({ projectId, name }) => {
      const { tags, environment } = store.projectConfig.tags(projectId);
      return { id: projectId, name, environment, tags, tag: tags[0] ?? '' };
    }),
  };
}

/** The project's configuration as files (src/domain/snapshot.ts), flows and theme always listed. */
export function exportSnapshot(services: Services, projectId: string) {
  const { store } = services;
  const project = snapshotProject(services, projectId);
  const flows = store.projectConfig.flows(projectId);
  const theme = store.projectConfig.theme(projectId);
  return { files: filesOf({ ...project, flows, ...(theme && { theme }) }) };
}

/** Replaces the project's configuration with the files', keeping its users, keys and signing key. */
export function importSnapshot(services: Services, projectId: string, body: ImportSnapshotBody) {
  const document = snapshotDocument(services, projectId, body);
  try {
    restoreProject(services, projectId, document);
  } catch (error) {
    // A fixture the project cannot hold (a role naming an unknown permission…): the snapshot is invalid.
    if (error instanceof DescopeError && error.kind === 'INVALID_ARGUMENTS')
      throw snapshotInvalid(error.message);
    throw error;
  }
  return {};
}

/**
 * Whether the files would import: tried in a savepoint that is always rolled back.
 * Vendor behaviour (inferred): `missingSecrets` is never answered. The mock's own files carry every secret
 * it needs (as hashes), and it reads no connector or OAuth provider file (those are kept verbatim), so no
 * secret of theirs can be missing for it.
 */
export function validateSnapshot(services: Services, projectId: string, body: ImportSnapshotBody) {
  try {
    services.store.transaction(() => {
      importSnapshot(services, projectId, body);
      throw ROLLBACK;
    });
  } catch (error) {
    if (error === ROLLBACK) return { ok: true };
    if (error instanceof DescopeError && error.kind === 'SNAPSHOT_INVALID') {
      return { ok: false, failures: error.message.split('\n') };
    }
    throw error;
  }
  return { ok: true };
}

const ROLLBACK = new Error('rollback');

function snapshotDocument(services: Services, projectId: string, body: ImportSnapshotBody): ProjectFixture {
  if (body.files === undefined) throw missing('files');
  const { configuration, failures } = configurationOfFiles(body.files);
  if (failures.length > 0) throw snapshotInvalid(failures.join('\n'));
  const current = snapshotProject(services, projectId);
  // What the files do not hold stays: users, keys, the signing key, relations, groups, tokens, consents…
  // but what belongs to a tenant the files no longer have goes with it.
  const kept = Object.fromEntries(
    Object.entries(current).filter(([key]) => !CONFIGURATION_KEYS.includes(key)),
  ) as Partial<ProjectFixture>;
  const tenantIds = new Set(((configuration.tenants ?? []) as { id: string }[]).map((tenant) => tenant.id));
  const inKeptTenant = (item: { tenantId?: string }) => !item.tenantId || tenantIds.has(item.tenantId);
  const document = {
    ...kept,
    ...(kept.groups && { groups: kept.groups.filter(inKeptTenant) }),
    ...(kept.outboundTokens && { outboundTokens: kept.outboundTokens.filter(inKeptTenant) }),
    ...(kept.consents && { consents: kept.consents.filter(inKeptTenant) }),
    projectId,
    ...configuration,
  };
  const parsed = ProjectFixtureSchema.safeParse(document);
  if (!parsed.success) {
    throw snapshotInvalid(
      parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('\n'),
    );
  }
  return parsed.data;
}

/** Vendor behaviour (inferred): Descope's snapshot failures carry E113007 with the detail in the message. */
const snapshotInvalid = (message: string): DescopeError => new DescopeError('SNAPSHOT_INVALID', message);
