/**
 * A personal field as stored (a partner's or contact's e-mail, phone or address): ciphertext under a data key from
 * KMS. It is an object, not a string, so that it cannot reach a response, a log line or a comparison by accident:
 * only `reveal` turns it back into text.
 */
export interface SealedText {
  readonly sealed: string;
}

/**
 * Per-field protection of personal data, as MOSIP's keymanager gives PMS: encryption under KMS data keys, and a
 * keyed hash (never the address itself) to find a partner by e-mail. Each function may use only what its route or
 * job row declares (functions/routes/personal-data-access.ts).
 */
export interface PersonalDataProtector {
  seal(text: string): Promise<SealedText>;
  reveal(sealed: SealedText): Promise<string>;
  /** The keyed hash of an e-mail, compared normalised (case, Unicode form, surrounding spaces). */
  emailLookup(email: string): Promise<string>;
}

/** E-mail addresses compared for uniqueness: trimmed and lower-cased (MOSIP hashes the lower-cased address). */
export function normaliseEmail(email: string): string {
  return email.normalize('NFKC').trim().toLowerCase();
}

/** The e-mail, phone and address a partner or contact keeps, sealed as stored. */
export interface SealedContactDetails {
  emailId: SealedText;
  contactNumber: SealedText;
  address: SealedText;
}

/** The same, readable: only views and mails ask for it. */
export interface ContactDetails {
  emailId: string;
  contactNumber: string;
  address: string;
}

export type Revealed<T extends SealedContactDetails> = Omit<T, keyof SealedContactDetails> & ContactDetails;

export async function sealContactDetails(protector: Pick<PersonalDataProtector, 'seal'>, details: ContactDetails): Promise<SealedContactDetails> {
  const [emailId, contactNumber, address] = await Promise.all([
    protector.seal(details.emailId),
    protector.seal(details.contactNumber),
    protector.seal(details.address),
  ]);
  return { emailId, contactNumber, address };
}

/** The object with its personal fields readable, for a view or a mail. */
export async function revealed<T extends SealedContactDetails>(protector: Pick<PersonalDataProtector, 'reveal'>, item: T): Promise<Revealed<T>> {
  const [emailId, contactNumber, address] = await Promise.all([
    protector.reveal(item.emailId),
    protector.reveal(item.contactNumber),
    protector.reveal(item.address),
  ]);
  return { ...item, emailId, contactNumber, address };
}
