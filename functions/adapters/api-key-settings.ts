import type { WholeNumberRange } from '../config/env.js';

/** The cap on a partner's active API keys per policy: set on the functions that switch keys on (generate, activate, re-point). */
export const API_KEYS_PER_POLICY_MAX_ENV = 'API_KEYS_PER_POLICY_MAX';

/**
 * A partner needs a few active keys per policy: one per application or environment that calls IDA, and a second
 * one for each while it rotates (the new key is made before the old one is switched off). 25 leaves room for
 * that, while one partner can add no more than that to the key lists and to the reads of its keys.
 */
export const DEFAULT_API_KEYS_PER_POLICY_MAX = 25;

export const API_KEYS_PER_POLICY_RANGE: WholeNumberRange = { min: 1, max: 10_000, unit: 'API keys' };
