import { type ErrorDefinition, PmsError } from '../../../errors/pms-error.js';

/** A certificate refusal: MOSIP's message followed by what is wrong, in parentheses. */
export function refusal(definition: ErrorDefinition, detail: string): PmsError {
  return new PmsError(definition, ` (${detail})`);
}
