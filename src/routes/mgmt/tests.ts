import { defineOperation, notAudited } from '../../app/operation.js';
import {
  generateEnchantedLinkForTestUser,
  generateMagicLinkForTestUser,
  generateOtpForTestUser,
} from '../../app/user/testUsers.js';
import {
  GenerateEnchantedLinkBody,
  GenerateEnchantedLinkResponse,
  GenerateMagicLinkBody,
  GenerateMagicLinkResponse,
  GenerateOtpBody,
  GenerateOtpResponse,
} from '../../schemas/testUsers.js';

/**
 * Descope's test-user helpers (descope-api.md 4.14): an OTP code, magic link or enchanted link for a test user,
 * handed to the caller instead of being sent (and kept in the outbox).
 */
const tag = 'Test users';

export const testUserOperations = [
  defineOperation({
    method: 'POST',
    path: '/v1/mgmt/tests/generate/otp',
    sdkMethods: ['management.user.generateOTPForTestUser'],
    summary: 'Generate a 6-digit OTP code for a test user (returned, not sent)',
    operationId: 'GenerateOTPForTestUser',
    tag,
    body: GenerateOtpBody,
    response: GenerateOtpResponse,
    audit: notAudited('a test-only helper'),
    handler: ({ body, projectId, services }) => generateOtpForTestUser(services, projectId, body),
  }),
  defineOperation({
    method: 'POST',
    path: '/v1/mgmt/tests/generate/magiclink',
    sdkMethods: ['management.user.generateMagicLinkForTestUser'],
    summary: 'Generate a magic link <URI>?t=<token> for a test user (returned, not sent)',
    operationId: 'GenerateMagicLinkForTestUser',
    tag,
    body: GenerateMagicLinkBody,
    response: GenerateMagicLinkResponse,
    audit: notAudited('a test-only helper'),
    handler: ({ body, projectId, services }) => generateMagicLinkForTestUser(services, projectId, body),
  }),
  defineOperation({
    method: 'POST',
    path: '/v1/mgmt/tests/generate/enchantedlink',
    sdkMethods: ['management.user.generateEnchantedLinkForTestUser'],
    summary: 'Generate an enchanted link and its pendingRef for a test user (returned, not sent)',
    operationId: 'GenerateEnchantedLinkForTestUser',
    tag,
    body: GenerateEnchantedLinkBody,
    response: GenerateEnchantedLinkResponse,
    audit: notAudited('a test-only helper'),
    handler: ({ body, projectId, services }) => generateEnchantedLinkForTestUser(services, projectId, body),
  }),
];
