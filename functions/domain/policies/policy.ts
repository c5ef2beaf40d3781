/** A policy as stored. `status` is MOSIP's derived status (draft / activated / deactivated), kept explicit. */
export const POLICY_STATUSES = ['draft', 'activated', 'deactivated'] as const;
export type PolicyStatus = (typeof POLICY_STATUSES)[number];

export interface Policy {
  id: string;
  policyGroupId: string;
  name: string;
  desc: string;
  policyType: string;
  /** MOSIP's policy version string (e.g. "1.0"), not our concurrency counter. */
  version: string;
  policies: unknown;
  /** Set when published (MOSIP's `policy_schema`). */
  schema: string | null;
  status: PolicyStatus;
  validFromDate: string;
  validToDate: string;
  publishDate: string | null;
  crBy: string;
  crDtimes: string;
  updBy: string | null;
  updDtimes: string | null;
  /**
   * Partner-policy requests on this policy that are pending / approved, kept in the requests' own transactions:
   * deactivation is refused while either is above 0, even under concurrent requests.
   */
  pendingRequestCount: number;
  approvedRequestCount: number;
  /** Optimistic-concurrency counter. */
  revision: number;
}
