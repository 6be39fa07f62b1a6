import { z } from 'zod';

/** GET license: the project's rate-limit tier (descope-api.md 1.3). */
export const LicenseResponse = z.object({ rateLimitTier: z.string() });
export type LicenseResponse = z.input<typeof LicenseResponse>;
