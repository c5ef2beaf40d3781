import type { WholeNumberRange } from '../config/env.js';

/** How long a new MISP license is valid: set on the functions that make one (generate, regenerate). */
export const MISP_LICENSE_VALIDITY_DAYS_ENV = 'MISP_LICENSE_VALIDITY_DAYS';

/**
 * A year. MOSIP's deployed configuration sets `mosip.pmp.misp.license.expiry.period.indays` to 999999, a license
 * that outlives the system (year 4764); a yearly renewal is what the expiry notices (30 days ahead) are for.
 */
export const DEFAULT_MISP_LICENSE_VALIDITY_DAYS = 365;

/** Up to ten years: a longer default would again be a license that never expires; one regeneration may still ask for more. */
export const MISP_LICENSE_VALIDITY_RANGE: WholeNumberRange = { min: 1, max: 3650, unit: 'days' };
