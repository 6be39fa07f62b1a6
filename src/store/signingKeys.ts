import type { RsaPrivateJwk, SigningKeyRecord } from '../domain/signingKey.js';
import type { Db } from './db.js';

type ProjectParam = { projectId: string };

/**
 * Each project's signing key, in a table of its own rather than a column of projects: it is made after the
 * project (on first use), by a path that writes nothing else, and it outlives a reset (which deletes and
 * reseeds the project row), so app/projects.ts carries it over explicitly.
 */
export class SigningKeyStore {
  private readonly row;
  private readonly insertIfAbsent;
  private readonly upsert;
  /** The last record answered per project, with the row it was read from. */
  private readonly records = new Map<string, { kid: string; text: string; record: SigningKeyRecord }>();

  constructor(db: Db) {
    this.row = db.prepare<ProjectParam, { kid: string; jwk: string }>(
      'SELECT kid, jwk FROM signing_keys WHERE project_id = :projectId',
    );
    this.insertIfAbsent = db.prepare(
      `INSERT INTO signing_keys (project_id, kid, jwk, created_ms) VALUES (:projectId, :kid, :jwk, :createdMs)
       ON CONFLICT (project_id) DO NOTHING`,
    );
    this.upsert = db.prepare(
      `INSERT INTO signing_keys (project_id, kid, jwk, created_ms) VALUES (:projectId, :kid, :jwk, :createdMs)
       ON CONFLICT (project_id) DO UPDATE SET kid = excluded.kid, jwk = excluded.jwk, created_ms = excluded.created_ms`,
    );
  }

  /** The project's key, or undefined while it has none (no token or keys request yet, no pinned key). */
  find(projectId: string): SigningKeyRecord | undefined {
    const row = this.row.get({ projectId });
    if (!row) return undefined;
    // The same record while the row holds the same key: the app caches the imported key per record
    // (src/app/tokens.ts), and parsing a JWK on every token would be paid twice.
    const kept = this.records.get(projectId);
    if (kept && kept.kid === row.kid && kept.text === row.jwk) return kept.record;
    const record = { kid: row.kid, jwk: JSON.parse(row.jwk) as RsaPrivateJwk };
    this.records.set(projectId, { kid: row.kid, text: row.jwk, record });
    return record;
  }

  /** Keeps `key` unless the project already has one (two first uses at once: the first one written wins). */
  addIfAbsent(projectId: string, key: SigningKeyRecord, nowMs: number): void {
    this.insertIfAbsent.run({ projectId, kid: key.kid, jwk: JSON.stringify(key.jwk), createdMs: nowMs });
  }

  /** The project's key becomes `key` (a pinned key, or the one a reset keeps). */
  save(projectId: string, key: SigningKeyRecord, nowMs: number): void {
    this.upsert.run({ projectId, kid: key.kid, jwk: JSON.stringify(key.jwk), createdMs: nowMs });
  }
}
