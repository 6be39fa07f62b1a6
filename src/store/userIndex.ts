import type { CustomAttributeValue, UserRecord } from '../domain/user.js';
import { ColumnUpdates } from './columnUpdates.js';
import type { Db } from './db.js';
import { sameAttributes, sameMemberships, sameStrings } from './sameValues.js';

/**
 * How a user is indexed for search (descope-api.md 4.6): the `user_search` row and `user_facets` rows that the
 * filters of src/store/userSearch.ts read, all derived from the user document (schema in migrations.ts).
 * UserStore calls `insert` after inserting a user and `rewrite` after updating one; deletes cascade.
 */
export class UserSearchIndex {
  private readonly deleteFacets;
  private readonly insertFacet;
  private readonly insertRow;
  private readonly updateColumns;

  constructor(db: Db) {
    const columns = Object.values(SEARCH_COLUMNS).join(', ');
    const values = Object.keys(SEARCH_COLUMNS)
      .map((key) => `:${key}`)
      .join(', ');
    // The key is the users row's rowid, so a page of results reads its documents by rowid.
    this.insertRow = db.prepare(
      `INSERT INTO user_search (user_key, project_id, user_id, ${columns})
       VALUES (:userKey, :projectId, :userId, ${values})`,
    );
    this.updateColumns = new ColumnUpdates(db, 'user_search', SEARCH_COLUMNS, 'user_key = :userKey');
    this.deleteFacets = db.prepare('DELETE FROM user_facets WHERE user_key = :userKey');
    this.insertFacet = db.prepare(
      `INSERT OR IGNORE INTO user_facets (project_id, kind, k1, k2, test, user_key)
       VALUES (:projectId, :kind, :k1, :k2, :test, :userKey)`,
    );
  }

  /** Indexes a user just inserted, whose users row has the rowid `userKey`. */
  insert(projectId: string, userKey: number, user: UserRecord): void {
    this.insertRow.run({ userKey, projectId, userId: user.userId, ...searchColumnsOf(user) });
    this.insertFacets(projectId, userKey, user);
  }

  /**
   * Brings an indexed user's rows from `before` to `user`: the columns that changed and, when a facet or the
   * test flag changed, the facets. A rename writes one narrow row and no facet, and computes none: the
   * facets' inputs are compared first (src/store/sameValues.ts), and a list the change kept is the same
   * array, equal at once.
   */
  rewrite(projectId: string, userKey: number, before: UserRecord, user: UserRecord): void {
    // Every users row has its user_search row: written with it by `insert`, or for users stored before user
    // search existed, by the migration that created the table.
    const columns = searchColumnsOf(user);
    this.updateColumns.run(this.updateColumns.changed(searchColumnsOf(before), columns), {
      userKey,
      ...columns,
    });
    if (before.test === user.test && sameFacetInputs(before, user)) return;
    const facets = facetsOf(user);
    if (before.test === user.test && sameFacets(facetsOf(before), facets)) return;
    this.deleteFacets.run({ userKey });
    this.insertFacets(projectId, userKey, user, facets);
  }

  private insertFacets(projectId: string, userKey: number, user: UserRecord, facets = facetsOf(user)): void {
    const test = flag(user.test);
    for (const [kind, k1, k2] of facets) this.insertFacet.run({ projectId, kind, k1, k2, test, userKey });
  }
}

/** The `user_search` columns besides its key, by parameter name (see searchColumnsOf). */
export const SEARCH_COLUMNS = {
  test: 'test',
  status: 'status',
  createdTime: 'created_time',
  modifiedTime: 'modified_time',
  email: 'email',
  phone: 'phone',
  name: 'name',
  loginId: 'login_id',
  firstTenant: 'first_tenant',
  verifiedEmail: 'verified_email',
  verifiedPhone: 'verified_phone',
  recoveryEmail: 'recovery_email',
  recoveryPhone: 'recovery_phone',
  verifiedRecoveryEmail: 'verified_recovery_email',
  verifiedRecoveryPhone: 'verified_recovery_phone',
  sso: 'sso',
  scim: 'scim',
  password: 'password',
  totp: 'totp',
  webauthn: 'webauthn',
  searchText: 'search_text',
} as const satisfies Record<keyof ReturnType<typeof searchColumnsOf>, string>;

/** The `user_search` columns of a user, as named parameters. */
export function searchColumnsOf(user: UserRecord) {
  return {
    test: flag(user.test),
    status: user.status,
    createdTime: user.createdTime,
    modifiedTime: user.modifiedTime,
    email: user.email,
    phone: user.phone,
    name: user.name,
    loginId: user.loginIds[0] ?? '',
    firstTenant: user.userTenants[0]?.tenantId ?? '',
    verifiedEmail: flag(user.verifiedEmail),
    verifiedPhone: flag(user.verifiedPhone),
    recoveryEmail: user.recoveryEmail,
    recoveryPhone: user.recoveryPhone,
    verifiedRecoveryEmail: flag(user.verifiedRecoveryEmail),
    verifiedRecoveryPhone: flag(user.verifiedRecoveryPhone),
    sso: flag(user.SAML || user.OIDC),
    scim: flag(user.SCIM),
    password: flag(user.password),
    totp: flag(user.TOTP),
    webauthn: flag(user.webauthn),
    searchText: searchTextOf(user),
  };
}

/** The same inputs of `facetsOf`: then the same facets, without computing them. */
const sameFacetInputs = (a: UserRecord, b: UserRecord): boolean =>
  sameStrings(a.roleNames, b.roleNames) &&
  sameMemberships(a.userTenants, b.userTenants) &&
  sameStrings(a.ssoAppIds, b.ssoAppIds) &&
  sameAttributes(a.customAttributes, b.customAttributes);

/** The same facet rows in the same order (inputs that differ may still give them: an attribute's key order). */
const sameFacets = (a: readonly Facet[], b: readonly Facet[]): boolean =>
  a.length === b.length &&
  a.every(([kind, k1, k2], i) => {
    const other = b[i] as Facet;
    return kind === other[0] && k1 === other[1] && k2 === other[2];
  });

type Facet = [FacetKind, string, string];

/** The set-valued attributes of a user, as `user_facets` rows `[kind, k1, k2]`. */
export function facetsOf(user: UserRecord): [FacetKind, string, string][] {
  const facets: [FacetKind, string, string][] = [];
  for (const role of user.roleNames) facets.push(['r', role, '']);
  for (const { tenantId, roleNames } of user.userTenants) {
    facets.push(['t', tenantId, '']);
    for (const role of roleNames) facets.push(['r', role, ''], ['tr', tenantId, role]);
    // The roles in force in this tenant, its own and the project's: tenantIds with roleNames reads one range.
    for (const role of new Set([...roleNames, ...user.roleNames])) facets.push(['er', tenantId, role]);
  }
  for (const appId of user.ssoAppIds) facets.push(['s', appId, '']);
  for (const [name, value] of Object.entries(user.customAttributes)) {
    for (const item of Array.isArray(value) ? value : [value])
      facets.push(['a', name, encodeAttributeValue(item)]);
  }
  return facets;
}

/**
 * 't' tenant, 'r' role in any scope, 'tr' role in a tenant, 'er' role in force in a tenant (held there or at
 * project level, by a member), 'a' custom attribute value, 's' SSO app.
 */
export type FacetKind = 't' | 'r' | 'tr' | 'er' | 'a' | 's';

/**
 * What the `text` filter searches, lower-cased, one attribute a line (so a match never spans two).
 * Vendor behaviour (inferred): text covers the user ID, login IDs, email, phone, names and custom attribute values.
 */
function searchTextOf(user: UserRecord): string {
  const parts = [
    user.userId,
    ...user.loginIds,
    user.email,
    user.phone,
    user.name,
    user.givenName,
    user.middleName,
    user.familyName,
  ];
  for (const value of Object.values(user.customAttributes)) {
    for (const item of Array.isArray(value) ? value : [value]) {
      if (typeof item !== 'boolean') parts.push(String(item));
    }
  }
  return parts
    .filter((part) => part !== '')
    .join('\n')
    .toLowerCase();
}

/** A custom attribute scalar as the side table keeps it: its JSON text (`"pro"`, `5`, `true`). */
export const encodeAttributeValue = (value: Exclude<CustomAttributeValue, unknown[]>): string =>
  JSON.stringify(value);

const flag = (value: boolean): number => (value ? 1 : 0);
