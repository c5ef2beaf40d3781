import * as z from 'zod/mini';
import { optionalBoolean, requiredText } from '../http/constraints.js';

/** PolicyGroupCreateRequestDto: name @NotBlank @Size(1,128), desc @NotBlank @Size(1,256). */
export const createPolicyGroupRequest = z.object({
  name: requiredText(1, 128),
  desc: requiredText(1, 256),
});

/** PolicyGroupUpdateRequestDto: as create, plus an optional isActive. */
export const updatePolicyGroupRequest = z.object({
  name: requiredText(1, 128),
  desc: requiredText(1, 256),
  isActive: optionalBoolean(),
});

/** The revamp deactivation body; the value itself is checked by the operation (PMS_POL_073). */
export const deactivateRequest = z.object({
  status: z.optional(z.nullable(z.string({ error: 'must be a string' }))),
});
