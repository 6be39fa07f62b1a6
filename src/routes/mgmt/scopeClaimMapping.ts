import { defineOperation, NO_DOCUMENTED_EVENT } from '../../app/operation.js';
import {
  deleteScopeClaimMappings,
  getScopeClaimMappings,
  setScopeClaimMappings,
} from '../../app/scopeClaimMapping.js';
import {
  ScopeClaimMappingsBody,
  ScopeClaimMappingsResponse,
  SetScopeClaimMappingsBody,
} from '../../schemas/scopeClaimMapping.js';
import { VoidResponse } from '../../schemas/void.js';

/** The project's scope → claims mappings (descope-mgmt-more.md §15), replaced whole by set. */
const tag = 'Scope claim mappings';

export const scopeClaimMappingOperations = [
  defineOperation({
    method: 'POST',
    path: '/v1/mgmt/scopeClaimMapping/get',
    sdkMethods: ['management.scopeClaimMapping.get'],
    summary: "The project's scope → claims mappings",
    operationId: 'GetScopeClaimMappings',
    tag,
    readOnly: true,
    body: ScopeClaimMappingsBody,
    response: ScopeClaimMappingsResponse,
    handler: ({ projectId, services }) => getScopeClaimMappings(services, projectId),
  }),
  defineOperation({
    method: 'POST',
    path: '/v1/mgmt/scopeClaimMapping/set',
    sdkMethods: ['management.scopeClaimMapping.set'],
    summary: 'Replace every scope → claims mapping',
    operationId: 'SetScopeClaimMappings',
    tag,
    audit: NO_DOCUMENTED_EVENT,
    body: SetScopeClaimMappingsBody,
    response: VoidResponse,
    handler: ({ body, projectId, services }) => setScopeClaimMappings(services, projectId, body),
  }),
  defineOperation({
    method: 'POST',
    path: '/v1/mgmt/scopeClaimMapping/delete',
    sdkMethods: ['management.scopeClaimMapping.delete'],
    summary: 'Remove every scope → claims mapping',
    operationId: 'DeleteScopeClaimMappings',
    tag,
    audit: NO_DOCUMENTED_EVENT,
    body: ScopeClaimMappingsBody,
    response: VoidResponse,
    handler: ({ projectId, services }) => deleteScopeClaimMappings(services, projectId),
  }),
];
