import * as z from 'zod/mini';
import { DEACTIVATE_STATUS } from '../domain/status-words.js';
import { optionalBoolean, requiredText } from '../http/constraints.js';
import { allowedWords } from './documented.js';

// MOSIP's own messages; note the create and update DTOs word the size message differently.
const EMPTY = 'value is empty or null';

/** PolicyGroupCreateRequestDto. */
export const createPolicyGroupRequest = z.object({
  name: requiredText(1, 128, { blank: EMPTY, size: 'Length should be in between 1 and 128 chars' }),
  desc: requiredText(1, 256, { blank: EMPTY, size: 'Length should be in between 1 and 256 chars' }),
});

/** PolicyGroupUpdateRequestDto. */
export const updatePolicyGroupRequest = z.object({
  name: requiredText(1, 128, { blank: EMPTY, size: 'Length should be between 1 and 128 chars' }),
  desc: requiredText(1, 256, { blank: EMPTY, size: 'Length should be between 1 and 256 chars' }),
  isActive: optionalBoolean(),
});

/** DeactivateRequestDto; the value itself is checked by the operation (PMS_POL_073), as MOSIP does. */
export const deactivateRequest = z.object({
  status: allowedWords(z.optional(z.nullable(z.string({ error: 'must be a string' }))), [DEACTIVATE_STATUS], 'Exactly'),
});
