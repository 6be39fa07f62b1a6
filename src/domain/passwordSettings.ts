import { invalid } from '../errors.js';

/**
 * The password policy of a project or of one tenant (descope-mgmt-more.md §7): what management
 * `password.getSettings` answers and `configureSettings` replaces, and what the authentication API's
 * password calls enforce (descope-auth-api.md §6.4).
 */
export interface PasswordSettings {
  enabled: boolean;
  minLength: number;
  lowercase: boolean;
  uppercase: boolean;
  number: boolean;
  nonAlphanumeric: boolean;
  expiration: boolean;
  expirationWeeks: number;
  reuse: boolean;
  reuseAmount: number;
  lock: boolean;
  lockAttempts: number;
  tempLock: boolean;
  tempLockAttempts: number;
  tempLockDuration: number;
  enablePasswordStrength: boolean;
  passwordStrengthScore: number;
  anyLetter: boolean;
  disallowedCharacters: string;
  disallowEmailMatch: boolean;
}

/**
 * Vendor behaviour (inferred): a new project's policy is not published; descope-mgmt-more.md §7 chooses
 * password sign-in enabled, at least 8 characters, and every other rule off.
 */
export const DEFAULT_PASSWORD_SETTINGS: PasswordSettings = {
  enabled: true,
  minLength: 8,
  lowercase: false,
  uppercase: false,
  number: false,
  nonAlphanumeric: false,
  expiration: false,
  expirationWeeks: 0,
  reuse: false,
  reuseAmount: 0,
  lock: false,
  lockAttempts: 0,
  tempLock: false,
  tempLockAttempts: 0,
  tempLockDuration: 0,
  enablePasswordStrength: false,
  passwordStrengthScore: 0,
  anyLetter: false,
  disallowedCharacters: '',
  disallowEmailMatch: false,
};

/** The zero value of every setting: what a key left out of `configureSettings` becomes. */
const ZERO_SETTINGS: PasswordSettings = {
  ...DEFAULT_PASSWORD_SETTINGS,
  enabled: false,
  minLength: 0,
};

/**
 * The settings a `configureSettings` body makes. Vendor behaviour (inferred): configure replaces every field
 * as given ("override all fields as is"), so a key left out is its zero value, not the previous value.
 */
export function replacedPasswordSettings(given: Partial<PasswordSettings>): PasswordSettings {
  const settings = { ...ZERO_SETTINGS };
  for (const key of Object.keys(ZERO_SETTINGS) as (keyof PasswordSettings)[]) {
    if (given[key] !== undefined) (settings as unknown as Record<string, unknown>)[key] = given[key];
  }
  if (!Number.isInteger(settings.minLength) || settings.minLength < 0) {
    throw invalid('The minLength field must be a non-negative integer');
  }
  return settings;
}

/** What `GET /v1/auth/password/policy` answers: the rules a client can check before sending a password. */
export function passwordPolicyOf(settings: PasswordSettings) {
  const { minLength, lowercase, uppercase, number, nonAlphanumeric } = settings;
  // The spec's two strength fields besides the five the SDKs type.
  const { enablePasswordStrength: strengthScoreEnabled, passwordStrengthScore: strengthScore } = settings;
  return { minLength, lowercase, uppercase, number, nonAlphanumeric, strengthScoreEnabled, strengthScore };
}

/**
 * The rules a new password breaks, in the policy's words; empty when it complies. Length counts characters
 * (code points), not bytes. The strength score, reuse and expiry rules are not judged.
 */
export function policyViolations(password: string, settings: PasswordSettings, email = ''): string[] {
  const broken: string[] = [];
  if ([...password].length < settings.minLength) {
    broken.push(`at least ${settings.minLength} characters`);
  }
  if (settings.lowercase && !/\p{Ll}/u.test(password)) broken.push('a lowercase letter');
  if (settings.uppercase && !/\p{Lu}/u.test(password)) broken.push('an uppercase letter');
  if (settings.number && !/\p{Nd}/u.test(password)) broken.push('a number');
  if (settings.nonAlphanumeric && !/[^\p{L}\p{N}]/u.test(password)) {
    broken.push('a non-alphanumeric character');
  }
  if (settings.anyLetter && !/\p{L}/u.test(password)) broken.push('a letter');
  const disallowed = [...settings.disallowedCharacters].filter((char) => password.includes(char));
  if (disallowed.length > 0) broken.push(`none of the characters "${disallowed.join('')}"`);
  // Vendor behaviour (inferred): "email match" is a password that contains the user's email address.
  if (settings.disallowEmailMatch && email && password.toLowerCase().includes(email.toLowerCase())) {
    broken.push('not the email address');
  }
  return broken;
}

/**
 * Refuses a new password that breaks the policy. Vendor behaviour (inferred): Descope's policy code is not
 * published; descope-auth-api.md §6.4 chooses 400 E011004.
 */
export function checkPasswordPolicy(password: string, settings: PasswordSettings, email = ''): void {
  const broken = policyViolations(password, settings, email);
  if (broken.length > 0) {
    throw invalid(`The password does not meet the password policy: it needs ${broken.join(', ')}`);
  }
}
