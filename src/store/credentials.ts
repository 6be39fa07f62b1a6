import type {
  PasskeyRecord,
  PasswordRecord,
  PasswordState,
  ProviderTokenRecord,
  TrustedDeviceRecord,
} from '../domain/credentials.js';
import type { Db } from './db.js';

type UserKey = { projectId: string; userId: string };

interface PasswordRow {
  hash: string;
  state: PasswordState;
  set_ms: number;
}

/** The SELECT aliases its columns to the record's names; the device stays JSON text (or NULL). */
type PasskeyRow = Omit<PasskeyRecord, 'device'> & { device: string | null };

/** The SELECT aliases its columns to the record's names; only the scopes stay JSON text. */
type ProviderTokenRow = Omit<ProviderTokenRecord, 'scopes'> & { scopes: string };

/**
 * A user's credentials beside the user document: password hash and state, TOTP seed, passkeys, trusted
 * devices and social-provider tokens. Rows go with their user (ON DELETE CASCADE).
 */
export class CredentialStore {
  private readonly passwordOf;
  private readonly upsertPassword;
  private readonly updatePasswordState;
  private readonly passkeysOf;
  private readonly insertPasskeyRow;
  private readonly deletePasskeyRow;
  private readonly deletePasskeyRows;
  private readonly devicesOf;
  private readonly insertDeviceRow;
  private readonly deleteDeviceRow;
  private readonly providerTokenOf;
  private readonly upsertProviderToken;
  private readonly totpSeedOf;
  private readonly upsertTotpSeed;
  private readonly deleteTotpSeed;

  constructor(db: Db) {
    this.passwordOf = db.prepare<UserKey, PasswordRow>(
      'SELECT hash, state, set_ms FROM user_passwords WHERE project_id = :projectId AND user_id = :userId',
    );
    this.upsertPassword = db.prepare(
      `INSERT INTO user_passwords (project_id, user_id, hash, state, set_ms)
       VALUES (:projectId, :userId, :hash, :state, :setMs)
       ON CONFLICT (project_id, user_id) DO UPDATE SET hash = :hash, state = :state, set_ms = :setMs`,
    );
    this.updatePasswordState = db.prepare(
      'UPDATE user_passwords SET state = :state WHERE project_id = :projectId AND user_id = :userId',
    );
    this.passkeysOf = db.prepare<UserKey, PasskeyRow>(
      `SELECT credential_id AS id, rp_id AS rpId, kind, display_name AS displayName, created_time AS createdTime,
         device
       FROM user_passkeys WHERE project_id = :projectId AND user_id = :userId ORDER BY created_time, credential_id`,
    );
    this.insertPasskeyRow = db.prepare(
      `INSERT OR REPLACE INTO user_passkeys
         (project_id, user_id, credential_id, rp_id, kind, display_name, created_time, device)
       VALUES (:projectId, :userId, :id, :rpId, :kind, :displayName, :createdTime, :device)`,
    );
    this.deletePasskeyRow = db.prepare(
      'DELETE FROM user_passkeys WHERE project_id = :projectId AND user_id = :userId AND credential_id = :id',
    );
    this.deletePasskeyRows = db.prepare(
      'DELETE FROM user_passkeys WHERE project_id = :projectId AND user_id = :userId',
    );
    this.devicesOf = db.prepare<UserKey, TrustedDeviceRecord>(
      `SELECT device_id AS id, name, device_type AS deviceType, last_login_time AS lastLoginTime,
         expiration_time AS expirationTime, last_location AS lastLocation
       FROM user_trusted_devices WHERE project_id = :projectId AND user_id = :userId
       ORDER BY last_login_time DESC, device_id`,
    );
    this.insertDeviceRow = db.prepare(
      `INSERT OR REPLACE INTO user_trusted_devices
         (project_id, user_id, device_id, name, device_type, last_login_time, expiration_time, last_location)
       VALUES (:projectId, :userId, :id, :name, :deviceType, :lastLoginTime, :expirationTime, :lastLocation)`,
    );
    this.deleteDeviceRow = db.prepare(
      'DELETE FROM user_trusted_devices WHERE project_id = :projectId AND user_id = :userId AND device_id = :id',
    );
    this.providerTokenOf = db.prepare<UserKey & { provider: string }, ProviderTokenRow>(
      `SELECT provider, provider_user_id AS providerUserId, access_token AS accessToken,
         refresh_token AS refreshToken, expiration, scopes
       FROM user_provider_tokens WHERE project_id = :projectId AND user_id = :userId AND provider = :provider`,
    );
    this.upsertProviderToken = db.prepare(
      `INSERT OR REPLACE INTO user_provider_tokens
         (project_id, user_id, provider, provider_user_id, access_token, refresh_token, expiration, scopes)
       VALUES (:projectId, :userId, :provider, :providerUserId, :accessToken, :refreshToken, :expiration, :scopes)`,
    );
    this.totpSeedOf = db
      .prepare<UserKey, string>(
        'SELECT seed FROM user_totp_seeds WHERE project_id = :projectId AND user_id = :userId',
      )
      .pluck();
    this.upsertTotpSeed = db.prepare(
      `INSERT INTO user_totp_seeds (project_id, user_id, seed) VALUES (:projectId, :userId, :seed)
       ON CONFLICT (project_id, user_id) DO UPDATE SET seed = :seed`,
    );
    this.deleteTotpSeed = db.prepare(
      'DELETE FROM user_totp_seeds WHERE project_id = :projectId AND user_id = :userId',
    );
  }

  password(projectId: string, userId: string): PasswordRecord | undefined {
    const row = this.passwordOf.get({ projectId, userId });
    return row && { hash: row.hash, state: row.state, setMs: row.set_ms };
  }

  setPassword(projectId: string, userId: string, password: PasswordRecord): void {
    this.upsertPassword.run({ projectId, userId, ...password });
  }

  /** Changes the state of an existing password; false when the user has none. */
  setPasswordState(projectId: string, userId: string, state: PasswordState): boolean {
    return this.updatePasswordState.run({ projectId, userId, state }).changes > 0;
  }

  passkeys(projectId: string, userId: string): PasskeyRecord[] {
    return this.passkeysOf
      .all({ projectId, userId })
      .map(({ device, ...passkey }) =>
        device === null ? passkey : { ...passkey, device: JSON.parse(device) },
      );
  }

  addPasskey(projectId: string, userId: string, passkey: PasskeyRecord): void {
    const device = passkey.device === undefined ? null : JSON.stringify(passkey.device);
    this.insertPasskeyRow.run({ projectId, userId, ...passkey, device });
  }

  /** Removes one passkey by credential ID; false when the user has no such passkey. */
  removePasskey(projectId: string, userId: string, id: string): boolean {
    return this.deletePasskeyRow.run({ projectId, userId, id }).changes > 0;
  }

  removeAllPasskeys(projectId: string, userId: string): number {
    return this.deletePasskeyRows.run({ projectId, userId }).changes;
  }

  trustedDevices(projectId: string, userId: string): TrustedDeviceRecord[] {
    return this.devicesOf.all({ projectId, userId });
  }

  addTrustedDevice(projectId: string, userId: string, device: TrustedDeviceRecord): void {
    this.insertDeviceRow.run({ projectId, userId, ...device });
  }

  /** Removes the named devices of one user; IDs it does not hold are skipped. Returns how many went. */
  removeTrustedDevices(projectId: string, userId: string, deviceIds: readonly string[]): number {
    let removed = 0;
    for (const id of deviceIds) removed += this.deleteDeviceRow.run({ projectId, userId, id }).changes;
    return removed;
  }

  /** The user's TOTP seed (base32); undefined when none. */
  totpSeed(projectId: string, userId: string): string | undefined {
    return this.totpSeedOf.get({ projectId, userId });
  }

  setTotpSeed(projectId: string, userId: string, seed: string): void {
    this.upsertTotpSeed.run({ projectId, userId, seed });
  }

  removeTotpSeed(projectId: string, userId: string): void {
    this.deleteTotpSeed.run({ projectId, userId });
  }

  providerToken(projectId: string, userId: string, provider: string): ProviderTokenRecord | undefined {
    const row = this.providerTokenOf.get({ projectId, userId, provider });
    return row && { ...row, scopes: JSON.parse(row.scopes) as string[] };
  }

  setProviderToken(projectId: string, userId: string, token: ProviderTokenRecord): void {
    this.upsertProviderToken.run({ projectId, userId, ...token, scopes: JSON.stringify(token.scopes) });
  }
}
