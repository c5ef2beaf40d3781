import { expiryNoticeDeps } from '../../adapters/job-wiring.js';
import { sendWeeklySummary } from '../../domain/notifications/weekly-summary.js';
import { scheduledJobHandler } from '../../jobs/job-handler.js';

export const handler = scheduledJobHandler('weekly-summary', (clock) => sendWeeklySummary(expiryNoticeDeps(clock)));
