import { describe, expect, it } from 'vitest';
import { DescopeError, ERRORS, type ErrorKind, errorBody } from '../../src/errors.js';

/**
 * Every row of ERRORS pinned to its wire code, HTTP status and description. A new row fails the
 * completeness check until it is pinned here, so no code or status changes by accident.
 */
const PINNED: Record<ErrorKind, [code: string, status: number, description: string]> = {
  BAD_REQUEST: ['E011001', 400, 'Bad request'],
  MISSING_ARGUMENTS: ['E011002', 400, 'Missing arguments'],
  UNAUTHORIZED: ['E011003', 401, 'Unauthorized'],
  INVALID_ARGUMENTS: ['E011004', 400, 'Invalid arguments'],
  USER_NOT_FOUND: ['E112102', 404, 'User not found'],
  RATE_LIMITED: ['E130429', 429, 'Rate limit exceeded'],
  REFRESH_TOKEN_REVOKED: ['E064001', 401, 'Refresh token revoked'],
  ACCESS_KEY_MISSING: ['E062802', 400, 'Missing access key'],
  ACCESS_KEY_INVALID: ['E062803', 401, 'Invalid access key'],
  AUTH_USER_NOT_FOUND: ['E062108', 400, 'User not found'],
  USER_ALREADY_EXISTS: ['E062107', 400, 'User already exists'],
  WRONG_OTP_CODE: ['E061102', 401, 'Wrong OTP code'],
  TOO_MANY_OTP_ATTEMPTS: ['E061103', 401, 'Too many OTP attempts'],
  ENCHANTED_LINK_PENDING: ['E062503', 401, 'Enchanted link pending'],
  LINK_TOKEN_EXPIRED: ['E062504', 401, 'Token expired'],
  PASSWORD_EXPIRED: ['E062909', 401, 'Password expired'],
  SNAPSHOT_INVALID: ['E113007', 400, 'Invalid snapshot'],
  NOT_EMULATED: ['E000501', 501, 'Not emulated'],
  ROUTE_NOT_FOUND: ['E000404', 404, 'Not found'],
  FORBIDDEN: ['E000403', 403, 'Forbidden'],
  UNSUPPORTED_MEDIA_TYPE: ['E000415', 415, 'Unsupported media type'],
  PAYLOAD_TOO_LARGE: ['E011001', 413, 'Request body too large'],
  INTERNAL: ['E000500', 500, 'Internal error'],
};

describe('the error table', () => {
  it('pins every row, and no more', () => {
    expect(Object.keys(ERRORS).sort()).toEqual(Object.keys(PINNED).sort());
  });

  it.each(Object.entries(PINNED) as [ErrorKind, [string, number, string]][])(
    '%s answers its status and Descope body',
    (kind, [code, status, description]) => {
      const error = new DescopeError(kind, `detail of ${kind}`);
      expect(error.status).toBe(status);
      expect(error.code).toBe(code);
      expect(error.toBody()).toEqual({
        errorCode: code,
        errorDescription: description,
        errorMessage: `detail of ${kind}`,
        message: `detail of ${kind}`,
      });
      expect(errorBody(kind, 'x')).toEqual({
        errorCode: code,
        errorDescription: description,
        errorMessage: 'x',
        message: 'x',
      });
    },
  );

  it('never uses a status the SDKs silently retry (503, 520 to 530)', () => {
    for (const status of Object.values(ERRORS).map((row): number => row.status)) {
      expect(status === 503 || (status >= 520 && status <= 530)).toBe(false);
    }
  });
});
