import { randomBytes, randomUUID } from 'node:crypto';
import type { IdGenerator } from '../domain/ports.js';

/** Object ids are random UUIDs (MOSIP uses random integers below 100000, which collide). */
export const uuidIds: IdGenerator = { newId: () => randomUUID() };

const SMALLEST_18_DIGITS = 10n ** 17n;

/**
 * FTM chip ids: MOSIP's must be digits (`mosip.pms.ftm.id.regex`), and its own are random integers below 100000;
 * ours are 18 random digits (about 60 bits), not guessable and, through the conditional put, never reused.
 */
export const numericIds: IdGenerator = {
  newId: () => (SMALLEST_18_DIGITS + (BigInt(`0x${randomBytes(8).toString('hex')}`) % (9n * SMALLEST_18_DIGITS))).toString(),
};
