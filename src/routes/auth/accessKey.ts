import { exchangeAccessKey } from '../../app/accessKeyExchange.js';
import { defineOperation } from '../../app/operation.js';
import { ExchangeAccessKeyBody, ExchangeAccessKeyResponse } from '../../schemas/accessKeyExchange.js';

/** An access key's cleartext exchanged for a session token (descope-auth-api.md §6.10). */
export const accessKeyExchangeOperations = [
  defineOperation({
    method: 'POST',
    path: '/v1/auth/accesskey/exchange',
    sdkMethods: ['exchangeAccessKey', 'accessKey.exchange'],
    summary: "Exchange an access key (Bearer <ProjectID>:<AccessKey>) for a session token of the key's roles",
    operationId: 'ExchangeAccessKey',
    tag: 'Access key exchange',
    body: ExchangeAccessKeyBody,
    response: ExchangeAccessKeyResponse,
    // Signs a token and writes nothing.
    readOnly: true,
    handler: ({ body, caller, projectId, services }) => exchangeAccessKey(services, projectId, caller, body),
  }),
];
