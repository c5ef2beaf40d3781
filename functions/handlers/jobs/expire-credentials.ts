import { expireCredentialsDeps } from '../../adapters/job-wiring.js';
import { expireCredentials } from '../../domain/expiry/expire-credentials.js';
import { scheduledJobHandler } from '../../jobs/job-handler.js';

export const handler = scheduledJobHandler('expire-credentials', (clock) => expireCredentials(expireCredentialsDeps(clock)));
