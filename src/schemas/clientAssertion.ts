import { z } from 'zod';

/** management.jwt.generateClientAssertionJwt (descope-mgmt-more.md §4): a JWT a client asserts itself with. */
export const ClientAssertionBody = z.object({
  issuer: z.string().optional(),
  subject: z.string().optional(),
  audience: z.array(z.string()).optional(),
  expiresIn: z
    .union([
      z.number().int(),
      z
        .string()
        .regex(/^-?\d+$/)
        .transform(Number),
    ])
    .optional()
    .describe('seconds'),
  flattenAudience: z.boolean().optional().describe('one audience as a string rather than an array'),
  algorithm: z.string().optional().describe('RS256 (default) or RS384: the project key is RSA'),
});
export type ClientAssertionBody = z.output<typeof ClientAssertionBody>;
