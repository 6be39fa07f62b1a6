import { authzFromSchema, schemaFromAuthz } from '../../domain/fga/authzJson.js';
import { formatDsl } from '../../domain/fga/dsl.js';
import type { FgaDefinition, FgaSchema, FgaType } from '../../domain/fga/model.js';
import { invalid, missing, required } from '../../errors.js';
import type {
  AuthzSchemaResponse,
  DeleteNamespaceBody,
  DeleteRelationDefinitionBody,
  SaveAuthzSchemaBody,
  SaveNamespaceBody,
  SaveRelationDefinitionBody,
} from '../../schemas/authz.js';
import type { AuthzNamespace, AuthzSchema } from '../../schemas/fgaSchema.js';
import type { VoidResponse } from '../../schemas/void.js';
import type { Services } from '../operation.js';
import { currentSchema, replaceSchema } from '../relations.js';

/**
 * The JSON schema of `management.authz.*` (descope-mgmt-more.md §1.5), kept in the same model as the DSL.
 * An edit is made on the JSON form of the whole schema, so that references to the namespaces it keeps
 * resolve, and only what the request names is taken from the result: the other types keep their DSL details
 * (typeRefs, conditions), which the JSON form cannot carry. The DSL text is regenerated from the model.
 */

const typeNamed = (schema: FgaSchema, name: string): FgaType | undefined =>
  schema.types.find((type) => type.name === name);

function requireType(schema: FgaSchema, name: string): FgaType {
  const type = typeNamed(schema, name);
  if (!type) throw invalid(`Unknown namespace '${name}'`);
  return type;
}

/** The schema `wire` describes, checked as a whole, with `picked` types taken from it and the rest from `base`. */
function withTypesFrom(
  base: FgaSchema,
  wire: AuthzSchema,
  pick: (type: FgaType) => FgaType | undefined,
): FgaSchema {
  const parsed = schemaFromAuthz(wire);
  const types = parsed.types.map((type) => pick(type) ?? typeNamed(base, type.name) ?? type);
  const next: FgaSchema = { ...base, name: parsed.name || base.name, types, dsl: '' };
  return { ...next, dsl: formatDsl(next) };
}

/** Upserts namespaces; with `upgrade`, the namespaces the request leaves out are deleted (with their relations). */
export function saveAuthzSchema(
  services: Services,
  projectId: string,
  body: SaveAuthzSchemaBody,
): VoidResponse {
  if (!body.schema) throw missing('schema');
  const incoming = body.schema.namespaces;
  incoming.forEach((namespace, i) => {
    required(namespace.name, `schema.namespaces[${i}].name`);
  });
  const names = new Set(incoming.map((namespace) => namespace.name));
  if (names.size < incoming.length) throw invalid('Duplicate namespace names in schema');
  const current = currentSchema(services, projectId);
  const kept = authzFromSchema(current).namespaces.filter((namespace) => !names.has(namespace.name));
  const wire = { name: body.schema.name, namespaces: [...(body.upgrade ? [] : kept), ...incoming] };
  const next = withTypesFrom(current, wire, (type) => (names.has(type.name) ? type : undefined));
  replaceSchema(services, projectId, next);
  return {};
}

export function loadAuthzSchema(services: Services, projectId: string): AuthzSchemaResponse {
  return { schema: authzFromSchema(currentSchema(services, projectId)) };
}

/** Replaces `from` (or appends) with `namespace` in the JSON form of `schema`. */
function wireWith(schema: FgaSchema, from: string, namespace: AuthzNamespace): AuthzSchema {
  const wire = authzFromSchema(schema);
  const at = wire.namespaces.findIndex((existing) => existing.name === from);
  const namespaces = [...wire.namespaces];
  if (at < 0) namespaces.push(namespace);
  else namespaces[at] = namespace;
  return { name: wire.name, namespaces };
}

/**
 * Upserts a namespace; its definitions replace those of the same name and the others stay. `oldName`
 * renames it: its relations follow.
 */
export function saveNamespace(services: Services, projectId: string, body: SaveNamespaceBody): VoidResponse {
  if (!body.namespace) throw missing('namespace');
  const name = required(body.namespace.name, 'namespace.name');
  const current = currentSchema(services, projectId);
  const from = body.oldName || name;
  if (body.oldName) requireType(current, body.oldName);
  if (from !== name && typeNamed(current, name)) throw invalid(`Namespace '${name}' already exists`);
  const existing = authzFromSchema(current).namespaces.find((namespace) => namespace.name === from);
  const mentioned = new Set(body.namespace.relationDefinitions.map((definition) => definition.name));
  const definitions = [
    ...(existing?.relationDefinitions ?? []).filter((definition) => !mentioned.has(definition.name)),
    ...body.namespace.relationDefinitions,
  ];
  const wire = wireWith(current, from, { name, relationDefinitions: definitions });
  const previous = typeNamed(current, from);
  const next = withTypesFrom(current, wire, (type) =>
    type.name === name ? mergeDefinitions(type, previous, mentioned) : undefined,
  );
  if (from !== name) services.store.relations.renameType(projectId, from, name);
  replaceSchema(services, projectId, next);
  return {};
}

/** A type as parsed, but with the definitions the request did not mention taken from the stored type. */
function mergeDefinitions(parsed: FgaType, previous: FgaType | undefined, mentioned: Set<string>): FgaType {
  const stored = new Map((previous?.definitions ?? []).map((definition) => [definition.name, definition]));
  return {
    ...parsed,
    definitions: parsed.definitions.map(
      (definition) => (!mentioned.has(definition.name) && stored.get(definition.name)) || definition,
    ),
  };
}

export function deleteNamespace(
  services: Services,
  projectId: string,
  body: DeleteNamespaceBody,
): VoidResponse {
  const name = required(body.name, 'name');
  const current = currentSchema(services, projectId);
  requireType(current, name);
  const next: FgaSchema = { ...current, types: current.types.filter((type) => type.name !== name) };
  replaceSchema(services, projectId, { ...next, dsl: formatDsl(next) });
  return {};
}

/** Upserts one relation definition of an existing namespace; `oldName` renames it and its relations follow. */
export function saveRelationDefinition(
  services: Services,
  projectId: string,
  body: SaveRelationDefinitionBody,
): VoidResponse {
  if (!body.relationDefinition) throw missing('relationDefinition');
  const name = required(body.relationDefinition.name, 'relationDefinition.name');
  const namespaceName = required(body.namespace, 'namespace');
  const current = currentSchema(services, projectId);
  const type = requireType(current, namespaceName);
  const from = body.oldName || name;
  const has = (definition: string) => type.definitions.some((d) => d.name === definition);
  if (body.oldName && !has(body.oldName)) {
    throw invalid(`Namespace '${namespaceName}' has no relation definition '${body.oldName}'`);
  }
  if (from !== name && has(name)) throw invalid(`Relation definition '${name}' already exists`);
  const namespace = authzFromSchema(current).namespaces.find(
    (n) => n.name === namespaceName,
  ) as AuthzNamespace;
  const definitions = [...namespace.relationDefinitions];
  const at = definitions.findIndex((definition) => definition.name === from);
  if (at < 0) definitions.push(body.relationDefinition);
  else definitions[at] = body.relationDefinition;
  const wire = wireWith(current, namespaceName, { name: namespaceName, relationDefinitions: definitions });
  const next = withTypesFrom(current, wire, (parsed) =>
    parsed.name === namespaceName ? withDefinition(type, parsed, from, name) : undefined,
  );
  if (from !== name) services.store.relations.renameRelation(projectId, namespaceName, from, name);
  replaceSchema(services, projectId, next);
  return {};
}

/** The stored type with definition `from` replaced by (or appended as) the parsed definition `name`. */
function withDefinition(stored: FgaType, parsed: FgaType, from: string, name: string): FgaType {
  const definition = parsed.definitions.find((d) => d.name === name) as FgaDefinition;
  const at = stored.definitions.findIndex((d) => d.name === from);
  const definitions = [...stored.definitions];
  if (at < 0) definitions.push(definition);
  else definitions[at] = definition;
  return { ...stored, definitions };
}

export function deleteRelationDefinition(
  services: Services,
  projectId: string,
  body: DeleteRelationDefinitionBody,
): VoidResponse {
  const name = required(body.name, 'name');
  const type = requireType(currentSchema(services, projectId), required(body.namespace, 'namespace'));
  if (!type.definitions.some((definition) => definition.name === name)) {
    throw invalid(`Namespace '${type.name}' has no relation definition '${name}'`);
  }
  const current = currentSchema(services, projectId);
  const types = current.types.map((t) =>
    t === type ? { ...t, definitions: t.definitions.filter((definition) => definition.name !== name) } : t,
  );
  const next: FgaSchema = { ...current, types };
  replaceSchema(services, projectId, { ...next, dsl: formatDsl(next) });
  return {};
}
