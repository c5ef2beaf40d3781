import { CERTIFICATE_ERRORS } from '../../errors/certificate-errors.js';
import { FTM_CHIP_ERRORS, LEGACY_FTM_CHIP_ERRORS } from '../../errors/ftm-chip-errors.js';
import { PmsError, withArguments } from '../../errors/pms-error.js';
import type { Caller } from '../caller.js';
import { certificatePair } from '../certificates/stored-certificates.js';
import { derivedStatus } from '../devices/approval.js';
import { callerPartners, ownProvider } from '../devices/provider-access.js';
import { localDateTime } from '../mosip-dates.js';
import { ownChip } from './chip-commands.js';
import type { FtmChip } from './ftm-chip.js';
import type { FtmChipDeps } from './ports.js';

/** MOSIP `mosip.pms.ftm.id.regex`. */
const FTM_ID = /^[0-9]{1,36}$/;

/**
 * `GET /ftpchipdetail/{ftmId}/certificate-data` (MOSIP's getFtmCertificateData): the uploaded and the MOSIP-signed
 * certificate of a chip with their validity, each replaced by "" with its flag set once expired (the "upload" times
 * are each certificate's notBefore, as MOSIP's). MOSIP's order: the id's form (PMS_PRT_099), the caller's partners
 * (PMS_CERTIFICATE_ERROR_002), the chip (005), a non-admin's own active provider (006, PMS_PMP_016), not rejected
 * (008), a certificate uploaded (011), not deactivated (009).
 */
export async function chipCertificateData(deps: FtmChipDeps, caller: Caller, ftmId: string) {
  if (!FTM_ID.test(ftmId)) {
    throw new PmsError(withArguments(CERTIFICATE_ERRORS.INVALID_INPUT_FORMAT, 'ftmId', 'Only digits (0-9), with a maximum length of 36 characters'));
  }
  const owned = await callerPartners(deps, caller);
  const chip = await deps.chips.getChip(ftmId);
  if (!chip) throw new PmsError(FTM_CHIP_ERRORS.FTM_NOT_EXISTS);
  ownProvider(owned, caller, chip.ftpProviderId, FTM_CHIP_ERRORS.FTM_NOT_ASSOCIATED_WITH_USER);
  const status = derivedStatus(chip);
  if (status === 'rejected') throw new PmsError(FTM_CHIP_ERRORS.DOWNLOAD_CERTIFICATE_FTM_REJECTED_ERROR);
  if (status === 'pending_cert_upload' || chip.certificate === null) throw new PmsError(FTM_CHIP_ERRORS.DOWNLOAD_CERTIFICATE_FTM_CERT_NOT_UPLOAD_ERROR);
  if (status === 'deactivated') throw new PmsError(FTM_CHIP_ERRORS.DOWNLOAD_CERTIFICATE_FTM_DEACTIVATED_ERROR);
  const record = await currentCertificate(deps, chip);
  if (!record) throw new PmsError(FTM_CHIP_ERRORS.UNABLE_TO_DOWNLOAD_ORIGINAL_FTM_CERTIFICATE);
  return {
    ...certificatePair(record, deps.clock.now()),
    caSignedCertUploadDateTime: localDateTime(chip.certificate.notBefore),
    caSignedCertExpiryDateTime: localDateTime(record.notAfter),
    mosipSignedCertUploadDateTime: localDateTime(chip.certificate.signedNotBefore),
    mosipSignedCertExpiryDateTime: localDateTime(record.signedNotAfter),
  };
}

/**
 * Legacy `GET /ftpchipdetail/getPartnerCertificate/{ftpChipDetailId}` (#getCertificate): the chip's MOSIP-signed
 * certificate, PMP_AUT_033 before an upload. MOSIP serves anyone's chip and answers an unknown one with a null
 * response; ours serves the caller's own chips (admins: every chip) and answers an unknown or another provider's
 * chip with PMP_AUT_031.
 */
export async function chipCertificateLegacy(deps: FtmChipDeps, caller: Caller, ftmId: string) {
  const chip = await ownChip(deps, caller, ftmId);
  const record = chip.certificate ? await currentCertificate(deps, chip) : undefined;
  if (!record) throw new PmsError(LEGACY_FTM_CHIP_ERRORS.FTP_CERT_NOT_UPLOADED);
  return { certificateData: record.signedPem, timestamp: localDateTime(deps.clock.now().toISOString()) };
}

function currentCertificate(deps: Pick<FtmChipDeps, 'chips'>, chip: FtmChip) {
  return chip.certificate ? deps.chips.getChipCertificate(chip.id, chip.certificate.certificateId) : Promise.resolve(undefined);
}
