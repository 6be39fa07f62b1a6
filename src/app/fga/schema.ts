import { fgaJsonFromSchema } from '../../domain/fga/authzJson.js';
import { parseDsl } from '../../domain/fga/dsl.js';
import { removedBy } from '../../domain/fga/schemaDiff.js';
import { required } from '../../errors.js';
import type { DryRunFgaSchemaResponse, LoadFgaSchemaResponse, SaveFgaSchemaBody } from '../../schemas/fga.js';
import type { VoidResponse } from '../../schemas/void.js';
import type { Services } from '../operation.js';
import { currentSchema, EMPTY_SCHEMA, replaceSchema } from '../relations.js';

/**
 * The DSL schema of `management.fga.*` (descope-mgmt-more.md §1.4): one schema a project, shared with the
 * JSON API (src/app/authz/schema.ts).
 */

/** Replaces the schema; the tuples of the types and relations it drops go too. */
export function saveFgaSchema(services: Services, projectId: string, body: SaveFgaSchemaBody): VoidResponse {
  const next = parseDsl(required(body.dsl, 'dsl'));
  replaceSchema(services, projectId, next);
  return {};
}

export function loadFgaSchema(services: Services, projectId: string): LoadFgaSchemaResponse {
  const stored = services.store.relations.schema(projectId);
  const schema = stored?.schema ?? EMPTY_SCHEMA;
  return { dsl: schema.dsl, schema: fgaJsonFromSchema(schema), version: stored?.version ?? '' };
}

/** What a save would delete. Vendor behaviour (inferred): from the schemas alone, whatever tuples exist. */
export function dryRunFgaSchema(
  services: Services,
  projectId: string,
  body: SaveFgaSchemaBody,
): DryRunFgaSchemaResponse {
  const next = parseDsl(required(body.dsl, 'dsl'));
  const { relations, types } = removedBy(currentSchema(services, projectId), next);
  return { deletesPreview: { hasDeletes: relations.length + types.length > 0, relations, types } };
}

/** Both APIs' deleteSchema (one path): the schema and every tuple go; resource details stay (inferred). */
export function deleteSchema(services: Services, projectId: string): VoidResponse {
  services.store.relations.deleteSchema(projectId, services.now());
  return {};
}
