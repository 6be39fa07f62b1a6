import { DEFAULT_THEME, newEtag } from '../domain/flow.js';
import { invalid, missing } from '../errors.js';
import type {
  FlowIdBody,
  FlowIdsBody,
  FlowImportBody,
  FlowListBody,
  FlowRunBody,
  ThemeBody,
} from '../schemas/flow.js';
import type { Services } from './operation.js';

/** Management `flow.*` and `theme.*` (descope-mgmt-more.md §12): opaque documents, stored per project. */

export function listFlows(services: Services, projectId: string, body: FlowListBody) {
  const wanted = body.ids && body.ids.length > 0 ? new Set(body.ids) : undefined;
  const flows = services.store.projectConfig
    .flows(projectId)
    .filter(({ flow }) => !wanted || wanted.has(flow.id))
    .map(({ flow }) => ({
      id: flow.id,
      name: typeof flow.name === 'string' ? flow.name : '',
      description: typeof flow.description === 'string' ? flow.description : '',
      disabled: flow.disabled === true,
    }));
  return { flows, total: flows.length };
}

/** Vendor behaviour (inferred): an ID naming no flow is skipped, as other batch deletes of the API do. */
export function deleteFlows(services: Services, projectId: string, body: FlowIdsBody) {
  if (!body.ids || body.ids.length === 0) throw missing('ids');
  for (const id of body.ids) services.store.projectConfig.deleteFlow(projectId, id);
  return {};
}

export function exportFlow(services: Services, projectId: string, body: FlowIdBody) {
  const { flow, screens } = flowOf(services, projectId, body.flowId);
  return { flow, screens };
}

/** Stores the flow under `flowId` (its ID is the path's), with a new etag. */
export function importFlow(services: Services, projectId: string, body: FlowImportBody) {
  if (!body.flowId) throw missing('flowId');
  if (!body.flow) throw missing('flow');
  const flowId = body.flowId;
  const document = {
    flow: { ...body.flow, id: flowId, etag: newEtag() },
    screens: (body.screens ?? []).map((screen) => ({ ...screen, flowId })),
  };
  // A canned output set through the control plane outlives a re-import of its flow.
  const output = services.store.projectConfig.flow(projectId, flowId)?.output;
  services.store.projectConfig.saveFlowDocument(projectId, { ...document, ...(output && { output }) });
  return document;
}

/**
 * Vendor behaviour (inferred): the mock runs no flow; a known flow answers the canned output set through the
 * control plane, else its input. "Failed getting flow" is the live message for an unknown one
 * (net-e2e FlowTests.cs).
 */
export function runFlow(services: Services, projectId: string, body: FlowRunBody) {
  const { output } = flowOf(services, projectId, body.flowId);
  return { output: output ?? body.options?.input ?? {} };
}

/** The control plane's canned output of a flow's runs; none, runs answer their input again. */
export function setFlowOutput(
  services: Services,
  projectId: string,
  flowId: string,
  output: Record<string, unknown> | undefined,
): void {
  const { output: _, ...document } = flowOf(services, projectId, flowId);
  services.store.projectConfig.saveFlowDocument(projectId, { ...document, ...(output && { output }) });
}

function flowOf(services: Services, projectId: string, flowId: string | undefined) {
  if (!flowId) throw missing('flowId');
  const document = services.store.projectConfig.flow(projectId, flowId);
  if (!document) throw invalid(`Failed getting flow "${flowId}"`);
  return document;
}

export function exportTheme(services: Services, projectId: string) {
  return { theme: services.store.projectConfig.theme(projectId) ?? DEFAULT_THEME };
}

export function importTheme(services: Services, projectId: string, body: ThemeBody) {
  if (!body.theme) throw missing('theme');
  services.store.projectConfig.setTheme(projectId, body.theme);
  return { theme: body.theme };
}
