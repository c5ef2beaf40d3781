/** A policy group as stored. */
export interface PolicyGroup {
  id: string;
  name: string;
  desc: string;
  isActive: boolean;
  crBy: string;
  crDtimes: string;
  updBy: string | null;
  updDtimes: string | null;
  /** Kept in the same transactions that create, publish or deactivate a policy of the group. */
  activePolicyCount: number;
  draftPolicyCount: number;
  /** Optimistic-concurrency counter; every change to the group or its counters increments it. */
  revision: number;
}
