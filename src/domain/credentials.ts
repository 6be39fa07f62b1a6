/**
 * A user's credentials and sign-in records as the mock keeps them (descope-api.md 4.11, 4.12), and their wire
 * shapes. The user document only carries flags (`password`, `webauthn`, `TOTP`); these records are the rest.
 */

export const PASSWORD_STATES = ['active', 'temporary', 'expired'] as const;
/** `temporary` must be replaced at the next sign-in; `expired` fails the next password sign-in (E062909). */
export type PasswordState = (typeof PASSWORD_STATES)[number];

export interface PasswordRecord {
  /** `scrypt$N$r$p$<salt hex>$<hash hex>`: never the password itself. */
  hash: string;
  state: PasswordState;
  /** Epoch milliseconds. */
  setMs: number;
}

/**
 * A WebAuthn credential; `id` is its credential ID. Wire shape as is (createdTime in epoch seconds, int32),
 * plus, for an imported one, the device it was imported from (passkeys/import's WebauthnImportDevice, with
 * its public key), which the wire does not show.
 */
export interface PasskeyRecord {
  id: string;
  rpId: string;
  kind: string;
  displayName: string;
  createdTime: number;
  device?: Record<string, unknown>;
}

/** A passkey as passkeys/list answers it. */
export const toWirePasskey = ({ id, rpId, kind, displayName, createdTime }: PasskeyRecord) => ({
  id,
  rpId,
  kind,
  displayName,
  createdTime,
});

export interface TrustedDeviceRecord {
  id: string;
  name: string;
  deviceType: string;
  /** Epoch seconds. */
  lastLoginTime: number;
  /** Epoch seconds. */
  expirationTime: number;
  lastLocation: string;
}

export interface ProviderTokenRecord {
  provider: string;
  providerUserId: string;
  accessToken: string;
  refreshToken: string;
  /** Epoch seconds. */
  expiration: number;
  scopes: string[];
}

/** One sign-in, as `/v1/mgmt/user/history` answers it (loginTime in epoch seconds, int32). */
export interface LoginRecord {
  userId: string;
  loginTime: number;
  city: string;
  country: string;
  ip: string;
  selectedTenant: string;
}

export interface WireTrustedDevice {
  id: string;
  name: string;
  deviceType: string;
  userId: string;
  lastLoginTime: string;
  expirationTime: string;
  lastLocation: string;
  isCurrentDevice: boolean;
}

/** The device times are int64 on Descope's side, so they travel as strings of epoch seconds (descope-api.md 1.6). */
export function toWireTrustedDevice(device: TrustedDeviceRecord, userId: string): WireTrustedDevice {
  return {
    id: device.id,
    name: device.name,
    deviceType: device.deviceType,
    userId,
    lastLoginTime: String(device.lastLoginTime),
    expirationTime: String(device.expirationTime),
    lastLocation: device.lastLocation,
    // Vendor behaviour (inferred): a management call has no current device, as it is made from none of them.
    isCurrentDevice: false,
  };
}

/** The refresh token is only handed out when asked for (`withRefreshToken=true`). */
export function toWireProviderToken(token: ProviderTokenRecord, withRefreshToken: boolean) {
  return {
    provider: token.provider,
    providerUserId: token.providerUserId,
    accessToken: token.accessToken,
    expiration: token.expiration,
    scopes: token.scopes,
    refreshToken: withRefreshToken ? token.refreshToken : '',
  };
}
