import { checkTuple } from '../../domain/fga/check.js';
import type { FgaTuple } from '../../domain/fga/model.js';
import { checkTuplesFit } from '../../domain/fga/validate.js';
import { missing, required } from '../../errors.js';
import type { FgaCheckBody, FgaCheckResponse, FgaTuplesBody, FgaTupleWire } from '../../schemas/fga.js';
import type { VoidResponse } from '../../schemas/void.js';
import type { Services } from '../operation.js';
import { currentSchema, relationSource } from '../relations.js';

/** Tuples of `management.fga.*` (descope-mgmt-more.md §1.3, §1.4): create, delete, check. */

/** The request's tuples, every field present (an empty list or field: E011002 naming it). */
function tuplesOf(wire: FgaTupleWire[] | undefined): FgaTuple[] {
  if (!wire?.length) throw missing('tuples');
  return wire.map((tuple, i) => ({
    resourceType: required(tuple.resourceType, `tuples[${i}].resourceType`),
    resource: required(tuple.resource, `tuples[${i}].resource`),
    relation: required(tuple.relation, `tuples[${i}].relation`),
    targetType: required(tuple.targetType, `tuples[${i}].targetType`),
    target: required(tuple.target, `tuples[${i}].target`),
  }));
}

/** All or none: the whole batch must fit the schema (§1.3 "Writes"); a tuple already stored is a no-op. */
export function createFgaRelations(services: Services, projectId: string, body: FgaTuplesBody): VoidResponse {
  const tuples = tuplesOf(body.tuples);
  checkTuplesFit(currentSchema(services, projectId), tuples);
  services.store.relations.insert(projectId, tuples, services.now());
  return {};
}

/** A tuple not stored is skipped. */
export function deleteFgaRelations(services: Services, projectId: string, body: FgaTuplesBody): VoidResponse {
  services.store.relations.delete(projectId, tuplesOf(body.tuples), services.now());
  return {};
}

/** Every tuple goes; the schema stays. */
export function deleteAllFgaRelations(services: Services, projectId: string): VoidResponse {
  services.store.relations.deleteAll(projectId);
  return {};
}

/** Each item answers in the request's order, with its tuple (Python reads it) and `info` (Go reads it). */
export function checkFgaRelations(
  services: Services,
  projectId: string,
  body: FgaCheckBody,
): FgaCheckResponse {
  const tuples = tuplesOf(body.tuples);
  const schema = currentSchema(services, projectId);
  const source = relationSource(services, projectId);
  return {
    tuples: tuples.map((tuple) => {
      const { allowed, info } = checkTuple(schema, source, tuple, body.context);
      return { allowed, tuple, info };
    }),
  };
}
