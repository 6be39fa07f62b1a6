import { licenseHandshake } from '../../app/license.js';
import { defineOperation } from '../../app/operation.js';
import { LicenseResponse } from '../../schemas/license.js';

/**
 * The license handshake: the Node SDK fires it unprompted when a client is built with a management key, and
 * echoes the tier back in `x-descope-license` on later calls (descope-api.md 1.3).
 */
export const licenseOperations = [
  defineOperation({
    method: 'GET',
    path: '/v1/mgmt/license',
    sdkMethods: ['(DescopeClient construction)'],
    summary: "The project's rate-limit tier (license handshake)",
    operationId: 'GetLicense',
    tag: 'License',
    response: LicenseResponse,
    handler: () => licenseHandshake(),
  }),
];
