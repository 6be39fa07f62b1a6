import { defineOperation, notAudited } from '../../app/operation.js';
import { configurePasswordSettings, loadPasswordSettings } from '../../app/passwordSettings.js';
import {
  ConfigurePasswordSettingsBody,
  PasswordSettingsQuery,
  PasswordSettingsResponse,
} from '../../schemas/passwordSettings.js';
import { VoidResponse } from '../../schemas/void.js';

/** Password policies of the project and its tenants (descope-mgmt-more.md §7). */
const tag = 'Password';

export const passwordSettingsOperations = [
  defineOperation({
    method: 'GET',
    path: '/v1/mgmt/password/settings',
    sdkMethods: ['management.password.getSettings'],
    summary: "The password policy of the project (no tenantId) or of a tenant (else the project's)",
    operationId: 'GetPasswordSettings',
    tag,
    query: PasswordSettingsQuery,
    response: PasswordSettingsResponse,
    handler: ({ query, projectId, services }) => loadPasswordSettings(services, projectId, query),
  }),
  defineOperation({
    method: 'POST',
    path: '/v1/mgmt/password/settings',
    sdkMethods: ['management.password.configureSettings'],
    summary: 'Replace the password policy of the project (no tenantId) or of a tenant',
    operationId: 'ConfigurePasswordSettings',
    tag,
    body: ConfigurePasswordSettingsBody,
    response: VoidResponse,
    audit: notAudited('a project setting: no documented event'),
    handler: ({ body, projectId, services }) => configurePasswordSettings(services, projectId, body),
  }),
];
