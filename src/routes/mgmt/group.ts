import { loadAllGroupMembers, loadAllGroups, loadAllGroupsForMember } from '../../app/group.js';
import { defineOperation } from '../../app/operation.js';
import {
  GroupMembersBody,
  GroupsForMemberBody,
  GroupsResponse,
  LoadAllGroupsBody,
} from '../../schemas/group.js';

/** IdP groups (descope-mgmt-more.md §10): read only, seeded by fixtures; every answer a bare array. */
const tag = 'Groups';

export const groupOperations = [
  defineOperation({
    method: 'POST',
    path: '/v1/mgmt/group/all',
    sdkMethods: ['management.group.loadAllGroups'],
    summary: "A tenant's IdP groups (a bare array)",
    operationId: 'LoadGroups',
    tag,
    readOnly: true,
    body: LoadAllGroupsBody,
    response: GroupsResponse,
    handler: ({ body, projectId, services }) => loadAllGroups(services, projectId, body),
  }),
  defineOperation({
    method: 'POST',
    path: '/v1/mgmt/group/member/all',
    sdkMethods: ['management.group.loadAllGroupsForMember'],
    summary: 'The groups of a tenant holding any of the users named (a bare array)',
    operationId: 'LoadMemberGroups',
    tag,
    readOnly: true,
    body: GroupsForMemberBody,
    response: GroupsResponse,
    handler: ({ body, projectId, services }) => loadAllGroupsForMember(services, projectId, body),
  }),
  defineOperation({
    method: 'POST',
    path: '/v1/mgmt/group/members',
    sdkMethods: ['management.group.loadAllGroupMembers'],
    summary: 'One group of a tenant with its members (a bare array)',
    operationId: 'LoadGroupMembers',
    tag,
    readOnly: true,
    body: GroupMembersBody,
    response: GroupsResponse,
    handler: ({ body, projectId, services }) => loadAllGroupMembers(services, projectId, body),
  }),
];
