import { optionalEnv } from '../config/env.js';
import type { ExpireCredentialsDeps } from '../domain/expiry/expire-credentials.js';
import type { ExpiryNoticeDeps } from '../domain/notifications/expiry-notices.js';
import type { Clock } from '../domain/ports.js';
import { dynamoApiKeyRepository } from './dynamodb/api-key-repository.js';
import { tableContext } from './dynamodb/client.js';
import { dynamoDeviceRepository } from './dynamodb/device-repository.js';
import { dynamoExpiryCalendar } from './dynamodb/expiry-calendar.js';
import { dynamoJobProgress } from './dynamodb/job-progress.js';
import { dynamoMispLicenseRepository } from './dynamodb/misp-license-repository.js';
import { dynamoNotificationRepository } from './dynamodb/notification-repository.js';
import { dynamoPartnerRepository } from './dynamodb/partner-repository.js';
import { dynamoPolicyGroupRepository } from './dynamodb/policy-group-repository.js';
import { dynamoPolicyRepository } from './dynamodb/policy-repository.js';
import { uuidIds } from './ids.js';
import { once } from './once.js';

/** The scheduled jobs' adapters, built once per container; each run brings the clock of its scheduled time. */
const expiryJobAdapters = /* @__PURE__ */ once(() => {
  const table = tableContext();
  return {
    apiKeys: dynamoApiKeyRepository(table),
    licenses: dynamoMispLicenseRepository(table),
    devices: dynamoDeviceRepository(table),
    policies: dynamoPolicyRepository(table),
    calendar: dynamoExpiryCalendar(table),
    progress: dynamoJobProgress(table),
    notifications: dynamoNotificationRepository(table),
    partners: dynamoPartnerRepository(table),
    groups: dynamoPolicyGroupRepository(table),
    ids: uuidIds,
  };
});

export const expireCredentialsDeps = (clock: Clock): ExpireCredentialsDeps => ({ ...expiryJobAdapters(), clock });

/**
 * Mails are on when the deployment names a sending identity (`PMS_MAIL_FROM`; always locally). Admin
 * notifications go to one partner-admin distribution list (`PMS_ADMIN_NOTIFICATION_EMAIL`, in
 * `PMS_ADMIN_NOTIFICATION_LANGUAGE`, default eng): PMS keeps no directory of admin users.
 */
function mailSettings(): ExpiryNoticeDeps['mail'] {
  if (!optionalEnv('PMS_MAIL_FROM')) return null;
  const to = optionalEnv('PMS_ADMIN_NOTIFICATION_EMAIL');
  return { adminList: to ? { to, language: optionalEnv('PMS_ADMIN_NOTIFICATION_LANGUAGE') ?? 'eng' } : null };
}

export const expiryNoticeDeps = (clock: Clock): ExpiryNoticeDeps => ({ ...expiryJobAdapters(), mail: mailSettings(), clock });
