import type { Clock } from '../domain/ports.js';
import type { ExpireCredentialsDeps } from '../domain/expiry/expire-credentials.js';
import { tableContext } from './dynamodb/client.js';
import { dynamoApiKeyRepository } from './dynamodb/api-key-repository.js';
import { dynamoExpiryCalendar } from './dynamodb/expiry-calendar.js';
import { dynamoJobProgress } from './dynamodb/job-progress.js';
import { dynamoMispLicenseRepository } from './dynamodb/misp-license-repository.js';
import { dynamoPolicyRepository } from './dynamodb/policy-repository.js';
import { uuidIds } from './ids.js';
import { once } from './wiring.js';

/** The scheduled jobs' adapters, built once per container; each run brings the clock of its scheduled time. */
const expiryJobAdapters = once(() => {
  const table = tableContext();
  return {
    apiKeys: dynamoApiKeyRepository(table),
    licenses: dynamoMispLicenseRepository(table),
    policies: dynamoPolicyRepository(table),
    calendar: dynamoExpiryCalendar(table),
    progress: dynamoJobProgress(table),
    ids: uuidIds,
  };
});

export const expireCredentialsDeps = (clock: Clock): ExpireCredentialsDeps => ({ ...expiryJobAdapters(), clock });
