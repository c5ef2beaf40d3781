import { PARTNER_ERRORS } from '../../errors/partner-errors.js';
import { PmsError } from '../../errors/pms-error.js';
import type { AdminPartnersQuery } from '../../schemas/partner-admin.js';
import { revealed } from '../personal-data/personal-data.js';
import { adminPartnersPage, adminPartnersRequest, adminPartnersWindow, adminPartnersWindowPage } from './admin-list.js';
import { partnerDetailsV3 } from './admin-views.js';
import type { Partner } from './partner.js';
import { PARTNER_TYPES } from './partner-types.js';
import type { PartnerAdminDeps, PendingQueue } from './ports.js';
import { partnerWithProfile, retrievedPartnerSummary } from './views.js';

type Readers = Pick<PartnerAdminDeps, 'partners' | 'groups' | 'personalData'>;

/**
 * `GET /admin-partners`: each partner with its group's name. An unfiltered page in registration order is a window
 * of the partner index with the counter's total; any other page filters and sorts every partner in memory.
 */
export async function listAdminPartners(deps: Readers & Pick<PartnerAdminDeps, 'partnerList'>, query: AdminPartnersQuery) {
  const request = adminPartnersRequest(query);
  const emailLookup = query.emailAddress === undefined ? undefined : await deps.personalData.emailLookup(query.emailAddress);
  const [total, groups] = await Promise.all([deps.partnerList.count(), deps.groups.listGroups()]);
  const groupNames = new Map(groups.map((group) => [group.id, group.name]));
  const withGroupName = (partners: readonly Partner[]) =>
    partners.map((partner) => ({ partner, groupName: partner.policyGroupId ? (groupNames.get(partner.policyGroupId) ?? null) : null }));
  const window = adminPartnersWindow(request, emailLookup, total);
  if (window) return adminPartnersWindowPage(deps.personalData, withGroupName(await deps.partnerList.window(window)), window, request, total);
  return adminPartnersPage(deps.personalData, withGroupName(await deps.partnerList.all()), request, emailLookup);
}

/**
 * `GET /admin-partners/{partnerId}` (PartnerManagementServiceImpl#getPartnerDetails). Unlike MOSIP, the admin
 * need not own a partner of their own (PMS_CERTIFICATE_ERROR_002), and a partner type that needs no policy
 * group may have none: MOSIP exempts only device and FTM providers, so its admin cannot open a MISP partner.
 */
export async function getPartnerDetails(deps: Readers, partnerId: string) {
  const partner = await deps.partners.getPartner(partnerId);
  if (!partner) throw new PmsError(PARTNER_ERRORS.PARTNER_DOES_NOT_EXIST);
  if (!partner.policyGroupId) {
    if (PARTNER_TYPES[partner.partnerType].policyRequired) throw new PmsError(PARTNER_ERRORS.POLICY_GROUP_ID_EMPTY);
    return partnerDetailsV3(await revealed(deps.personalData, partner), undefined);
  }
  const group = await deps.groups.getGroup(partner.policyGroupId);
  if (!group) throw new PmsError(PARTNER_ERRORS.NO_MATCHING_POLICY_GROUP);
  return partnerDetailsV3(await revealed(deps.personalData, partner), group);
}

/**
 * `GET /partners` and `GET /partners/v2` (PartnerManagementServiceImpl#getAllAuthEKYCPartnersForThePolicyGroup and
 * #getPartners, deprecated by MOSIP for `GET /admin-partners` but still read by MOSIP clients): every partner, or
 * those of one type (compared exactly, as MOSIP's SQL does); none at all is PMS_PMP_013.
 */
export async function listPartnersOfType(deps: Pick<PartnerAdminDeps, 'partners' | 'personalData'>, partnerType: string | undefined) {
  return { partners: (await partnersOfType(deps, partnerType)).map(retrievedPartnerSummary) };
}

/** `GET /partners/v2`: the same, with logo and additional information. */
export async function listPartnersOfTypeV2(deps: Pick<PartnerAdminDeps, 'partners' | 'personalData'>, partnerType: string | undefined) {
  return { partners: (await partnersOfType(deps, partnerType)).map(partnerWithProfile) };
}

/** These lists answer every partner at once, so every partner's personal fields are revealed (bench: partner lists). */
async function partnersOfType(deps: Pick<PartnerAdminDeps, 'partners' | 'personalData'>, partnerType: string | undefined) {
  const partners = await deps.partners.listPartners();
  const wanted = partnerType?.trim() ? partners.filter((partner) => partner.partnerType === partnerType) : partners;
  if (wanted.length === 0) throw new PmsError(PARTNER_ERRORS.NO_PARTNERS);
  return Promise.all(wanted.map((partner) => revealed(deps.personalData, partner)));
}

/**
 * The counts of the admin dashboard. MOSIP has no endpoint for them: its portal asks four lists for one row
 * each (`GET /partner-policy-requests?status=InProgress`, `/securebiometricinterface`, `/devicedetail` and
 * `/ftpchipdetail/v2` with `status=pending_approval`) and shows their `totalResults`. We count each queue on
 * its index in one call.
 */
export async function adminDashboardCounts(deps: Pick<PartnerAdminDeps, 'pendingApprovals'>) {
  const count = (queue: PendingQueue) => deps.pendingApprovals.count(queue);
  const [partnerPolicyRequests, sbis, devices, ftmChips] = await Promise.all([
    count('partnerPolicyRequests'),
    count('sbis'),
    count('devices'),
    count('ftmChips'),
  ]);
  return {
    pendingPartnerPolicyRequests: partnerPolicyRequests,
    pendingSbis: sbis,
    pendingDevices: devices,
    pendingFtmChips: ftmChips,
  };
}
