import * as z from 'zod/mini';
import { requiredText } from '../http/constraints.js';

/**
 * Body of `POST /partners/authenticate/verify`. The keys travel in the body only (never in a URL, where access
 * logs would keep them). Lengths are generous bounds; a key of the wrong shape is answered "not found".
 */
export const verifyRequest = z.object({
  partnerId: requiredText(1, 64),
  apiKey: requiredText(1, 256),
  mispLicenseKey: requiredText(1, 256),
  certificateThumbprint: z.optional(z.string().check(z.maxLength(256))),
});
