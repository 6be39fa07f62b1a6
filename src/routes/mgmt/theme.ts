import { exportTheme, importTheme } from '../../app/flow.js';
import { defineOperation, NO_DOCUMENTED_EVENT } from '../../app/operation.js';
import { ThemeBody, ThemeResponse } from '../../schemas/flow.js';

/** The project's theme (descope-mgmt-more.md §12), opaque JSON; the v1 paths the SDK calls. */
const tag = 'Flows';

export const themeOperations = [
  defineOperation({
    method: 'POST',
    path: '/v1/mgmt/theme/export',
    sdkMethods: ['management.theme.export'],
    summary: "The project's theme",
    operationId: 'ExportThemeV1',
    tag,
    readOnly: true,
    response: ThemeResponse,
    handler: ({ projectId, services }) => exportTheme(services, projectId),
  }),
  defineOperation({
    method: 'POST',
    path: '/v1/mgmt/theme/import',
    sdkMethods: ['management.theme.import'],
    summary: "Replace the project's theme",
    operationId: 'ImportThemeV1',
    tag,
    audit: NO_DOCUMENTED_EVENT,
    body: ThemeBody,
    response: ThemeResponse,
    handler: ({ body, projectId, services }) => importTheme(services, projectId, body),
  }),
];
