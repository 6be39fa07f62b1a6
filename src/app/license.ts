import type { LicenseResponse } from '../schemas/license.js';

/** The license handshake's answer: the mock applies no rate limit, so every project has one tier, its own. */
export const licenseHandshake = (): LicenseResponse => ({ rateLimitTier: 'descope-mock' });
