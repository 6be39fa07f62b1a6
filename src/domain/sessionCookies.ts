import type { JwtResponse } from '../schemas/session.js';

/**
 * Cookie mode (descope-auth-api.md §4.2): a project may answer its tokens in `Set-Cookie` instead of the
 * JWTResponse body. Plain functions over a JWTResponse in body mode (jwtResponseOf); the app decides when.
 */

/** Where a project answers its tokens; both off is Descope's default, body mode. */
export interface TokenCookies {
  /** The refresh token in the `DSR` cookie, not in `refreshJwt`. */
  refreshTokenInCookie: boolean;
  /** The session token in the `DS` cookie, not in `sessionJwt`. */
  sessionTokenInCookie: boolean;
}

export const REFRESH_COOKIE = 'DSR';
export const SESSION_COOKIE = 'DS';

/**
 * One `Set-Cookie` line. `SameSite=None; Secure`: the page that calls the mock is on another origin (another
 * port of localhost), and a browser sends a cross-site cookie only with both; the docs advise SameSite None
 * for local testing (§4.2). No `Domain`: `cookieDomain` is empty, a host-only cookie.
 * `HttpOnly` for the refresh token only. Vendor behaviour (inferred): the session cookie is readable by the
 * page, since web-js's `getSessionToken()` reads `DS` from `document.cookie` to hand it to the app's backend.
 */
export function setCookieLine(name: string, value: string, maxAgeS: number, expiresS: number): string {
  const httpOnly = name === REFRESH_COOKIE ? '; HttpOnly' : '';
  const expires = new Date(Math.max(0, expiresS) * 1000).toUTCString();
  return `${name}=${value}; Path=/; Max-Age=${Math.max(0, maxAgeS)}; Expires=${expires}${httpOnly}; Secure; SameSite=None`;
}

/**
 * A JWTResponse as the project answers it: in cookie mode the tokens the project keeps in cookies leave the
 * body and become `Set-Cookie` lines (the refresh cookie lasts `cookieMaxAge`, the session cookie until
 * `sessionExpiration`). In body mode, the response as it was and no cookie.
 */
export function withTokenCookies(
  response: JwtResponse,
  settings: TokenCookies,
  clockMs: number,
): { body: JwtResponse; cookies: string[] } {
  const { sessionJwt, refreshJwt, ...rest } = response;
  const cookies: string[] = [];
  const body: JwtResponse = {
    ...(sessionJwt !== undefined && !settings.sessionTokenInCookie ? { sessionJwt } : {}),
    ...(refreshJwt !== undefined && !settings.refreshTokenInCookie ? { refreshJwt } : {}),
    ...rest,
  };
  if (refreshJwt !== undefined && settings.refreshTokenInCookie) {
    cookies.push(setCookieLine(REFRESH_COOKIE, refreshJwt, response.cookieMaxAge, response.cookieExpiration));
  }
  if (sessionJwt !== undefined && settings.sessionTokenInCookie) {
    const sessionMaxAge = response.sessionExpiration - Math.floor(clockMs / 1000);
    cookies.push(setCookieLine(SESSION_COOKIE, sessionJwt, sessionMaxAge, response.sessionExpiration));
  }
  return { body, cookies };
}

/**
 * What a logout sends a project in cookie mode: the cookies it keeps, expired, so the browser drops them
 * (§5). Nothing in body mode.
 */
export function expiredTokenCookies(settings: TokenCookies): string[] {
  return [
    ...(settings.refreshTokenInCookie ? [setCookieLine(REFRESH_COOKIE, '', 0, 0)] : []),
    ...(settings.sessionTokenInCookie ? [setCookieLine(SESSION_COOKIE, '', 0, 0)] : []),
  ];
}
