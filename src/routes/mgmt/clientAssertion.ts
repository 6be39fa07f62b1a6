import { generateClientAssertion } from '../../app/clientAssertion.js';
import { defineOperation } from '../../app/operation.js';
import { ClientAssertionBody } from '../../schemas/clientAssertion.js';
import { JwtOnlyResponse } from '../../schemas/jwt.js';

/** management.jwt.generateClientAssertionJwt (descope-mgmt-more.md §4): signs, writes nothing. */
export const clientAssertionOperations = [
  defineOperation({
    method: 'POST',
    path: '/v1/mgmt/token/clientassertion',
    sdkMethods: ['management.jwt.generateClientAssertionJwt'],
    summary: "A client assertion JWT (iss, sub, aud, iat, exp, jti) signed with the project's key",
    operationId: 'GenerateClientAssertion',
    tag: 'Management JWT',
    body: ClientAssertionBody,
    response: JwtOnlyResponse,
    readOnly: true,
    handler: ({ body, projectId, services }) => generateClientAssertion(services, projectId, body),
  }),
];
