import { PmsError } from '../../errors/pms-error.js';
import { POLICY_LINK_ERRORS } from '../../errors/policy-link-errors.js';
import { type ApiKey, maskedApiKey } from '../api-keys/api-key.js';
import type { ApiKeyRepository } from '../api-keys/ports.js';
import type { Caller } from '../caller.js';
import { isUsable } from '../credentials.js';
import { partnerOf } from '../partners/ownership.js';
import type { PartnerRepository } from '../partners/ports.js';
import type { Clock } from '../ports.js';
import type { PolicyRequest } from './policy-request.js';
import type { PolicyRequestListReader } from './request-list-queries.js';

export interface LegacyRequestDeps {
  reader: Pick<PolicyRequestListReader, 'allRequests' | 'requestsOfPartner' | 'partnersByIds'>;
  partners: Pick<PartnerRepository, 'getPartner'>;
  apiKeys: Pick<ApiKeyRepository, 'keysOfPartner'>;
  clock: Clock;
}

/**
 * `GET /partners/{partnerId}/apikey/request` (PartnerServiceImpl#retrieveAllApiKeyRequestsSubmittedByPartner): a
 * partner's policy requests, oldest first, as MOSIP's APIkeyRequests. MOSIP looks only for the requests, so a
 * missing partner has none (PMS_PRT_006), and so has one that is not the caller's (MOSIP checks no owner).
 *
 * MOSIP still reads these as the one-key-per-request model: for an approved request it looks up the key whose value
 * is the request id, which fails since keys have labels. Here an approved request shows its policy's newest key:
 * masked (keys are shown once), whether it is usable and until when.
 */
export async function apiKeyRequestsOfPartner(deps: LegacyRequestDeps, caller: Caller, partnerId: string) {
  await partnerOf(deps.partners, caller, partnerId, POLICY_LINK_ERRORS.PARTNER_REQUESTS_DO_NOT_EXIST);
  const requests = await deps.reader.requestsOfPartner(partnerId);
  if (requests.length === 0) throw new PmsError(POLICY_LINK_ERRORS.PARTNER_REQUESTS_DO_NOT_EXIST);
  const newestKeys = requests.some((request) => request.status === 'approved') ? newestKeyPerPolicy(await deps.apiKeys.keysOfPartner(partnerId)) : new Map();
  const now = deps.clock.now();
  return oldestFirst(requests).map((request) => {
    const key = request.status === 'approved' ? newestKeys.get(request.policyId) : undefined;
    return {
      apiKeyReqID: request.mappingKey,
      apiKeyRequestStatus: request.status,
      partnerApiKey: key ? maskedApiKey(key) : null,
      apikeyStatus: key ? isUsable(key, now) : false,
      validityTill: key?.validToDatetime ?? null,
    };
  });
}

/**
 * `GET /partners/apikey` (PartnerManagementServiceImpl#getAllPartnerAPIKeyRequestsAsReceivedByPartnerManagers,
 * partner admins only, deprecated for `GET /partner-policy-requests`): every policy request, oldest first, with its
 * partner's name; PMS_PMP_015 when there is none.
 */
export async function allApiKeyRequests(deps: Pick<LegacyRequestDeps, 'reader'>) {
  const requests = await deps.reader.allRequests();
  if (requests.length === 0) throw new PmsError(POLICY_LINK_ERRORS.NO_REQUESTS);
  const partners = new Map((await deps.reader.partnersByIds(requests.map((request) => request.partnerId))).map((partner) => [partner.id, partner]));
  return {
    apikeyRequests: oldestFirst(requests).map((request) => ({
      partnerID: request.partnerId,
      status: request.status,
      organizationName: partners.get(request.partnerId)?.organizationName ?? null,
      policyId: request.policyId,
      policyDesc: request.requestDetail,
      apiKeyReqNo: request.mappingKey,
    })),
  };
}

function oldestFirst(requests: readonly PolicyRequest[]): PolicyRequest[] {
  return [...requests].sort((a, b) => a.crDtimes.localeCompare(b.crDtimes) || a.mappingKey.localeCompare(b.mappingKey));
}

function newestKeyPerPolicy(keys: readonly ApiKey[]): Map<string, ApiKey> {
  const newest = new Map<string, ApiKey>();
  for (const key of keys) {
    const current = newest.get(key.policyId);
    if (!current || key.crDtimes > current.crDtimes) newest.set(key.policyId, key);
  }
  return newest;
}
