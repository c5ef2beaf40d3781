/** A partner's request to use a published policy (MOSIP partner_policy_request). Decided by a partner admin. */
export type PolicyRequestStatus = 'InProgress' | 'approved' | 'rejected';

export interface PolicyRequest {
  mappingKey: string;
  partnerId: string;
  policyId: string;
  status: PolicyRequestStatus;
  requestDetail: string;
  crBy: string;
  crDtimes: string;
  updBy: string | null;
  updDtimes: string | null;
  revision: number;
}
