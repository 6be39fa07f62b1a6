/**
 * IdP groups (descope-mgmt-more.md §10): what SCIM or an SSO assertion made in a tenant. The mock has no
 * SCIM or SSO that runs offline, so fixtures seed them.
 */

export interface GroupMember {
  loginId: string;
  userId: string;
  display: string;
}

/** Descope's Group: `source` is "scim" or "jit" (SSO assertion groups); empty when unknown. */
export interface GroupRecord {
  id: string;
  display: string;
  members: GroupMember[];
  source: string;
}

/** The wire form: `source` only when known (the Node SDK's type marks it optional). */
export const toWireGroup = ({ source, ...group }: GroupRecord) => ({
  ...group,
  ...(source ? { source } : {}),
});

/**
 * group/member/all: the groups holding any of the users named, by user ID or login ID (a login ID is
 * matched without regard to case, as login IDs are). Vendor behaviour (inferred): "any", not "all", of the
 * users named (descope-mgmt-more.md §10).
 */
export function groupsForMembers(
  groups: readonly GroupRecord[],
  userIds: readonly string[],
  loginIds: readonly string[],
): GroupRecord[] {
  const users = new Set(userIds);
  const logins = new Set(loginIds.map((loginId) => loginId.toLowerCase()));
  return groups.filter((group) =>
    group.members.some((member) => users.has(member.userId) || logins.has(member.loginId.toLowerCase())),
  );
}
