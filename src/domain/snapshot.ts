/**
 * A project's configuration as snapshot files (`{path: JSON}`, descope-mgmt-more.md §6) and back.
 * Vendor behaviour (inferred): Descope's file layout is unpublished. The mock writes one file per kind of
 * configuration (`project.json`, `roles.json`, `tenants/<id>.json`, `flows/<id>.json`…) in a fixed order, and
 * keeps any other file of an import verbatim, so a real export round-trips. Users, access keys, the signing
 * key and user tokens are identities, not configuration: no file holds them.
 */

/** The fixture keys a file of its own holds, as `{<key>: [...]}`. */
const LIST_FILES = {
  'permissions.json': 'permissions',
  'roles.json': 'roles',
  'attributes.json': 'customAttributes',
  'lists.json': 'lists',
  'jwtTemplates.json': 'jwtTemplates',
  'scopeClaimMappings.json': 'scopeClaimMappings',
  'ssoApplications.json': 'ssoApplications',
  'outboundApplications.json': 'outboundApplications',
  'inboundApplications.json': 'inboundApplications',
} as const;

/** The authorization schema, as its DSL (the relations are data, kept by the project like its users). */
const FGA_FILE = 'fga.json';

/** The fixture keys `project.json` holds. */
const PROJECT_KEYS = [
  'name',
  'tags',
  'environment',
  'sessionTokenTtl',
  'refreshTokenTtl',
  'refreshTokenInCookie',
  'sessionTokenInCookie',
  'passwordSettings',
] as const;

const THEME_FILE = 'themes/theme.json';

/**
 * Every fixture key the files hold: an import replaces these and keeps the project's other keys (users,
 * keys, relations, groups, tokens…) as they are.
 */
export const CONFIGURATION_KEYS: readonly string[] = [
  ...PROJECT_KEYS,
  ...Object.values(LIST_FILES),
  'fgaSchema',
  'tenants',
  'flows',
  'theme',
  'snapshotFiles',
];

type Fixture = Record<string, unknown>;
type Files = Record<string, unknown>;

/** The configuration of an exported fixture as files, in a deterministic order. */
export function filesOf(project: Fixture): Files {
  const files: Files = {};
  files['project.json'] = Object.fromEntries(
    PROJECT_KEYS.filter((key) => project[key] !== undefined).map((key) => [key, project[key]]),
  );
  for (const [path, key] of Object.entries(LIST_FILES)) {
    if (project[key] !== undefined) files[path] = { [key]: project[key] };
  }
  if (project.fgaSchema !== undefined) files[FGA_FILE] = { fgaSchema: project.fgaSchema };
  for (const tenant of (project.tenants ?? []) as { id: string }[])
    files[`tenants/${tenant.id}.json`] = tenant;
  for (const flow of (project.flows ?? []) as { flow: { id: string } }[]) {
    files[`flows/${flow.flow.id}.json`] = flow;
  }
  if (project.theme !== undefined) files[THEME_FILE] = { theme: project.theme };
  const kept = (project.snapshotFiles ?? {}) as Files;
  for (const path of Object.keys(kept).sort()) files[path] ??= kept[path];
  return files;
}

/**
 * The fixture keys the files give, and the files the mock does not read (kept). A known file that is not
 * an object is a failure, named by its path.
 */
export function configurationOfFiles(files: Files): { configuration: Fixture; failures: string[] } {
  const configuration: Fixture = {};
  const snapshotFiles: Files = {};
  const failures: string[] = [];
  const tenants: unknown[] = [];
  const flows: unknown[] = [];
  const listKeys: Record<string, string> = LIST_FILES;
  for (const path of Object.keys(files).sort()) {
    const content = files[path];
    const known = path === 'project.json' || path === THEME_FILE || path === FGA_FILE || path in listKeys;
    const folder = /^(tenants|flows)\/[^/]+\.json$/.exec(path)?.[1];
    if (!known && !folder) {
      snapshotFiles[path] = content;
      continue;
    }
    if (typeof content !== 'object' || content === null || Array.isArray(content)) {
      failures.push(`${path}: not a JSON object`);
      continue;
    }
    const object = content as Fixture;
    if (path === 'project.json') {
      for (const key of PROJECT_KEYS) if (object[key] !== undefined) configuration[key] = object[key];
    } else if (path === THEME_FILE) configuration.theme = object.theme;
    else if (path === FGA_FILE) configuration.fgaSchema = object.fgaSchema;
    else if (folder === 'tenants') tenants.push(object);
    else if (folder === 'flows') flows.push(object);
    else configuration[listKeys[path] as string] = object[listKeys[path] as string];
  }
  configuration.tenants = tenants;
  configuration.flows = flows;
  if (Object.keys(snapshotFiles).length > 0) configuration.snapshotFiles = snapshotFiles;
  return { configuration, failures };
}
