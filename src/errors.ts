/**
 * Descope's errors as data: every error the mock can answer is a row of ERRORS, carrying the wire code,
 * the HTTP status and the short description. One handler (src/http/errorHandler.ts) turns a DescopeError
 * into the wire body `{errorCode, errorDescription, errorMessage, message}`.
 */

export const ERRORS = {
  /** Malformed JSON, a wrong type, an unparseable request. */
  BAD_REQUEST: { code: 'E011001', status: 400, description: 'Bad request' },
  /** A required key is absent. */
  MISSING_ARGUMENTS: { code: 'E011002', status: 400, description: 'Missing arguments' },
  /** Vendor behaviour (inferred): the real code for a bad management key is not published; E011003 "Request is invalid" is the closest documented one. */
  UNAUTHORIZED: { code: 'E011003', status: 401, description: 'Unauthorized' },
  /** A value of the right type that the service refuses (unknown role, taken login ID, bad email…). */
  INVALID_ARGUMENTS: { code: 'E011004', status: 400, description: 'Invalid arguments' },
  /** Management API: the user selector matches no user (404, proven by the Ruby SDK's live tests). */
  USER_NOT_FOUND: { code: 'E112102', status: 404, description: 'User not found' },
  RATE_LIMITED: { code: 'E130429', status: 429, description: 'Rate limit exceeded' },
  /**
   * Authentication API: a refresh token revoked by logout (Go SDK's `ErrRefreshTokenRevoked`; 401 inferred,
   * descope-auth-api.md §10).
   */
  REFRESH_TOKEN_REVOKED: { code: 'E064001', status: 401, description: 'Refresh token revoked' },
  /** Authentication API: no access key in the bearer (Swift SDK; 400 inferred). */
  ACCESS_KEY_MISSING: { code: 'E062802', status: 400, description: 'Missing access key' },
  /** Authentication API: an unknown, expired, inactive or IP-restricted access key (Swift SDK; 401 inferred). */
  ACCESS_KEY_INVALID: { code: 'E062803', status: 401, description: 'Invalid access key' },
  /** Authentication API: the login ID names no user (Node SDK's `userNotFound`; 400 in the Python SDK's tests). */
  AUTH_USER_NOT_FOUND: { code: 'E062108', status: 400, description: 'User not found' },
  /** Authentication API: a sign-up of a login ID already in use (Go SDK; 400 inferred, descope-auth-api.md §10). */
  USER_ALREADY_EXISTS: { code: 'E062107', status: 400, description: 'User already exists' },
  /** OTP, TOTP, magic link, enchanted link (descope-auth-api.md §10, §12): a wrong or spent code (Node `wrongOTPCode`; 401 inferred). */
  WRONG_OTP_CODE: { code: 'E061102', status: 401, description: 'Wrong OTP code' },
  /** Five wrong codes in a row (Node, Swift; 401 inferred, §12). */
  TOO_MANY_OTP_ATTEMPTS: { code: 'E061103', status: 401, description: 'Too many OTP attempts' },
  /** An enchanted link not yet clicked (Node `enchantedLinkPending`; 401 in the Go SDK's tests). */
  ENCHANTED_LINK_PENDING: { code: 'E062503', status: 401, description: 'Enchanted link pending' },
  /** A link token expired, used or unknown (.NET tests: "Failed to load magic link token"; 401 inferred). */
  LINK_TOKEN_EXPIRED: { code: 'E062504', status: 401, description: 'Token expired' },
  // Password and TOTP sign-in (descope-auth-api.md §6.4, §6.5, §10).
  /** A temporary (management setTemporaryPassword) or expired password: replace it first (Go SDK, Ruby live tests). */
  PASSWORD_EXPIRED: { code: 'E062909', status: 401, description: 'Password expired' },
  /** A snapshot import or validation the project cannot take (terraform-provider-descope infra/errors.go). */
  SNAPSHOT_INVALID: { code: 'E113007', status: 400, description: 'Invalid snapshot' },
  /** The mock's own codes (never sent by Descope): a Descope path the mock does not emulate, an unknown path. */
  NOT_EMULATED: { code: 'E000501', status: 501, description: 'Not emulated' },
  ROUTE_NOT_FOUND: { code: 'E000404', status: 404, description: 'Not found' },
  /** The control plane refusing a client that is not on loopback (no admin token configured). */
  FORBIDDEN: { code: 'E000403', status: 403, description: 'Forbidden' },
  /** The control plane refusing a body that is not declared JSON (what a cross-site form or text post sends). */
  UNSUPPORTED_MEDIA_TYPE: { code: 'E000415', status: 415, description: 'Unsupported media type' },
  /** Vendor behaviour (inferred): Descope's answer to an oversized body is not published; a 413 with the bad-request code. */
  PAYLOAD_TOO_LARGE: { code: 'E011001', status: 413, description: 'Request body too large' },
  /** Only for bugs: every expected failure has a row above. */
  INTERNAL: { code: 'E000500', status: 500, description: 'Internal error' },
} as const satisfies Record<string, { code: string; status: number; description: string }>;

export type ErrorKind = keyof typeof ERRORS;

export interface DescopeErrorBody {
  errorCode: string;
  errorDescription: string;
  errorMessage: string;
  message: string;
}

export class DescopeError extends Error {
  readonly kind: ErrorKind;
  readonly status: number;
  readonly code: string;
  /** Extra response headers, e.g. Retry-After on a 429. */
  readonly headers: Record<string, string>;

  constructor(kind: ErrorKind, message: string, headers: Record<string, string> = {}) {
    super(message);
    this.name = 'DescopeError';
    this.kind = kind;
    this.status = ERRORS[kind].status;
    this.code = ERRORS[kind].code;
    this.headers = headers;
  }

  toBody(): DescopeErrorBody {
    return errorBody(this.kind, this.message);
  }
}

export function errorBody(kind: ErrorKind, message: string): DescopeErrorBody {
  const { code, description } = ERRORS[kind];
  // Real responses repeat the detail under both keys; the Swift SDK reads `message`, the others `errorMessage`.
  return { errorCode: code, errorDescription: description, errorMessage: message, message };
}

export const userNotFound = (): DescopeError => new DescopeError('USER_NOT_FOUND', 'Cannot find user');
export const missing = (field: string): DescopeError =>
  new DescopeError('MISSING_ARGUMENTS', `The ${field} field is required`);
export const invalid = (message: string): DescopeError => new DescopeError('INVALID_ARGUMENTS', message);

/** A required string field's value, or the missing-arguments error naming it (empty counts as missing). */
export function required(value: string | undefined, field: string): string {
  if (!value) throw missing(field);
  return value;
}
