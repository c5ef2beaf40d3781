import { PARTNER_PAGING_ERRORS } from '../../errors/paging-errors.js';
import type { FtmChipListQuery } from '../../schemas/ftm-chips.js';
import type { Caller } from '../caller.js';
import { derivedStatus } from '../devices/approval.js';
import { EVERY_PROVIDER } from '../devices/provider-scope.js';
import { localDateTime } from '../mosip-dates.js';
import { ownedPartners } from '../partners/ownership.js';
import { checkListQuery, type ListDefinition, listPage } from '../search/list-definition.js';
import type { PageV2 } from '../search/v2-lists.js';
import { type ChipRow, chipRows, chipsOfProviders } from './chip-scope.js';
import { isFtmProvider } from './ftm-chip.js';
import type { FtmChipDeps } from './ports.js';

/** PartnerHelper.ftmAliasToColumnMap and FtmDetailsSummaryRepository's filters (text `LIKE`, status exact). */
const CHIP_LIST: ListDefinition<ChipRow> = {
  columns: {
    ftmId: { read: ({ chip }) => chip.id, filter: 'like', sortable: true },
    partnerId: { read: ({ chip }) => chip.ftpProviderId, filter: 'like', sortable: true },
    orgName: { read: ({ orgName }) => orgName, filter: 'like', sortable: true },
    make: { read: ({ chip }) => chip.make, filter: 'like', sortable: true },
    model: { read: ({ chip }) => chip.model, filter: 'like', sortable: true },
    status: { read: ({ chip }) => derivedStatus(chip), filter: 'exact', sortable: true },
    createdDateTime: { read: ({ chip }) => chip.crDtimes, sortable: true },
  },
  defaultOrder: [{ by: ({ chip }) => chip.crDtimes }, { by: ({ chip }) => chip.id }],
  errors: PARTNER_PAGING_ERRORS,
  sortPairError: PARTNER_PAGING_ERRORS.INVALID_SORT_PARAMETERS,
};

/**
 * `GET /ftpchipdetail/v2` (MOSIP's getPartnersFtmChipDetails), partner admins: every chip, read from the status
 * index (one partition when the status is asked for), joined with its provider's organisation.
 */
export async function listChips(deps: FtmChipDeps, query: FtmChipListQuery): Promise<PageV2<ReturnType<typeof chipSummary>>> {
  const paging = checkListQuery(CHIP_LIST, query);
  const rows = await chipRows(deps, EVERY_PROVIDER, query.status);
  return listPage(CHIP_LIST, rows, query, paging, chipSummary);
}

/** FtmDetailSummaryDto. */
function chipSummary({ chip, orgName }: ChipRow) {
  return {
    ftmId: chip.id,
    partnerId: chip.ftpProviderId,
    orgName,
    make: chip.make,
    model: chip.model,
    status: derivedStatus(chip),
    isActive: chip.isActive,
    isCertificateAvailable: chip.certificate !== null,
    createdDateTime: localDateTime(chip.crDtimes),
  };
}

/**
 * `GET /ftpchipdetail` (MOSIP's getFtmChipDetails): the chips of the caller's FTM providers, oldest first, each with
 * its stored status (the portal derives "deactivated" itself) and its provider's status. The certificate's upload
 * time is the MOSIP-signed certificate's notBefore, its expiry the uploaded certificate's, as MOSIP's. A caller with
 * no FTM provider gets an empty list.
 */
export async function providerChips(deps: FtmChipDeps, caller: Caller) {
  const providers = (await ownedPartners(deps.partners, caller)).filter(isFtmProvider);
  const byId = new Map(providers.map((partner) => [partner.id, partner]));
  const chips = await chipsOfProviders(deps, providers);
  const now = deps.clock.now().toISOString();
  return chips.map((chip) => {
    const certificate = chip.certificate;
    return {
      ftmId: chip.id,
      partnerId: chip.ftpProviderId,
      partnerStatus: derivedStatus(byId.get(chip.ftpProviderId)!),
      make: chip.make,
      model: chip.model,
      status: chip.approvalStatus,
      isActive: chip.isActive,
      isCertificateAvailable: certificate !== null,
      certificateUploadDateTime: localDateTime(certificate?.signedNotBefore ?? null),
      certificateExpiryDateTime: localDateTime(certificate?.notAfter ?? null),
      isCertificateExpired: certificate !== null && certificate.notAfter < now,
      createdDateTime: localDateTime(chip.crDtimes),
    };
  });
}
