import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * TOTP as authenticator apps compute it (RFC 6238 over RFC 4226): HMAC-SHA1 of the 30-second step count,
 * 6 digits, a code of the step before or after accepted too (clock drift). Vendor behaviour (inferred):
 * Descope's parameters are not published; these are the apps' defaults (descope-auth-api.md §6.5).
 */
const STEP_SECONDS = 30;
const DIGITS = 6;
const DRIFT_STEPS = 1;
const BASE32_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/** A new seed: 20 random bytes (SHA-1's length, RFC 4226's recommendation), base32 without padding. */
export function newTotpSeed(): string {
  return base32(randomBytes(20));
}

function base32(bytes: Buffer): string {
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += BASE32_ALPHABET[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += BASE32_ALPHABET[(value << (5 - bits)) & 31];
  return out;
}

function fromBase32(seed: string): Buffer {
  const bytes: number[] = [];
  let bits = 0;
  let value = 0;
  for (const char of seed.toUpperCase().replace(/=+$/, '')) {
    const index = BASE32_ALPHABET.indexOf(char);
    if (index < 0) continue;
    value = (value << 5) | index;
    bits += 5;
    if (bits >= 8) {
      bytes.push((value >>> (bits - 8)) & 255);
      bits -= 8;
    }
  }
  return Buffer.from(bytes);
}

/** The code of one time step (RFC 4226 HOTP with the step count as counter). */
export function totpCode(seed: string, step: number): string {
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(step));
  const hmac = createHmac('sha1', fromBase32(seed)).update(counter).digest();
  const offset = (hmac[hmac.length - 1] as number) & 0x0f;
  const binary = hmac.readUInt32BE(offset) & 0x7fffffff;
  return String(binary % 10 ** DIGITS).padStart(DIGITS, '0');
}

/** True when `code` is the seed's code at `nowMs`, or one step either side. */
export function totpMatches(seed: string, code: string, nowMs: number): boolean {
  if (!/^\d{6}$/.test(code)) return false;
  const step = Math.floor(nowMs / 1000 / STEP_SECONDS);
  const given = Buffer.from(code);
  let matched = false;
  for (let drift = -DRIFT_STEPS; drift <= DRIFT_STEPS; drift++) {
    // Every candidate compared, each in constant time.
    if (timingSafeEqual(Buffer.from(totpCode(seed, step + drift)), given)) matched = true;
  }
  return matched;
}

/**
 * The `otpauth://` URL an authenticator app reads (Key Uri Format): the label `<issuer>:<loginId>`, the
 * seed and its parameters.
 */
export function provisioningUrl(issuer: string, loginId: string, seed: string): string {
  const label = `${encodeURIComponent(issuer)}:${encodeURIComponent(loginId)}`;
  const query = new URLSearchParams({
    secret: seed,
    issuer,
    algorithm: 'SHA1',
    digits: String(DIGITS),
    period: String(STEP_SECONDS),
  });
  return `otpauth://totp/${label}?${query}`;
}
