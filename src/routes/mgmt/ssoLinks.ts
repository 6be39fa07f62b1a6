import { defineOperation, NO_DOCUMENTED_EVENT } from '../../app/operation.js';
import { generateSsoLink, revokeSsoLinks } from '../../app/ssoLinks.js';
import { GenerateSsoLinkBody, GenerateSsoLinkResponse, RevokeSsoLinkBody } from '../../schemas/sso.js';
import { VoidResponse } from '../../schemas/void.js';

/** The tenant's SSO configuration links (descope-mgmt-more.md §2.2), called through `management.tenant`. */
const tag = 'Tenant SSO';

export const ssoLinkOperations = [
  defineOperation({
    method: 'POST',
    path: '/v2/mgmt/tenant/adminlinks/sso/generate',
    sdkMethods: ['management.tenant.generateSSOConfigurationLink'],
    summary: "A link to the tenant's SSO setup, valid expireTime seconds (under the mock's origin)",
    operationId: 'GenerateTenantAdminLinkSSO',
    tag,
    audit: NO_DOCUMENTED_EVENT,
    body: GenerateSsoLinkBody,
    answersUrls: true,
    response: GenerateSsoLinkResponse,
    handler: ({ body, projectId, services, caller }) =>
      generateSsoLink(services, { projectId, origin: caller.origin ?? '' }, body),
  }),
  defineOperation({
    method: 'POST',
    path: '/v1/mgmt/tenant/adminlinks/sso/revoke',
    sdkMethods: ['management.tenant.revokeSSOConfigurationLink'],
    summary: "Revoke the tenant's SSO configuration links (one configuration's when ssoId is given)",
    operationId: 'RevokeTenantAdminLinkSSO',
    tag,
    audit: NO_DOCUMENTED_EVENT,
    body: RevokeSsoLinkBody,
    response: VoidResponse,
    handler: ({ body, projectId, services }) => revokeSsoLinks(services, projectId, body),
  }),
];
