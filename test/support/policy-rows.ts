import type { Policy, PolicyStatus } from '../../functions/domain/policies/policy.js';
import type { PolicyWithGroup } from '../../functions/domain/policies/policy-lists.js';

/** Five policies in two groups, for the policy list and search unit tests. */

export const POLICY_GROUP_NAMES = { 'grp-1': 'Zeta group', 'grp-2': 'Auth_Share group' } as const;

function policyRow(
  id: string,
  policyType: string,
  name: string,
  desc: string,
  groupId: keyof typeof POLICY_GROUP_NAMES,
  status: PolicyStatus,
  day: number,
): PolicyWithGroup {
  const crDtimes = `2026-01-0${day}T08:30:15.250Z`;
  const policy = {
    id,
    policyGroupId: groupId,
    name,
    desc,
    policyType,
    version: '1.0',
    policies: { allowedKycAttributes: [{ attributeName: 'fullName' }] },
    schema: status === 'draft' ? null : 'https://schemas/auth.json',
    status,
    validFromDate: crDtimes,
    validToDate: '2226-01-01T00:00:00.000Z',
    publishDate: status === 'draft' ? null : crDtimes,
    crBy: 'admin',
    crDtimes,
    updBy: null,
    updDtimes: null,
    pendingRequestCount: 0,
    approvedRequestCount: 0,
    revision: 0,
  } as Policy;
  return { policy, groupName: POLICY_GROUP_NAMES[groupId] };
}

// Created out of id order, so that the default order (oldest first) and ties are visible: 102, 204, 101, 305, 203.
export const POLICY_ROWS: readonly PolicyWithGroup[] = [
  policyRow('101', 'Auth', 'Alpha auth', 'First policy', 'grp-1', 'activated', 3),
  policyRow('102', 'DataShare', 'beta share', 'second POLICY', 'grp-2', 'draft', 1),
  policyRow('203', 'Auth', 'Gamma_auth', 'third', 'grp-2', 'deactivated', 5),
  policyRow('204', 'CredentialIssuance', 'delta cred', 'fourth', 'grp-1', 'draft', 2),
  policyRow('305', 'MISP', 'Epsilon', 'fifth 100%', 'grp-1', 'activated', 4),
];
