import { z } from 'zod';

/** The wire shapes of IdP groups (descope-mgmt-more.md §10): every answer is a bare array. */

export const LoadAllGroupsBody = z.object({ tenantId: z.string().optional(), ssoId: z.string().optional() });
export type LoadAllGroupsBody = z.output<typeof LoadAllGroupsBody>;
export const GroupsForMemberBody = z.object({
  tenantId: z.string().optional(),
  ssoId: z.string().optional(),
  userIds: z.array(z.string()).optional(),
  loginIds: z.array(z.string()).optional(),
});
export type GroupsForMemberBody = z.output<typeof GroupsForMemberBody>;
export const GroupMembersBody = z.object({
  tenantId: z.string().optional(),
  ssoId: z.string().optional(),
  groupId: z.string().optional(),
});
export type GroupMembersBody = z.output<typeof GroupMembersBody>;

const GroupSchema = z.object({
  id: z.string(),
  display: z.string(),
  members: z.array(z.object({ loginId: z.string(), userId: z.string(), display: z.string() })),
  source: z.string().optional().describe('scim or jit'),
});
export const GroupsResponse = z.array(GroupSchema);
export type GroupsResponse = z.input<typeof GroupsResponse>;
