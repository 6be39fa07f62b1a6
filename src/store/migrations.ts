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
  `
  -- Access keys: Descope's AccessKey object in doc; the secret only as a SHA-256 hash (the cleartext is
  -- answered once, by create and rotate). bound_user_id is NULL for an unbound key; a bound key goes with its
  -- user (the foreign key cascades), so no key ever points at a deleted user.
  CREATE TABLE access_keys (
    project_id    TEXT NOT NULL REFERENCES projects(project_id) ON DELETE CASCADE,
    key_id        TEXT NOT NULL,
    name          TEXT NOT NULL,
    status        TEXT NOT NULL,
    bound_user_id TEXT,
    secret_hash   TEXT NOT NULL,
    created_time  INTEGER NOT NULL,
    doc           TEXT NOT NULL,
    PRIMARY KEY (project_id, key_id),
    FOREIGN KEY (project_id, bound_user_id) REFERENCES users(project_id, user_id) ON DELETE CASCADE
  );
  CREATE INDEX access_keys_bound_user ON access_keys (project_id, bound_user_id);
  CREATE UNIQUE INDEX access_keys_secret ON access_keys (secret_hash);
  `,
  `
  -- The fixture each project was seeded from: the control plane's reset goes back to it. Kept in the
  -- database, so a reset after a restart on a file database still knows every project's seed.
  CREATE TABLE project_seeds (
    project_id TEXT PRIMARY KEY REFERENCES projects(project_id) ON DELETE CASCADE,
    fixture    TEXT NOT NULL
  );
  `,
  `
  -- User search (POST /v2/mgmt/user/search, descope-api.md 4.6). A narrow copy of what the filters read,
  -- keyed by the users row's rowid (user_key), so that a count over 100,000 users reads small rows and joins
  -- on integers. Written by UserStore on every write of a user; a deleted user's rows go by cascade.
  CREATE TABLE user_search (
    user_key                INTEGER PRIMARY KEY,
    project_id              TEXT NOT NULL REFERENCES projects(project_id) ON DELETE CASCADE,
    user_id                 TEXT NOT NULL,
    test                    INTEGER NOT NULL,
    status                  TEXT NOT NULL,
    created_time            INTEGER NOT NULL,
    modified_time           INTEGER NOT NULL,
    email                   TEXT NOT NULL COLLATE NOCASE,
    phone                   TEXT NOT NULL,
    name                    TEXT NOT NULL COLLATE NOCASE,
    login_id                TEXT NOT NULL COLLATE NOCASE,
    first_tenant            TEXT NOT NULL,
    verified_email          INTEGER NOT NULL,
    verified_phone          INTEGER NOT NULL,
    recovery_email          TEXT NOT NULL COLLATE NOCASE,
    recovery_phone          TEXT NOT NULL,
    verified_recovery_email INTEGER NOT NULL,
    verified_recovery_phone INTEGER NOT NULL,
    sso                     INTEGER NOT NULL,
    scim                    INTEGER NOT NULL,
    password                INTEGER NOT NULL,
    totp                    INTEGER NOT NULL,
    webauthn                INTEGER NOT NULL,
    -- Lower-cased, one attribute a line: what the "text" filter searches.
    search_text             TEXT NOT NULL,
    UNIQUE (project_id, user_id),
    FOREIGN KEY (project_id, user_id) REFERENCES users(project_id, user_id) ON DELETE CASCADE
  );
  -- Each index ends in the (implicit) user_key, the default order of results: a page in that order stops
  -- early, and a count reads the index alone.
  CREATE INDEX user_search_project ON user_search (project_id, test);
  CREATE INDEX user_search_status ON user_search (project_id, status, test);
  CREATE INDEX user_search_created ON user_search (project_id, created_time, test);
  CREATE INDEX user_search_email ON user_search (project_id, email);
  CREATE INDEX user_search_phone ON user_search (project_id, phone);

  -- Set-valued filters, one row a value: 't' tenant, 'r' role in any scope, 'tr' tenant role (tenant, role),
  -- 'a' custom attribute (name, value as JSON text), 's' SSO app. Login IDs are found in user_login_ids.
  -- The user's test flag is part of the key, so a count of facet matches never reads user_search rows.
  CREATE TABLE user_facets (
    project_id TEXT NOT NULL REFERENCES projects(project_id) ON DELETE CASCADE,
    kind       TEXT NOT NULL,
    k1         TEXT NOT NULL,
    k2         TEXT NOT NULL DEFAULT '',
    test       INTEGER NOT NULL,
    user_key   INTEGER NOT NULL REFERENCES user_search(user_key) ON DELETE CASCADE,
    PRIMARY KEY (project_id, kind, k1, k2, test, user_key)
  ) WITHOUT ROWID;
  CREATE INDEX user_facets_user ON user_facets (user_key);

  -- Roles held in any scope, for role renames and deletes (UserStore.withRoleName).
  CREATE INDEX user_roles_name ON user_roles (project_id, role_name);

  -- Users written before this migration (a file database): the same rows, computed from the documents.
  -- SQLite's lower() folds ASCII letters only, and custom attribute values join the text from the user's
  -- next write on, when the store rewrites both.
  INSERT INTO user_search
    SELECT u.rowid, u.project_id, u.user_id, u.test, u.status, u.created_time, u.modified_time, u.email, u.phone,
      u.name, coalesce(u.doc ->> '$.loginIds[0]', ''), coalesce(u.doc ->> '$.userTenants[0].tenantId', ''),
      coalesce(u.doc ->> '$.verifiedEmail', 0), coalesce(u.doc ->> '$.verifiedPhone', 0),
      coalesce(u.doc ->> '$.recoveryEmail', ''), coalesce(u.doc ->> '$.recoveryPhone', ''),
      coalesce(u.doc ->> '$.verifiedRecoveryEmail', 0), coalesce(u.doc ->> '$.verifiedRecoveryPhone', 0),
      coalesce(u.doc ->> '$.SAML', 0) OR coalesce(u.doc ->> '$.OIDC', 0), coalesce(u.doc ->> '$.SCIM', 0),
      coalesce(u.doc ->> '$.password', 0), coalesce(u.doc ->> '$.TOTP', 0), coalesce(u.doc ->> '$.webauthn', 0),
      lower(concat_ws(char(10), u.user_id,
        (SELECT group_concat(value, char(10)) FROM json_each(u.doc, '$.loginIds')),
        nullif(u.email, ''), nullif(u.phone, ''), nullif(u.name, ''), nullif(u.doc ->> '$.givenName', ''),
        nullif(u.doc ->> '$.middleName', ''), nullif(u.doc ->> '$.familyName', '')))
    FROM users u;
  INSERT OR IGNORE INTO user_facets (project_id, kind, k1, k2, test, user_key)
    SELECT u.project_id, 't', t.value ->> '$.tenantId', '', u.test, u.rowid
      FROM users u, json_each(u.doc, '$.userTenants') t
    UNION ALL SELECT u.project_id, 'r', r.value, '', u.test, u.rowid FROM users u, json_each(u.doc, '$.roleNames') r
    UNION ALL SELECT u.project_id, 'r', r.value, '', u.test, u.rowid
      FROM users u, json_each(u.doc, '$.userTenants') t, json_each(t.value, '$.roleNames') r
    UNION ALL SELECT u.project_id, 'tr', t.value ->> '$.tenantId', r.value, u.test, u.rowid
      FROM users u, json_each(u.doc, '$.userTenants') t, json_each(t.value, '$.roleNames') r
    UNION ALL SELECT u.project_id, 's', s.value, '', u.test, u.rowid FROM users u, json_each(u.doc, '$.ssoAppIds') s
    UNION ALL SELECT u.project_id, 'a', a.key,
        CASE WHEN a.type IN ('true', 'false') THEN a.type ELSE json_quote(a.value) END, u.test, u.rowid
      FROM users u, json_each(u.doc, '$.customAttributes') a WHERE a.type <> 'array'
    UNION ALL SELECT u.project_id, 'a', a.key, json_quote(e.value), u.test, u.rowid
      FROM users u, json_each(u.doc, '$.customAttributes') a, json_each(a.value) e WHERE a.type = 'array';
  `,
  `
  -- A user's credentials and sessions (descope-api.md 4.11, 4.12). Each row goes with its user (cascade), and
  -- the user document's flags (password, webauthn) are kept in step by the routes that change these rows.
  -- A password is kept only as a salted scrypt hash, with its state: active, temporary or expired.
  CREATE TABLE user_passwords (
    project_id TEXT NOT NULL REFERENCES projects(project_id) ON DELETE CASCADE,
    user_id    TEXT NOT NULL,
    hash       TEXT NOT NULL,
    state      TEXT NOT NULL,
    set_ms     INTEGER NOT NULL,
    PRIMARY KEY (project_id, user_id),
    FOREIGN KEY (project_id, user_id) REFERENCES users(project_id, user_id) ON DELETE CASCADE
  ) WITHOUT ROWID;

  CREATE TABLE user_passkeys (
    project_id    TEXT NOT NULL REFERENCES projects(project_id) ON DELETE CASCADE,
    user_id       TEXT NOT NULL,
    credential_id TEXT NOT NULL,
    rp_id         TEXT NOT NULL DEFAULT '',
    kind          TEXT NOT NULL DEFAULT '',
    display_name  TEXT NOT NULL DEFAULT '',
    created_time  INTEGER NOT NULL,
    PRIMARY KEY (project_id, user_id, credential_id),
    FOREIGN KEY (project_id, user_id) REFERENCES users(project_id, user_id) ON DELETE CASCADE
  ) WITHOUT ROWID;

  -- Times in epoch seconds (the wire sends them as strings: int64).
  CREATE TABLE user_trusted_devices (
    project_id      TEXT NOT NULL REFERENCES projects(project_id) ON DELETE CASCADE,
    user_id         TEXT NOT NULL,
    device_id       TEXT NOT NULL,
    name            TEXT NOT NULL DEFAULT '',
    device_type     TEXT NOT NULL DEFAULT '',
    last_login_time INTEGER NOT NULL DEFAULT 0,
    expiration_time INTEGER NOT NULL DEFAULT 0,
    last_location   TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (project_id, user_id, device_id),
    FOREIGN KEY (project_id, user_id) REFERENCES users(project_id, user_id) ON DELETE CASCADE
  ) WITHOUT ROWID;

  -- Tokens of the user's social provider ("manage tokens from provider"); expiration in epoch seconds.
  CREATE TABLE user_provider_tokens (
    project_id       TEXT NOT NULL REFERENCES projects(project_id) ON DELETE CASCADE,
    user_id          TEXT NOT NULL,
    provider         TEXT NOT NULL,
    provider_user_id TEXT NOT NULL DEFAULT '',
    access_token     TEXT NOT NULL DEFAULT '',
    refresh_token    TEXT NOT NULL DEFAULT '',
    expiration       INTEGER NOT NULL DEFAULT 0,
    scopes           TEXT NOT NULL DEFAULT '[]',
    PRIMARY KEY (project_id, user_id, provider),
    FOREIGN KEY (project_id, user_id) REFERENCES users(project_id, user_id) ON DELETE CASCADE
  ) WITHOUT ROWID;

  -- When the user's sessions were last revoked (logout): a session issued before it is no longer valid.
  CREATE TABLE user_session_revocations (
    project_id TEXT NOT NULL REFERENCES projects(project_id) ON DELETE CASCADE,
    user_id    TEXT NOT NULL,
    revoked_ms INTEGER NOT NULL,
    PRIMARY KEY (project_id, user_id),
    FOREIGN KEY (project_id, user_id) REFERENCES users(project_id, user_id) ON DELETE CASCADE
  ) WITHOUT ROWID;

  -- One row a sign-in; login_time in epoch seconds.
  CREATE TABLE user_login_history (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    project_id      TEXT NOT NULL REFERENCES projects(project_id) ON DELETE CASCADE,
    user_id         TEXT NOT NULL,
    login_time      INTEGER NOT NULL,
    city            TEXT NOT NULL DEFAULT '',
    country         TEXT NOT NULL DEFAULT '',
    ip              TEXT NOT NULL DEFAULT '',
    selected_tenant TEXT NOT NULL DEFAULT '',
    FOREIGN KEY (project_id, user_id) REFERENCES users(project_id, user_id) ON DELETE CASCADE
  );
  CREATE INDEX user_login_history_user ON user_login_history (project_id, user_id, login_time);
  `,
  `
  -- Access key secrets are unique per project, not across projects: the same fixture with a known secret
  -- (accessKeys[].secret) seeds one isolated project per test worker, and every lookup is by project.
  DROP INDEX access_keys_secret;
  CREATE UNIQUE INDEX access_keys_secret ON access_keys (project_id, secret_hash);
  `,
  `
  -- Indexes no query reads (search filters read user_search; role lookups read user_roles_name), dropped
  -- because every user insert and update paid for them.
  DROP INDEX IF EXISTS users_status;
  DROP INDEX IF EXISTS users_email;
  DROP INDEX IF EXISTS users_phone;
  DROP INDEX IF EXISTS users_modified;
  DROP INDEX IF EXISTS user_roles_role;
  `,
  `
  -- User search at 100,000 users. The text filter reads this index alone, in user-key order (the
  -- default order of results, so a page stops at its last match), instead of the whole user_search rows.
  CREATE INDEX user_search_text ON user_search (project_id, test, user_key, search_text);
  -- 'er' facets: a role in force in a tenant (held there or at project level, by a member), so tenantIds with
  -- roleNames reads one index range instead of intersecting members with role holders. Existing users get theirs.
  INSERT OR IGNORE INTO user_facets (project_id, kind, k1, k2, test, user_key)
    SELECT project_id, 'er', k1, k2, test, user_key FROM user_facets WHERE kind = 'tr'
    UNION ALL SELECT f.project_id, 'er', f.k1, r.value, f.test, f.user_key
      FROM user_facets f JOIN users u ON u.rowid = f.user_key, json_each(u.doc, '$.roleNames') r
      WHERE f.kind = 't';
  `,
  `
  -- A tenant's children: successors, cascade deletes and sub-tenant search walk the tree one level
  -- at a time, each level a look-up by parent, which without this index read every tenant of the project.
  -- It ends in created_time (then the implicit rowid), the order successors are answered in.
  CREATE INDEX tenants_parent ON tenants (project_id, parent, created_time);
  `,
  `
  -- An imported passkey's device (passkeys/import's WebauthnImportDevice, public key included) as JSON;
  -- NULL for one that was not imported.
  ALTER TABLE user_passkeys ADD COLUMN device TEXT;
  `,
  `
  -- Each project's key for signing session and refresh tokens (RS256), as a private JWK, and the kid its
  -- tokens name. Made on the project's first use (a token or a keys request), or pinned by the fixture, and
  -- kept across restarts of a file database so that tokens minted before still validate.
  CREATE TABLE signing_keys (
    project_id TEXT PRIMARY KEY REFERENCES projects(project_id) ON DELETE CASCADE,
    kid        TEXT NOT NULL,
    jwk        TEXT NOT NULL,
    created_ms INTEGER NOT NULL
  );
  -- The project's session and refresh token lifetimes in seconds; NULL for Descope's defaults.
  ALTER TABLE projects ADD COLUMN session_token_ttl INTEGER;
  ALTER TABLE projects ADD COLUMN refresh_token_ttl INTEGER;
  `,
  `
  -- Refresh tokens revoked one by one (auth logout), by their jti, until they expire (expires_s, epoch
  -- seconds): a logout of every session is user_session_revocations, a moment, not a list.
  CREATE TABLE revoked_refresh_tokens (
    project_id TEXT NOT NULL REFERENCES projects(project_id) ON DELETE CASCADE,
    jti        TEXT NOT NULL,
    expires_s  INTEGER NOT NULL,
    PRIMARY KEY (project_id, jti)
  ) WITHOUT ROWID;
  -- Where the project's sign-ins put the tokens (descope-auth-api.md §4.2): 1 sets the DSR (DS) cookie
  -- instead of the JWTResponse field; 0, Descope's default, keeps it in the body.
  ALTER TABLE projects ADD COLUMN refresh_token_in_cookie INTEGER NOT NULL DEFAULT 0;
  ALTER TABLE projects ADD COLUMN session_token_in_cookie INTEGER NOT NULL DEFAULT 0;
  `,
  `
  -- Sign-ins waiting at the mock's IdP page (/_mock/idp/<id>): an OAuth, SSO or OIDC authorization, its
  -- request in doc (JSON: redirect URL, state, PKCE challenge, nonce, scope, client, login options), then the
  -- user picked (login_id, a new email for a sign-up) and the one-time code the redirect carries. expires_ms
  -- is the page's until a user is picked, the code's after; consumed once the code is exchanged.
  CREATE TABLE pending_authorizations (
    id         TEXT PRIMARY KEY,
    project_id TEXT NOT NULL REFERENCES projects(project_id) ON DELETE CASCADE,
    kind       TEXT NOT NULL,
    doc        TEXT NOT NULL,
    login_id   TEXT,
    code       TEXT UNIQUE,
    expires_ms INTEGER NOT NULL,
    consumed   INTEGER NOT NULL DEFAULT 0
  );
  CREATE INDEX pending_authorizations_project ON pending_authorizations (project_id);
  `,
  `
  -- Password policies (management password/settings): the project's own (tenant_id '') and each tenant's,
  -- as JSON. No row: never configured. A tenant's goes with the tenant.
  CREATE TABLE password_settings (
    project_id TEXT NOT NULL REFERENCES projects(project_id) ON DELETE CASCADE,
    tenant_id  TEXT NOT NULL,
    doc        TEXT NOT NULL,
    PRIMARY KEY (project_id, tenant_id)
  ) WITHOUT ROWID;
  CREATE TRIGGER tenants_password_settings AFTER DELETE ON tenants BEGIN
    DELETE FROM password_settings WHERE project_id = OLD.project_id AND tenant_id = OLD.tenant_id;
  END;
  `,
  `
  -- A user's TOTP seed (base32), from create/batch or import's seed, a fixture, or totp/signup and
  -- totp/update. The user's TOTP flag becomes true once a code verifies (or at once for a management seed).
  CREATE TABLE user_totp_seeds (
    project_id TEXT NOT NULL,
    user_id    TEXT NOT NULL,
    seed       TEXT NOT NULL,
    PRIMARY KEY (project_id, user_id),
    FOREIGN KEY (project_id, user_id) REFERENCES users(project_id, user_id) ON DELETE CASCADE
  ) WITHOUT ROWID;
  `,
  `
  -- IP and text lists (management list/*), JWT templates (jwt/templates/*) and the scope → claims mappings
  -- (scopeClaimMapping/*), each a JSON document; a list's name is unique in its project. rowid is creation order.
  CREATE TABLE lists (
    project_id TEXT NOT NULL REFERENCES projects(project_id) ON DELETE CASCADE,
    list_id    TEXT NOT NULL,
    name       TEXT NOT NULL,
    doc        TEXT NOT NULL,
    PRIMARY KEY (project_id, list_id)
  );
  CREATE UNIQUE INDEX lists_name ON lists (project_id, name);
  CREATE TABLE jwt_templates (
    project_id  TEXT NOT NULL REFERENCES projects(project_id) ON DELETE CASCADE,
    template_id TEXT NOT NULL,
    doc         TEXT NOT NULL,
    PRIMARY KEY (project_id, template_id)
  );
  CREATE TABLE scope_claim_mappings (
    project_id TEXT PRIMARY KEY REFERENCES projects(project_id) ON DELETE CASCADE,
    doc        TEXT NOT NULL
  );
  `,
  `
  -- Outbound applications (management outbound/app/*): the app as JSON, its client secret only as a SHA-256
  -- hash ('' when none was given; the secret is write-only on the wire).
  CREATE TABLE outbound_apps (
    project_id   TEXT NOT NULL REFERENCES projects(project_id) ON DELETE CASCADE,
    app_id       TEXT NOT NULL,
    created_time INTEGER NOT NULL,
    secret_hash  TEXT NOT NULL DEFAULT '',
    doc          TEXT NOT NULL,
    PRIMARY KEY (project_id, app_id)
  );
  -- Their tokens, as uploaded (kept as given: a fetch answers them), one per app and owner: a user (user_id)
  -- or a tenant (user_id NULL, which the foreign key ignores), in a tenant or not (tenant_id, '' for none).
  -- They go with their app, their user and their tenant.
  CREATE TABLE outbound_tokens (
    project_id   TEXT NOT NULL,
    token_id     TEXT NOT NULL,
    app_id       TEXT NOT NULL,
    user_id      TEXT,
    tenant_id    TEXT NOT NULL,
    created_time INTEGER NOT NULL,
    doc          TEXT NOT NULL,
    PRIMARY KEY (project_id, token_id),
    FOREIGN KEY (project_id, app_id) REFERENCES outbound_apps(project_id, app_id) ON DELETE CASCADE,
    FOREIGN KEY (project_id, user_id) REFERENCES users(project_id, user_id) ON DELETE CASCADE
  );
  CREATE UNIQUE INDEX outbound_tokens_owner
    ON outbound_tokens (project_id, app_id, coalesce(user_id, ''), tenant_id);
  CREATE INDEX outbound_tokens_user ON outbound_tokens (project_id, user_id);
  CREATE INDEX outbound_tokens_tenant ON outbound_tokens (project_id, tenant_id);
  CREATE TRIGGER tenants_outbound_tokens AFTER DELETE ON tenants BEGIN
    DELETE FROM outbound_tokens WHERE project_id = OLD.project_id AND tenant_id = OLD.tenant_id;
  END;
  -- An app of a tenant outlives it, as an app of the project: a snapshot must never name a tenant that is gone.
  -- Vendor behaviour (inferred): Descope publishes nothing on it.
  CREATE TRIGGER tenants_outbound_apps AFTER DELETE ON tenants BEGIN
    UPDATE outbound_apps SET doc = json_set(doc, '$.tenantId', '')
    WHERE project_id = OLD.project_id AND json_extract(doc, '$.tenantId') = OLD.tenant_id;
  END;

  -- Inbound (third-party) applications (management thirdparty/app/*): the app as JSON and its secret in
  -- clear, since thirdparty/app/secret answers it.
  CREATE TABLE inbound_apps (
    project_id   TEXT NOT NULL REFERENCES projects(project_id) ON DELETE CASCADE,
    app_id       TEXT NOT NULL,
    client_id    TEXT NOT NULL,
    created_time INTEGER NOT NULL,
    secret       TEXT NOT NULL,
    doc          TEXT NOT NULL,
    PRIMARY KEY (project_id, app_id)
  );
  CREATE UNIQUE INDEX inbound_apps_client ON inbound_apps (project_id, client_id);
  -- The consents users (or tenants: user_id NULL) gave them, seeded (no OAuth flow runs here); they go with
  -- the app, the user and the tenant.
  CREATE TABLE inbound_consents (
    project_id   TEXT NOT NULL,
    consent_id   TEXT NOT NULL,
    app_id       TEXT NOT NULL,
    user_id      TEXT,
    tenant_id    TEXT NOT NULL,
    created_time INTEGER NOT NULL,
    doc          TEXT NOT NULL,
    PRIMARY KEY (project_id, consent_id),
    FOREIGN KEY (project_id, app_id) REFERENCES inbound_apps(project_id, app_id) ON DELETE CASCADE,
    FOREIGN KEY (project_id, user_id) REFERENCES users(project_id, user_id) ON DELETE CASCADE
  );
  CREATE INDEX inbound_consents_user ON inbound_consents (project_id, user_id);
  CREATE INDEX inbound_consents_tenant ON inbound_consents (project_id, tenant_id);
  CREATE TRIGGER tenants_inbound_consents AFTER DELETE ON tenants BEGIN
    DELETE FROM inbound_consents WHERE project_id = OLD.project_id AND tenant_id = OLD.tenant_id;
  END;
  `,
  `
  -- SSO (federated IdP) applications keep their whole record (descope-mgmt-more.md §3) as JSON: type,
  -- settings, client secret. Rows from before are the default OIDC app: they get its record, with a secret.
  ALTER TABLE sso_apps ADD COLUMN doc TEXT NOT NULL DEFAULT '{}';
  UPDATE sso_apps SET doc = json_object(
    'id', app_id, 'appType', 'oidc', 'name', name, 'description', '', 'enabled', json('true'), 'logo', '',
    'loginPageUrl', '', 'forceAuthentication', json('false'), 'claims', json('[]'), 'backChannelLogoutUrl', '',
    'customIdpInitiatedLoginPageUrl', '', 'secret', lower(hex(randomblob(24))));
  `,
  `
  -- A tenant's SSO configurations (descope-mgmt-more.md §2): the default one (sso_id '') once configured,
  -- and those sso/settings/new adds, as JSON; loaded oldest first (rowid). They go with their tenant.
  CREATE TABLE sso_settings (
    project_id TEXT NOT NULL REFERENCES projects(project_id) ON DELETE CASCADE,
    tenant_id  TEXT NOT NULL,
    sso_id     TEXT NOT NULL,
    doc        TEXT NOT NULL,
    PRIMARY KEY (project_id, tenant_id, sso_id)
  );
  -- The SSO configuration links of tenant/adminlinks/sso/generate, until they expire or are revoked.
  CREATE TABLE sso_links (
    token      TEXT PRIMARY KEY,
    project_id TEXT NOT NULL REFERENCES projects(project_id) ON DELETE CASCADE,
    tenant_id  TEXT NOT NULL,
    sso_id     TEXT NOT NULL,
    email      TEXT NOT NULL DEFAULT '',
    expires_ms INTEGER NOT NULL
  );
  CREATE INDEX sso_links_tenant ON sso_links (project_id, tenant_id, sso_id);
  CREATE TRIGGER tenants_sso_settings AFTER DELETE ON tenants BEGIN
    DELETE FROM sso_settings WHERE project_id = OLD.project_id AND tenant_id = OLD.tenant_id;
    DELETE FROM sso_links WHERE project_id = OLD.project_id AND tenant_id = OLD.tenant_id;
  END;
  `,
  `
  -- The audit trail (descope-mgmt-more.md §5), newest first by occurred (epoch ms) then seq (insertion
  -- order). The record is doc (JSON, Descope's shape); a project keeps its newest --audit-limit events.
  CREATE TABLE audit_events (
    seq        INTEGER PRIMARY KEY AUTOINCREMENT,
    project_id TEXT NOT NULL REFERENCES projects(project_id) ON DELETE CASCADE,
    occurred   INTEGER NOT NULL,
    doc        TEXT NOT NULL
  );
  CREATE INDEX audit_events_project_occurred ON audit_events (project_id, occurred, seq);
  -- Audit webhooks (connector/audit/web/set), by name: kept as sent, never called (the mock sends nothing out).
  CREATE TABLE audit_webhooks (
    project_id TEXT NOT NULL REFERENCES projects(project_id) ON DELETE CASCADE,
    name       TEXT NOT NULL,
    doc        TEXT NOT NULL,
    PRIMARY KEY (project_id, name)
  ) WITHOUT ROWID;
  `,
  `
  -- The relation store both authorization APIs share (descope-mgmt-more.md §1): the project's schema (an
  -- FgaSchema as JSON, with a version changed on every save), its tuples, resource display names and the
  -- change log authz/getmodified reads. All of it goes with the project.
  CREATE TABLE fga_schemas (
    project_id  TEXT PRIMARY KEY REFERENCES projects(project_id) ON DELETE CASCADE,
    doc         TEXT NOT NULL,
    version     TEXT NOT NULL,
    modified_ms INTEGER NOT NULL
  );
  -- A tuple, with its target type T#rel split in two: target_type T and target_relation rel ('' for a plain
  -- target). target_type '' is an authz relation without targetNamespace (any type). query is an ABAC query
  -- as JSON ('' for none; target is '' then). The key starts with the resource side and names the target
  -- before its type, so a check's "does this target hold it directly" is one seek.
  CREATE TABLE fga_relations (
    project_id      TEXT NOT NULL REFERENCES projects(project_id) ON DELETE CASCADE,
    resource_type   TEXT NOT NULL,
    resource        TEXT NOT NULL,
    relation        TEXT NOT NULL,
    target          TEXT NOT NULL,
    target_type     TEXT NOT NULL,
    target_relation TEXT NOT NULL DEFAULT '',
    query           TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (project_id, resource_type, resource, relation, target, target_type, target_relation, query)
  ) WITHOUT ROWID;
  -- The target side: what a target can reach (relationLeft, targetall, targets, a user's cascade).
  CREATE INDEX fga_relations_target ON fga_relations (project_id, target, resource_type, relation);
  -- A resource named alone (authz re/resource, deleteresources), whatever its type.
  CREATE INDEX fga_relations_resource ON fga_relations (project_id, resource);
  -- Target sets and queries of one relation, without reading its plain targets.
  CREATE INDEX fga_relations_sets ON fga_relations (project_id, resource_type, resource, relation)
    WHERE target_relation <> '';
  CREATE INDEX fga_relations_queries ON fga_relations (project_id, resource_type, resource, relation)
    WHERE query <> '';
  CREATE TABLE fga_resources (
    project_id    TEXT NOT NULL REFERENCES projects(project_id) ON DELETE CASCADE,
    resource_type TEXT NOT NULL,
    resource_id   TEXT NOT NULL,
    display_name  TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (project_id, resource_type, resource_id)
  ) WITHOUT ROWID;
  -- The last change of each resource and target ('r', 't') and of the schema ('s', id ''): one row each,
  -- so the log is bounded by what changed in the window it keeps (src/store/relations.ts).
  CREATE TABLE authz_changes (
    project_id TEXT NOT NULL REFERENCES projects(project_id) ON DELETE CASCADE,
    kind       TEXT NOT NULL,
    id         TEXT NOT NULL,
    at_ms      INTEGER NOT NULL,
    PRIMARY KEY (project_id, kind, id)
  ) WITHOUT ROWID;
  CREATE INDEX authz_changes_at ON authz_changes (project_id, at_ms);
  -- Contract §0 "Cascades" (inferred): a user delete removes the tuples that target the user.
  CREATE TRIGGER users_fga_relations AFTER DELETE ON users BEGIN
    DELETE FROM fga_relations
    WHERE project_id = OLD.project_id AND target = OLD.user_id AND target_relation = '' AND query = '';
  END;
  `,
  `
  -- Management keys become records (descope-mgmt-more.md §14): an ID, a name, a status, an expiry, permitted
  -- IPs and the reBac that says which projects the key opens (project_ids: a JSON array, NULL for every
  -- project). The bearer check is one look-up by key_hash (SHA-256 of the key, hex). key keeps the cleartext
  -- of a key an operator named (fixture, flag, control plane: it is written back to the fixture), NULL for
  -- one made by managementKey.create, whose cleartext is answered once. The ID of a key is 'K2' and the
  -- first 26 hex digits of its hash: the audit trail names a key so too. mock_sha256 is src/store/db.ts's.
  CREATE TABLE management_key_records (
    project_id    TEXT NOT NULL REFERENCES projects(project_id) ON DELETE CASCADE,
    id            TEXT NOT NULL,
    key_hash      TEXT NOT NULL,
    key           TEXT,
    name          TEXT NOT NULL DEFAULT '',
    description   TEXT NOT NULL DEFAULT '',
    status        TEXT NOT NULL DEFAULT 'active',
    created_time  INTEGER NOT NULL,
    expire_time   INTEGER NOT NULL DEFAULT 0,
    permitted_ips TEXT NOT NULL DEFAULT '[]',
    rebac         TEXT NOT NULL,
    project_ids   TEXT,
    PRIMARY KEY (project_id, id)
  );
  INSERT INTO management_key_records (project_id, id, key_hash, key, created_time, rebac, project_ids)
    SELECT m.project_id, 'K2' || substr(mock_sha256(m.key), 1, 26), mock_sha256(m.key), m.key, p.created_time,
      json_object('companyRoles', json('[]'),
        'projectRoles', json_array(json_object('projectIds', json_array(m.project_id), 'roles', json('[]'))),
        'tagRoles', json('[]')),
      json_array(m.project_id)
    FROM management_keys m JOIN projects p ON p.project_id = m.project_id;
  DROP TABLE management_keys;
  ALTER TABLE management_key_records RENAME TO management_keys;
  CREATE INDEX management_keys_hash ON management_keys (key_hash);

  -- Descopers (company-level console users, §14), kept per project as everything else here; doc is the
  -- wire record. A login ID is one descoper's in a project.
  CREATE TABLE descopers (
    project_id  TEXT NOT NULL REFERENCES projects(project_id) ON DELETE CASCADE,
    descoper_id TEXT NOT NULL,
    login_id    TEXT NOT NULL COLLATE NOCASE,
    doc         TEXT NOT NULL,
    PRIMARY KEY (project_id, descoper_id)
  );
  CREATE UNIQUE INDEX descopers_login_id ON descopers (project_id, login_id);

  -- Engines (§15): the secret is answered by create and rotate only; its SHA-256 hash is kept.
  CREATE TABLE engines (
    project_id   TEXT NOT NULL REFERENCES projects(project_id) ON DELETE CASCADE,
    engine_id    TEXT NOT NULL,
    name         TEXT NOT NULL,
    secret_hash  TEXT NOT NULL,
    created_time INTEGER NOT NULL,
    PRIMARY KEY (project_id, engine_id)
  );

  -- IdP groups of a tenant (§10), as SCIM or an SSO assertion would make them: seeded by fixtures. A member
  -- is a user of the project; a deleted user or tenant leaves its groups by cascade.
  CREATE TABLE idp_groups (
    project_id TEXT NOT NULL,
    tenant_id  TEXT NOT NULL,
    group_id   TEXT NOT NULL,
    display    TEXT NOT NULL DEFAULT '',
    source     TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (project_id, tenant_id, group_id),
    FOREIGN KEY (project_id, tenant_id) REFERENCES tenants(project_id, tenant_id) ON DELETE CASCADE
  );
  CREATE TABLE idp_group_members (
    project_id TEXT NOT NULL,
    tenant_id  TEXT NOT NULL,
    group_id   TEXT NOT NULL,
    user_id    TEXT NOT NULL,
    display    TEXT NOT NULL DEFAULT '',
    position   INTEGER NOT NULL,
    PRIMARY KEY (project_id, tenant_id, group_id, user_id),
    FOREIGN KEY (project_id, tenant_id, group_id) REFERENCES idp_groups(project_id, tenant_id, group_id)
      ON DELETE CASCADE,
    FOREIGN KEY (project_id, user_id) REFERENCES users(project_id, user_id) ON DELETE CASCADE
  ) WITHOUT ROWID;
  CREATE INDEX idp_group_members_user ON idp_group_members (project_id, user_id);
  `,
  `
  -- A project's tags and environment (management project/update/tags, project/clone), its flows as the
  -- {flow, screens} documents flow/export answers, its theme, and the files of an imported snapshot the mock
  -- does not read, kept verbatim so a real Descope export goes back out as it came in (descope-mgmt-more.md
  -- §6, §12). All go with the project.
  CREATE TABLE project_tags (
    project_id  TEXT PRIMARY KEY REFERENCES projects(project_id) ON DELETE CASCADE,
    tags        TEXT NOT NULL,
    environment TEXT NOT NULL
  );
  CREATE TABLE flows (
    project_id TEXT NOT NULL REFERENCES projects(project_id) ON DELETE CASCADE,
    flow_id    TEXT NOT NULL,
    doc        TEXT NOT NULL,
    PRIMARY KEY (project_id, flow_id)
  );
  CREATE TABLE themes (
    project_id TEXT PRIMARY KEY REFERENCES projects(project_id) ON DELETE CASCADE,
    doc        TEXT NOT NULL
  );
  CREATE TABLE snapshot_files (
    project_id TEXT NOT NULL REFERENCES projects(project_id) ON DELETE CASCADE,
    path       TEXT NOT NULL,
    doc        TEXT NOT NULL,
    PRIMARY KEY (project_id, path)
  );
  `,
];
