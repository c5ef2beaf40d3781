import { oldestFirst, organisationNames, type ProviderScope } from '../devices/provider-scope.js';
import type { Partner } from '../partners/partner.js';
import { CHIP_STATUSES, type FtmChip } from './ftm-chip.js';
import type { FtmChipDeps } from './ports.js';

/** The chips of some providers, oldest first, each provider's read from its own partition. */
export async function chipsOfProviders(deps: Pick<FtmChipDeps, 'chips'>, providers: readonly Pick<Partner, 'id'>[]): Promise<FtmChip[]> {
  return oldestFirst((await Promise.all(providers.map((partner) => deps.chips.chipsOfProvider(partner.id)))).flat());
}

/**
 * Every chip in the scope, oldest first: an admin's from the status index (only `status`'s partition when a list
 * filters by one; the caller still filters), a provider's from its own partitions.
 */
export async function chipsInScope(deps: Pick<FtmChipDeps, 'chips'>, scope: ProviderScope, status?: string): Promise<FtmChip[]> {
  if (scope.own) return chipsOfProviders(deps, scope.own);
  const statuses = CHIP_STATUSES.filter((candidate) => !status || candidate === status);
  return oldestFirst((await Promise.all(statuses.map((candidate) => deps.chips.chipsInStatus(candidate)))).flat());
}

/** A chip with its provider's organisation (MOSIP copies the name onto the chip; we join it). */
export interface ChipRow {
  chip: FtmChip;
  orgName: string | null;
}

/** The chips in the scope (as chipsInScope reads them), each with its provider's organisation. */
export async function chipRows(deps: Pick<FtmChipDeps, 'chips' | 'partners'>, scope: ProviderScope, status?: string): Promise<ChipRow[]> {
  const chips = await chipsInScope(deps, scope, status);
  const names = await organisationNames(
    deps,
    scope,
    chips.map((chip) => chip.ftpProviderId),
  );
  return chips.map((chip) => ({ chip, orgName: names.get(chip.ftpProviderId) ?? null }));
}
