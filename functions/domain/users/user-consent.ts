/**
 * A user's consent to PMS keeping the data its portal captures (MOSIP `user_details`). Stored only once given;
 * there is no way to withdraw it, as in MOSIP.
 */
export interface UserConsent {
  userId: string;
  /** When the user last confirmed their consent (MOSIP moves it on every confirmation). */
  consentGivenDtimes: string;
  crBy: string;
  crDtimes: string;
  updBy: string | null;
  updDtimes: string | null;
}
