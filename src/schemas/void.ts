import { z } from 'zod';

/** The body of a void success: Descope answers `{}`, never an empty body (descope-api.md 2). */
export const VoidResponse = z.object({}).describe('an empty success');
export type VoidResponse = z.input<typeof VoidResponse>;
