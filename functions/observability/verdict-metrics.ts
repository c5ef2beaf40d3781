import { PmsError } from '../errors/pms-error.js';
import { count } from './metrics.js';

/**
 * Counts a key verification's verdict: `verificationAllowed` when the keys verify, `verificationDenied` when the
 * domain refuses them. A failure of the service itself is neither, and only shows in the request metrics.
 */
export function countingVerdicts<Input, Result>(verify: (input: Input) => Promise<Result>): (input: Input) => Promise<Result> {
  return async (input) => {
    try {
      const result = await verify(input);
      count('verificationAllowed');
      return result;
    } catch (error) {
      if (error instanceof PmsError) count('verificationDenied');
      throw error;
    }
  };
}
