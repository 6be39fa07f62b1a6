import {
  createEngine,
  deleteEngine,
  loadAllEngines,
  loadEngine,
  rotateEngineSecret,
  updateEngine,
} from '../../app/engine.js';
import { defineOperation, NO_DOCUMENTED_EVENT } from '../../app/operation.js';
import {
  CreateEngineBody,
  EngineIdBody,
  EngineQuery,
  EngineResponse,
  EngineSecretResponse,
  EnginesResponse,
  UpdateEngineBody,
} from '../../schemas/engine.js';
import { VoidResponse } from '../../schemas/void.js';

/** Engines (descope-mgmt-more.md §15): the secret comes from create and rotate only. */
const tag = 'Engines';

export const engineOperations = [
  defineOperation({
    method: 'POST',
    path: '/v1/mgmt/engine/create',
    sdkMethods: ['management.engine.create'],
    summary: 'Create an engine; its secret is in this answer only',
    operationId: 'CreateEngine',
    tag,
    audit: NO_DOCUMENTED_EVENT,
    body: CreateEngineBody,
    response: EngineResponse,
    handler: ({ body, projectId, services }) => createEngine(services, projectId, body),
  }),
  defineOperation({
    method: 'POST',
    path: '/v1/mgmt/engine/update',
    sdkMethods: ['management.engine.update'],
    summary: 'Rename an engine',
    operationId: 'UpdateEngine',
    tag,
    audit: NO_DOCUMENTED_EVENT,
    body: UpdateEngineBody,
    response: EngineResponse,
    handler: ({ body, projectId, services }) => updateEngine(services, projectId, body),
  }),
  defineOperation({
    method: 'POST',
    path: '/v1/mgmt/engine/delete',
    sdkMethods: ['management.engine.delete'],
    summary: 'Delete an engine',
    operationId: 'DeleteEngine',
    tag,
    audit: NO_DOCUMENTED_EVENT,
    body: EngineIdBody,
    response: VoidResponse,
    handler: ({ body, projectId, services }) => deleteEngine(services, projectId, body),
  }),
  defineOperation({
    method: 'GET',
    path: '/v1/mgmt/engine/load',
    sdkMethods: ['management.engine.load'],
    summary: 'Load an engine (secret "")',
    operationId: 'LoadEngine',
    tag,
    query: EngineQuery,
    response: EngineResponse,
    handler: ({ query, projectId, services }) => loadEngine(services, projectId, query),
  }),
  defineOperation({
    method: 'GET',
    path: '/v1/mgmt/engines/load',
    sdkMethods: ['management.engine.loadAll'],
    summary: 'Every engine of the project (secrets "")',
    operationId: 'LoadAllEngines',
    tag,
    response: EnginesResponse,
    handler: ({ projectId, services }) => loadAllEngines(services, projectId),
  }),
  defineOperation({
    method: 'POST',
    path: '/v1/mgmt/engine/rotate',
    sdkMethods: ['management.engine.rotateSecret'],
    summary: 'Give an engine a new secret (in this answer only)',
    operationId: 'RotateEngineSecret',
    tag,
    audit: NO_DOCUMENTED_EVENT,
    body: EngineIdBody,
    response: EngineSecretResponse,
    handler: ({ body, projectId, services }) => rotateEngineSecret(services, projectId, body),
  }),
];
