import { defineOperation } from '../../../app/operation.js';
import { searchUsers } from '../../../app/user/search.js';
import { SearchUsersBody, SearchUsersResponse } from '../../../schemas/userSearch.js';

/** User search (descope-api.md 4.6, 4.15): every filter of Descope's SearchUsersRequest. Reads only. */
const tag = 'User';

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
    readOnly: true,
    handler: ({ body, projectId, services }) => searchUsers(services, projectId, body, false),
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
    readOnly: true,
    handler: ({ body, projectId, services }) => searchUsers(services, projectId, body, true),
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
    readOnly: true,
    handler: ({ body, projectId, services }) => searchUsers(services, projectId, body, false),
  }),
];
