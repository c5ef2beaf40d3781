import { randomUUID } from 'node:crypto';
import type { IdGenerator } from '../domain/ports.js';

/** Object ids are random UUIDs (MOSIP uses random integers below 100000, which collide). */
export const uuidIds: IdGenerator = { newId: () => randomUUID() };
