import { deleteFlows, exportFlow, importFlow, listFlows, runFlow } from '../../app/flow.js';
import { defineOperation, NO_DOCUMENTED_EVENT } from '../../app/operation.js';
import {
  FlowIdBody,
  FlowIdsBody,
  FlowImportBody,
  FlowListBody,
  FlowListResponse,
  FlowResponse,
  FlowRunBody,
  FlowRunResponse,
} from '../../schemas/flow.js';
import { VoidResponse } from '../../schemas/void.js';

/**
 * Flows (descope-mgmt-more.md §12), stored as the opaque documents an export gives. export and import are
 * the v1 paths the SDK calls (the published spec has only v2).
 */
const tag = 'Flows';

export const flowOperations = [
  defineOperation({
    method: 'POST',
    path: '/v1/mgmt/flow/list',
    sdkMethods: ['management.flow.list'],
    summary: "The project's flows (optionally only the IDs given), by ID",
    operationId: 'ListFlows',
    tag,
    readOnly: true,
    body: FlowListBody,
    response: FlowListResponse,
    handler: ({ body, projectId, services }) => listFlows(services, projectId, body),
  }),
  defineOperation({
    method: 'POST',
    path: '/v1/mgmt/flow/delete',
    sdkMethods: ['management.flow.delete'],
    summary: 'Delete flows by ID (unknown IDs are skipped)',
    operationId: 'DeleteFlows',
    tag,
    audit: NO_DOCUMENTED_EVENT,
    body: FlowIdsBody,
    response: VoidResponse,
    handler: ({ body, projectId, services }) => deleteFlows(services, projectId, body),
  }),
  defineOperation({
    method: 'POST',
    path: '/v1/mgmt/flow/export',
    sdkMethods: ['management.flow.export'],
    summary: 'A flow and its screens',
    operationId: 'ExportFlowV1',
    tag,
    readOnly: true,
    body: FlowIdBody,
    response: FlowResponse,
    handler: ({ body, projectId, services }) => exportFlow(services, projectId, body),
  }),
  defineOperation({
    method: 'POST',
    path: '/v1/mgmt/flow/import',
    sdkMethods: ['management.flow.import'],
    summary: 'Create or replace a flow and its screens; the etag changes',
    operationId: 'ImportFlowV1',
    tag,
    audit: NO_DOCUMENTED_EVENT,
    body: FlowImportBody,
    response: FlowResponse,
    handler: ({ body, projectId, services }) => importFlow(services, projectId, body),
  }),
  defineOperation({
    method: 'POST',
    path: '/v1/mgmt/flow/run',
    sdkMethods: ['management.flow.run'],
    summary: 'Run a flow: the mock answers its input as the output',
    operationId: 'RunManagementFlow',
    tag,
    readOnly: true,
    body: FlowRunBody,
    response: FlowRunResponse,
    handler: ({ body, projectId, services }) => runFlow(services, projectId, body),
  }),
];
