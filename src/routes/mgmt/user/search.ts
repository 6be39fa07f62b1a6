import { z } from 'zod';
import { defineOperation, type Services } from '../../../app/operation.js';
import { parseSearchFilter, type SearchUsersRequest } from '../../../domain/userSearch.js';
import { toWireUser } from '../../../domain/wire.js';
import { SortSchema } from '../../../schemas/sort.js';
import { UserSchema } from '../../../schemas/user.js';

/** User search (descope-api.md 4.6, 4.15): every filter of Descope's SearchUsersRequest. */
const tag = 'User';

const strings = z.array(z.string()).optional();
/** Descope's StringArray, per tenant: `{values, and}`. */
const RoleList = z.object({ values: z.array(z.string()).nullish(), and: z.boolean().nullish() });
/** int64 in proto3 JSON: a number or a numeric string (the SDKs send numbers). */
const int64 = z.union([z.number(), z.string()]).optional();

const SearchUsersBody = z.object({
  loginId: z.string().optional(),
  loginIds: strings,
  userIds: strings,
  emails: strings,
  phones: strings,
  statuses: strings,
  roleNames: strings,
  tenantIds: strings,
  tenantRoleNames: z.record(z.string(), RoleList).optional(),
  tenantRoleIds: z.record(z.string(), RoleList).optional(),
  includeSubTenants: z.boolean().optional(),
  customAttributes: z.record(z.string(), z.unknown()).optional(),
  ssoAppIds: strings,
  text: z.string().optional(),
  fromCreatedTime: int64.describe('epoch milliseconds'),
  toCreatedTime: int64.describe('epoch milliseconds'),
  fromModifiedTime: int64.describe('epoch milliseconds'),
  toModifiedTime: int64.describe('epoch milliseconds'),
  withTestUser: z.boolean().optional(),
  testUsersOnly: z.boolean().optional(),
  verifiedEmail: z.boolean().optional(),
  verifiedPhone: z.boolean().optional(),
  ssoOnly: z.boolean().optional(),
  scimOnly: z.boolean().optional(),
  scim: z.boolean().optional(),
  password: z.boolean().optional(),
  totp: z.boolean().optional(),
  webauthn: z.boolean().optional(),
  recoveryEmails: strings,
  recoveryPhones: strings,
  verifiedRecoveryEmail: z.boolean().optional(),
  verifiedRecoveryPhone: z.boolean().optional(),
  page: z.number().optional(),
  limit: z.number().optional().describe('page size; 0 or absent = 100'),
  offset: z.number().optional().describe('row offset; when positive it wins over page * limit'),
  sort: SortSchema,
  // Vendor behaviour (inferred): a projection is accepted, but every field of the user is always answered.
  selectedColumns: strings,
});

const SearchUsersResponse = z.object({
  users: z.array(UserSchema),
  total: z.number().int().describe('every match, not only this page'),
});

function searchUsers(services: Services, projectId: string, body: SearchUsersRequest, testOnly: boolean) {
  const filter = parseSearchFilter(body, testOnly);
  const { store } = services;
  return store.transaction(() => {
    const { users, total } = store.userSearch.search(projectId, filter);
    const catalog = store.catalog.forProject(projectId);
    return { users: users.map((user) => toWireUser(user, catalog)), total };
  });
}

export const userSearchOperations = [
  defineOperation({
    method: 'POST',
    path: '/v2/mgmt/user/search',
    sdkMethods: ['management.user.search', 'management.user.searchAll'],
    summary: 'Search users (test users only with withTestUser or testUsersOnly); total counts every match',
    operationId: 'SearchUsers',
    tag,
    body: SearchUsersBody.optional(),
    response: SearchUsersResponse,
    handler: ({ body, projectId, services }) => searchUsers(services, projectId, body ?? {}, false),
  }),
  defineOperation({
    method: 'POST',
    path: '/v2/mgmt/user/search/test',
    sdkMethods: ['management.user.searchTestUsers'],
    summary: 'Search test users only',
    operationId: 'SearchTestUsers',
    tag,
    body: SearchUsersBody.optional(),
    response: SearchUsersResponse,
    handler: ({ body, projectId, services }) => searchUsers(services, projectId, body ?? {}, true),
  }),
  defineOperation({
    method: 'POST',
    path: '/v1/mgmt/user/search',
    sdkMethods: [],
    // Vendor behaviour (inferred): the deprecated v1 path takes the same filters and answers as v2.
    summary: 'Search users (deprecated v1 path, same filters and answer as v2)',
    operationId: 'SearchUsersV1',
    tag,
    body: SearchUsersBody.optional(),
    response: SearchUsersResponse,
    handler: ({ body, projectId, services }) => searchUsers(services, projectId, body ?? {}, false),
  }),
];
