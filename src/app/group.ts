import { groupsForMembers, toWireGroup } from '../domain/group.js';
import { invalid, missing } from '../errors.js';
import type {
  GroupMembersBody,
  GroupsForMemberBody,
  GroupsResponse,
  LoadAllGroupsBody,
} from '../schemas/group.js';
import { requireTenant } from './lookup.js';
import type { Services } from './operation.js';

/**
 * IdP groups (descope-mgmt-more.md §10), read only: fixtures seed them. Every answer is a bare array, as the
 * SDKs read it (the spec's `{groups}` is wrong). `ssoId` (a tenant's SSO configuration) is accepted and not
 * used: Vendor behaviour (inferred): a tenant's groups are one set here, whichever configuration made them.
 */

function tenantGroups(services: Services, projectId: string, tenantId: string | undefined) {
  if (!tenantId) throw missing('tenantId');
  requireTenant(services.store, projectId, tenantId);
  return services.store.groups.list(projectId, tenantId);
}

export function loadAllGroups(
  services: Services,
  projectId: string,
  body: LoadAllGroupsBody,
): GroupsResponse {
  return tenantGroups(services, projectId, body.tenantId).map(toWireGroup);
}

/** The groups holding any of the users named; at least one user must be named. */
export function loadAllGroupsForMember(
  services: Services,
  projectId: string,
  body: GroupsForMemberBody,
): GroupsResponse {
  const userIds = body.userIds ?? [];
  const loginIds = body.loginIds ?? [];
  const groups = tenantGroups(services, projectId, body.tenantId);
  if (userIds.length === 0 && loginIds.length === 0) throw missing('userIds or loginIds');
  return groupsForMembers(groups, userIds, loginIds).map(toWireGroup);
}

/** The one group, members included, as a one-element array (Vendor behaviour (inferred): the SDKs read an array). */
export function loadAllGroupMembers(
  services: Services,
  projectId: string,
  body: GroupMembersBody,
): GroupsResponse {
  const groups = tenantGroups(services, projectId, body.tenantId);
  if (!body.groupId) throw missing('groupId');
  const group = groups.find((candidate) => candidate.id === body.groupId);
  if (!group) throw invalid(`Group "${body.groupId}" does not exist in tenant "${body.tenantId}"`);
  return [toWireGroup(group)];
}
