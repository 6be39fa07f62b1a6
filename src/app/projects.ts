import type { Config } from '../config.js';
import { randomId } from '../domain/ids.js';
import { DescopeError, invalid } from '../errors.js';
import { FixtureError } from '../fixtures/error.js';
import { exportProject } from '../fixtures/export.js';
import {
  type NewProject,
  type ProjectCredentials,
  type ProjectFixture,
  ProjectFixtureSchema,
} from '../fixtures/schema.js';
import { bareProject, seedProject } from '../fixtures/seed.js';
import type { ProjectCounts } from '../store/control.js';
import type { Store } from '../store/index.js';
import type { Services } from './operation.js';

type KeyConfig = Pick<Config, 'projectId' | 'managementKey' | 'managementKeyGiven'>;

/**
 * The default project's management keys under this run's configuration. A key given by flag, environment or
 * the library is its only key, whatever a fixture or snapshot lists: a custom key would protect nothing with
 * the published default key still valid beside it. Without one, the default key joins the listed keys.
 */
export function defaultProjectKeys(config: KeyConfig, listed: readonly string[]): string[] {
  if (config.managementKeyGiven) return [config.managementKey];
  return [...new Set([config.managementKey, ...listed])];
}

/** The project as it is seeded: the default project with this run's keys, any other as listed. */
function withConfiguredKeys(config: KeyConfig, project: ProjectFixture): ProjectFixture {
  if (project.projectId !== config.projectId) return project;
  return { ...project, managementKeys: defaultProjectKeys(config, project.managementKeys) };
}

/**
 * Seeds a project and keeps its fixture as the state `reset` goes back to. The seed keeps the keys as the
 * fixture lists them, so a later run (or reset) applies its own configuration to them, never an earlier
 * run's. Call inside a transaction.
 */
export function seedRemembered(
  store: Store,
  config: KeyConfig,
  project: ProjectFixture,
  where: string,
  nowMs?: number,
): void {
  seedProject(store, withConfiguredKeys(config, project), where, nowMs);
  store.control.rememberSeed(project.projectId, project);
}

/**
 * On a database kept from an earlier run: the default project's keys become this run's, so a key configured
 * before (or the default key, once a custom one is given) stops working.
 */
export function applyConfiguredKeys(store: Store, config: KeyConfig): void {
  const listed = store.control.seedKeys(config.projectId) ?? [];
  store.projects.replaceKeys(config.projectId, defaultProjectKeys(config, listed));
}

/** A new isolated project: a fresh `P2…` ID and `K2…` key unless the fixture names them. */
export function createProject(services: Services, input: NewProject): ProjectCredentials {
  const project: ProjectFixture = {
    ...input,
    projectId: input.projectId ?? randomId('P2'),
    managementKeys: input.managementKeys ?? [randomId('K2')],
  };
  asInvalid(() =>
    services.store.transaction(() =>
      seedRemembered(services.store, services.config, project, '', services.now()),
    ),
  );
  return { projectId: project.projectId, managementKey: project.managementKeys[0] as string };
}

export function listProjects(
  services: Services,
): (ProjectCounts & { default: boolean; managementKey: string })[] {
  const { control } = services.store;
  return control.listWithCounts().map((project) => {
    const isDefault = project.projectId === services.config.projectId;
    // A key the Descope API takes for the project, so a control-plane client (the inspector) can call it.
    const managementKey = isDefault
      ? services.config.managementKey
      : (control.managementKeys(project.projectId)[0] ?? '');
    return { ...project, default: isDefault, managementKey };
  });
}

/** Every project (or the one named) back to the fixture it was seeded from, in one transaction. */
export function resetProjects(services: Services, projectId?: string): string[] {
  const { store } = services;
  return store.transaction(() => {
    const ids =
      projectId === undefined ? store.projects.list().map((project) => project.projectId) : [projectId];
    for (const id of ids) {
      const seed = seedOf(store, id);
      keepingSigningKey(services, id, () => {
        store.projects.delete(id);
        asInvalid(() => seedRemembered(store, services.config, seed, '', services.now()));
      });
    }
    return ids;
  });
}

/** Removes a project and everything in it. The default project is refused: the banner's key must keep working. */
export function deleteProject(services: Services, projectId: string): void {
  if (projectId === services.config.projectId) {
    throw invalid('The default project cannot be deleted; reset it instead (POST /_mock/reset)');
  }
  const deleted = services.store.transaction(() => services.store.projects.delete(projectId));
  if (!deleted) throw projectNotFound(projectId);
}

export function snapshotProject(services: Services, projectId: string): ProjectFixture {
  const snapshot = services.store.transaction(() => exportProject(services.store, projectId));
  if (!snapshot) throw projectNotFound(projectId);
  return snapshot;
}

/**
 * Replaces a project's whole state with the document (a snapshot), in one transaction, or creates the
 * project when there is none. The state `reset` goes back to stays the project's original seed.
 */
export function restoreProject(
  services: Services,
  projectId: string,
  document: NewProject,
): ProjectCredentials & { created: boolean } {
  if (document.projectId !== undefined && document.projectId !== projectId) {
    throw invalid(`The projectId field "${document.projectId}" does not match the path's "${projectId}"`);
  }
  const { store } = services;
  return asInvalid(() =>
    store.transaction(() => {
      const exists = store.control.project(projectId) !== undefined;
      const listed =
        document.managementKeys ?? (exists ? store.control.managementKeys(projectId) : [randomId('K2')]);
      const project = withConfiguredKeys(services.config, { ...document, projectId, managementKeys: listed });
      const { managementKeys } = project;
      const seed = exists ? seedOf(store, projectId) : project;
      keepingSigningKey(services, projectId, () => {
        store.projects.delete(projectId);
        seedProject(store, project, '', services.now());
      });
      store.control.rememberSeed(projectId, seed);
      return { projectId, managementKey: managementKeys[0] as string, created: !exists };
    }),
  );
}

/**
 * Runs a reseed of the project (reset, restore) and gives it back the signing key it had, unless the seed
 * pinned one: tokens minted before a reset or a restore keep validating, and a project's kid never changes
 * but by a fixture's choice.
 */
function keepingSigningKey(services: Services, projectId: string, reseed: () => void): void {
  const { store } = services;
  const kept = store.signingKeys.find(projectId);
  reseed();
  if (kept && !store.signingKeys.find(projectId)) store.signingKeys.save(projectId, kept, services.now());
}

/** The project's seed; a project seeded before seeds were kept goes back to a bare project with its keys. */
function seedOf(store: Store, projectId: string): ProjectFixture {
  const seed = store.control.seed(projectId);
  if (seed !== undefined) return ProjectFixtureSchema.parse(JSON.parse(seed));
  const project = store.control.project(projectId);
  if (!project) throw projectNotFound(projectId);
  const [key = randomId('K2'), ...others] = store.control.managementKeys(projectId);
  return { ...bareProject(projectId, key), name: project.name, managementKeys: [key, ...others] };
}

export const projectNotFound = (projectId: string): DescopeError =>
  new DescopeError('ROUTE_NOT_FOUND', `Project "${projectId}" does not exist in the mock`);

/** A fixture the project cannot hold (a role naming an unknown permission…) is the caller's bad input: 400. */
function asInvalid<T>(fn: () => T): T {
  try {
    return fn();
  } catch (error) {
    if (error instanceof FixtureError) throw invalid(error.message);
    throw error;
  }
}
