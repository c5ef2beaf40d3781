/*
 * MOSIP's request status words, each vocabulary once: the operations compare what a request says with these lists,
 * and the OpenAPI documents show them as the allowed values (functions/openapi/openapi-document.ts). The request
 * schemas still accept any string, so that a wrong word gets MOSIP's business code, not a schema error.
 */

/** Partners (PMS_PM_058), API keys (PMS_PM_058), MISP licenses (PMS_MSP_407) and MOSIP's legacy policy status (PMS_POL_045): any case. */
export const ACTIVATION_STATUSES = ['Active', 'De-Active'] as const;

/** The one status the deactivation endpoints of policy groups, policies, SBIs, devices and FTM chips take, exactly (PMS_POL_073, PMS_DEVICE_ERROR_026). */
export const DEACTIVATE_STATUS = 'De-Activate';

/** MOSIP's legacy SBI and device decisions, exactly (PMS_AUT_026, PMS_AUT_025). */
export const LEGACY_DECISIONS = ['Activate', 'De-activate'] as const;

/** A partner admin's decision on a policy request (any case, PMS_PM_045) or on a device (exactly, PMS_DEVICE_ERROR_027). */
export const DECISIONS = ['approved', 'rejected'] as const;

/** Whether a lowercased request word is one of `words`, as MOSIP's `equalsIgnoreCase` compares. */
export function isWordInAnyCase(words: readonly string[], lowercased: string): boolean {
  return words.some((word) => word.toLowerCase() === lowercased);
}
