import { expiryNoticeDeps } from '../../adapters/job-wiring.js';
import { sendExpiryNotices } from '../../domain/notifications/expiry-notices.js';
import { scheduledJobHandler } from '../../jobs/job-handler.js';

export const handler = scheduledJobHandler('expiry-notifications', (clock) => sendExpiryNotices(expiryNoticeDeps(clock)));
