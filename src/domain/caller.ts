/**
 * Who calls an authentication route (`/v1/auth/…`), as its credentials say (descope-auth-api.md §1.2):
 * `Authorization: Bearer <projectId>[:<token>[:<managementKey>]]`, or the refresh token in a cookie, which
 * a browser sends instead of the header's second part. Checked by src/http/auth.ts before any handler runs,
 * the project always one that exists here.
 */
export interface Caller {
  /** The bearer's second part: a refresh JWT, a session JWT or an access key's cleartext, by route. */
  token?: string;
  /** The refresh JWT of the request's cookie (`DSR`, or the name in `x-descope-refresh-cookie-name`). */
  refreshCookie?: string;
  /** A valid management key was appended (the bearer's third part): claims the caller sends are trusted. */
  managementKey: boolean;
  /** The client's address, as the socket gives it (the mock trusts no forwarding header). */
  ip: string;
  /**
   * The mock's own origin as this request reached it (`http://<Host>`), for the URLs an answer points back
   * at (the IdP page of an OAuth or SSO start; on a management call that declares `answersUrls`, its SSO
   * link, ACS URL or issuer); absent elsewhere.
   */
  origin?: string;
}

/** A caller without credentials: what every route that is not an authentication route is handed. */
export const NO_CALLER: Caller = { managementKey: false, ip: '' };

/** The refresh token a session route acts on: the bearer's, else the cookie's (§1.2, §5). */
export const refreshTokenOf = (caller: Caller): string | undefined => caller.token || caller.refreshCookie;
