import { z } from 'zod';
import { UserSchema } from './user.js';

/**
 * What every call that signs a user in answers (spec `JWTResponse`; descope-auth-api.md §4.1), in body mode:
 * both tokens in the body, no cookie. Times are epoch seconds.
 */
export const JwtResponseSchema = z.object({
  sessionJwt: z.string(),
  refreshJwt: z.string(),
  cookieDomain: z.string(),
  cookiePath: z.string(),
  cookieMaxAge: z.number().int().describe('seconds the refresh token has left'),
  cookieExpiration: z.number().int().describe('the refresh token expiry, epoch seconds'),
  sessionExpiration: z.number().int().describe('the session token expiry, epoch seconds'),
  user: UserSchema,
  firstSeen: z.boolean(),
});
export type JwtResponse = z.output<typeof JwtResponseSchema>;
