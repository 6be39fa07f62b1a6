import { invalid } from '../errors.js';

/** Separators people type inside phone numbers; Descope strips them (`+1-555-555-1234` → `+15555551234`). */
const PHONE_SEPARATORS = /[\s\-().]/g;
/** Vendor behaviour (inferred): E.164-like after stripping, an optional `+` and 6 to 15 digits. */
const PHONE_SHAPE = /^\+?\d{6,15}$/;
/** Vendor behaviour (inferred): the service checks email shape on management writes; this is the usual loose check. */
const EMAIL_SHAPE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export const isEmail = (value: string): boolean => EMAIL_SHAPE.test(value);

/**
 * Only what a phone number is typed with. Checked first: every user lookup asks whether its login ID is a
 * phone, and an email or a name fails here at its first letter, without building the stripped copy.
 */
const PHONE_CHARACTERS = /^[+\d\s\-().]+$/;

/** True when the value, stripped of separators, is a phone number (so a login ID is a phone login ID). */
export const isPhone = (value: string): boolean =>
  PHONE_CHARACTERS.test(value) && PHONE_SHAPE.test(value.replace(PHONE_SEPARATORS, ''));

/** A phone as Descope stores it; `''` stays `''` (it means "remove"). Throws E011004 on anything else. */
export function normalisePhone(value: string, field = 'phone'): string {
  if (value === '') return '';
  const stripped = value.replace(PHONE_SEPARATORS, '');
  if (!PHONE_SHAPE.test(stripped)) throw invalid(`The ${field} field is not a valid phone number`);
  return stripped;
}

/** An email as Descope stores it (as given); `''` stays `''`. Throws E011004 when it is not email-shaped. */
export function checkEmail(value: string, field = 'email'): string {
  if (value !== '' && !isEmail(value)) throw invalid(`The ${field} field is not a valid email address`);
  return value;
}

/** Login IDs are free-form, but a phone-shaped one is stored normalised so that every spelling finds the user. */
export function normaliseLoginId(value: string): string {
  const trimmed = value.trim();
  return isPhone(trimmed) && !isEmail(trimmed) ? trimmed.replace(PHONE_SEPARATORS, '') : trimmed;
}
