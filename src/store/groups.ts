import type { GroupRecord } from '../domain/group.js';
import type { Db } from './db.js';

type Tenant = { projectId: string; tenantId: string };

interface GroupRow {
  id: string;
  display: string;
  source: string;
}

interface MemberRow {
  groupId: string;
  userId: string;
  loginId: string | null;
  display: string;
}

/**
 * A tenant's IdP groups (descope-mgmt-more.md §10), written by fixtures (SCIM and SSO do not run offline).
 * A member is a user of the project; its login ID is read from the user, so a changed login ID shows.
 */
export class GroupStore {
  private readonly insertGroup;
  private readonly insertMember;
  private readonly groupsOf;
  private readonly membersOf;
  private readonly tenantsOf;

  constructor(db: Db) {
    this.insertGroup = db.prepare(
      `INSERT INTO idp_groups (project_id, tenant_id, group_id, display, source)
       VALUES (:projectId, :tenantId, :id, :display, :source)`,
    );
    this.insertMember = db.prepare(
      `INSERT OR IGNORE INTO idp_group_members (project_id, tenant_id, group_id, user_id, display, position)
       VALUES (:projectId, :tenantId, :groupId, :userId, :display, :position)`,
    );
    this.groupsOf = db.prepare<Tenant, GroupRow>(
      `SELECT group_id AS id, display, source FROM idp_groups
       WHERE project_id = :projectId AND tenant_id = :tenantId ORDER BY rowid`,
    );
    // A member's login ID is the user's first (the one a group names it by).
    this.membersOf = db.prepare<Tenant, MemberRow>(
      `SELECT m.group_id AS groupId, m.user_id AS userId, m.display,
         json_extract(u.doc, '$.loginIds[0]') AS loginId
       FROM idp_group_members m JOIN users u ON u.project_id = m.project_id AND u.user_id = m.user_id
       WHERE m.project_id = :projectId AND m.tenant_id = :tenantId
       ORDER BY m.group_id, m.position`,
    );
    this.tenantsOf = db
      .prepare<{ projectId: string }, string>(
        'SELECT DISTINCT tenant_id FROM idp_groups WHERE project_id = :projectId ORDER BY tenant_id',
      )
      .pluck();
  }

  insert(projectId: string, tenantId: string, group: GroupRecord): void {
    this.insertGroup.run({ projectId, tenantId, id: group.id, display: group.display, source: group.source });
    group.members.forEach((member, position) => {
      this.insertMember.run({
        projectId,
        tenantId,
        groupId: group.id,
        userId: member.userId,
        display: member.display,
        position,
      });
    });
  }

  /** The tenant's groups in the order they were written, each with its members. */
  list(projectId: string, tenantId: string): GroupRecord[] {
    const groups = new Map<string, GroupRecord>();
    for (const row of this.groupsOf.all({ projectId, tenantId })) {
      groups.set(row.id, { ...row, members: [] });
    }
    for (const member of this.membersOf.all({ projectId, tenantId })) {
      groups.get(member.groupId)?.members.push({
        loginId: member.loginId ?? '',
        userId: member.userId,
        display: member.display,
      });
    }
    return [...groups.values()];
  }

  /** The tenants that have groups, for an export. */
  tenantsWithGroups(projectId: string): string[] {
    return this.tenantsOf.all({ projectId });
  }
}
