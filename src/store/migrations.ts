/**
 * The schema, one entry a version (`PRAGMA user_version` = how many have run). Never edit an entry that
 * has shipped: append a new one.
 *
 * Every table is keyed by project. Records whose shape is Descope's own (a user, a tenant) are kept as a
 * JSON document in `doc`, the source of truth; the other columns and the side tables are written from the
 * document by the store, so that look-ups and search filters run on indexes.
 */
export const MIGRATIONS: readonly string[] = [
  `
  CREATE TABLE projects (
    project_id   TEXT PRIMARY KEY,
    name         TEXT NOT NULL DEFAULT '',
    created_time INTEGER NOT NULL
  );

  CREATE TABLE management_keys (
    project_id TEXT NOT NULL REFERENCES projects(project_id) ON DELETE CASCADE,
    key        TEXT NOT NULL,
    PRIMARY KEY (project_id, key)
  ) WITHOUT ROWID;

  CREATE TABLE permissions (
    project_id     TEXT NOT NULL REFERENCES projects(project_id) ON DELETE CASCADE,
    permission_id  TEXT NOT NULL,
    name           TEXT NOT NULL,
    description    TEXT NOT NULL DEFAULT '',
    system_default INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (project_id, permission_id)
  );
  CREATE UNIQUE INDEX permissions_name ON permissions (project_id, name);

  -- tenant_id is '' for a project-level role: a tenant-scoped role may reuse a project role's name.
  CREATE TABLE roles (
    project_id       TEXT NOT NULL REFERENCES projects(project_id) ON DELETE CASCADE,
    role_id          TEXT NOT NULL,
    tenant_id        TEXT NOT NULL DEFAULT '',
    name             TEXT NOT NULL,
    description      TEXT NOT NULL DEFAULT '',
    permission_names TEXT NOT NULL DEFAULT '[]',
    is_default       INTEGER NOT NULL DEFAULT 0,
    is_private       INTEGER NOT NULL DEFAULT 0,
    created_time     INTEGER NOT NULL,
    PRIMARY KEY (project_id, role_id)
  );
  CREATE UNIQUE INDEX roles_scope_name ON roles (project_id, tenant_id, name);

  CREATE TABLE tenants (
    project_id   TEXT NOT NULL REFERENCES projects(project_id) ON DELETE CASCADE,
    tenant_id    TEXT NOT NULL,
    name         TEXT NOT NULL,
    parent       TEXT NOT NULL DEFAULT '',
    created_time INTEGER NOT NULL,
    doc          TEXT NOT NULL,
    PRIMARY KEY (project_id, tenant_id)
  );
  CREATE UNIQUE INDEX tenants_name ON tenants (project_id, name);

  CREATE TABLE custom_attributes (
    project_id TEXT NOT NULL REFERENCES projects(project_id) ON DELETE CASCADE,
    name       TEXT NOT NULL,
    doc        TEXT NOT NULL,
    PRIMARY KEY (project_id, name)
  );

  CREATE TABLE sso_apps (
    project_id TEXT NOT NULL REFERENCES projects(project_id) ON DELETE CASCADE,
    app_id     TEXT NOT NULL,
    name       TEXT NOT NULL,
    PRIMARY KEY (project_id, app_id)
  ) WITHOUT ROWID;

  CREATE TABLE users (
    project_id    TEXT NOT NULL REFERENCES projects(project_id) ON DELETE CASCADE,
    user_id       TEXT NOT NULL,
    status        TEXT NOT NULL,
    test          INTEGER NOT NULL,
    email         TEXT NOT NULL,
    phone         TEXT NOT NULL,
    name          TEXT NOT NULL,
    created_time  INTEGER NOT NULL,
    modified_time INTEGER NOT NULL,
    doc           TEXT NOT NULL,
    PRIMARY KEY (project_id, user_id)
  );
  CREATE INDEX users_status ON users (project_id, status);
  CREATE INDEX users_email ON users (project_id, email COLLATE NOCASE);
  CREATE INDEX users_phone ON users (project_id, phone);
  CREATE INDEX users_created ON users (project_id, created_time);
  CREATE INDEX users_modified ON users (project_id, modified_time);

  -- Vendor behaviour (inferred): login IDs compare case-insensitively (an email typed in another case is the same login).
  CREATE TABLE user_login_ids (
    project_id TEXT NOT NULL,
    login_id   TEXT NOT NULL COLLATE NOCASE,
    user_id    TEXT NOT NULL,
    PRIMARY KEY (project_id, login_id),
    FOREIGN KEY (project_id, user_id) REFERENCES users(project_id, user_id) ON DELETE CASCADE
  ) WITHOUT ROWID;
  CREATE INDEX user_login_ids_user ON user_login_ids (project_id, user_id);

  -- One row a role held: tenant_id '' for a project-level role.
  CREATE TABLE user_roles (
    project_id TEXT NOT NULL,
    user_id    TEXT NOT NULL,
    tenant_id  TEXT NOT NULL,
    role_name  TEXT NOT NULL,
    PRIMARY KEY (project_id, user_id, tenant_id, role_name),
    FOREIGN KEY (project_id, user_id) REFERENCES users(project_id, user_id) ON DELETE CASCADE
  ) WITHOUT ROWID;
  CREATE INDEX user_roles_role ON user_roles (project_id, tenant_id, role_name);

  CREATE TABLE user_tenants (
    project_id TEXT NOT NULL,
    tenant_id  TEXT NOT NULL,
    user_id    TEXT NOT NULL,
    PRIMARY KEY (project_id, tenant_id, user_id),
    FOREIGN KEY (project_id, user_id) REFERENCES users(project_id, user_id) ON DELETE CASCADE
  ) WITHOUT ROWID;
  CREATE INDEX user_tenants_user ON user_tenants (project_id, user_id);
  `,
  `
  -- What Descope would have sent: invitations, OTP codes, magic, enchanted and embedded links. Codes and
  -- tokens are kept with their expiry so they can be verified later and shown by the control plane.
  CREATE TABLE outbox (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    project_id      TEXT NOT NULL REFERENCES projects(project_id) ON DELETE CASCADE,
    created_ms      INTEGER NOT NULL,
    kind            TEXT NOT NULL,
    login_id        TEXT NOT NULL,
    user_id         TEXT NOT NULL DEFAULT '',
    delivery_method TEXT NOT NULL DEFAULT '',
    token           TEXT NOT NULL DEFAULT '',
    expires_ms      INTEGER NOT NULL DEFAULT 0,
    consumed        INTEGER NOT NULL DEFAULT 0,
    payload         TEXT NOT NULL DEFAULT '{}'
  );
  CREATE INDEX outbox_project ON outbox (project_id, id);
  CREATE INDEX outbox_token ON outbox (project_id, token);
  `,
];
