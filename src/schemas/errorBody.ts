import { z } from 'zod';
import type { DescopeErrorBody } from '../errors.js';

/** Descope's error body (descope-api.md 2.1), as every failure answers it; documented on every route. */
export const ErrorBodySchema = z
  .object({
    errorCode: z.string().describe('`E` and six digits, e.g. E112102'),
    errorDescription: z.string().describe('the short category, e.g. "User not found"'),
    errorMessage: z.string().describe('the detail, e.g. "Cannot find user"'),
    message: z.string().describe('the same text as errorMessage (the Swift SDK reads this key)'),
  })
  .describe("Descope's error body");

// The schema and the type the error handler writes must not drift apart.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const errorBodyMatches: Same<z.infer<typeof ErrorBodySchema>, DescopeErrorBody> = true;
void errorBodyMatches;
