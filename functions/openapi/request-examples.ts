/*
 * Request members shared by the route table's examples (shown in the OpenAPI documents) and by the tests that need
 * a well-formed call. test/unit/openapi-examples.test.ts checks every example against its schemas.
 */

/** A realistic data-share (and credential-issuance) policy that MOSIP's schema accepts. */
export const DATA_SHARE_POLICY = {
  dataSharePolicies: {
    typeOfShare: 'Data Share',
    validForInMinutes: '30',
    transactionsAllowed: '2',
    encryptionType: 'Partner Based',
    shareDomain: 'datashare.datashare',
    source: 'ID Repository',
  },
  shareableAttributes: [{ attributeName: 'fullName', source: [{ attribute: 'fullName' }], encrypted: true }],
};

/** A minimal auth policy that MOSIP's schema accepts. */
export const AUTH_POLICY = {
  authTokenType: 'partner',
  allowedAuthTypes: [{ authType: 'otp', mandatory: true }],
  allowedKycAttributes: [{ attributeName: 'fullName' }],
};

/** MOSIP's SearchDto: one filter on `column`, newest first, the first page of ten. */
export function searchExample(column: string, type: string, value: string) {
  return {
    filters: [{ columnName: column, type, value }],
    sort: [{ sortField: 'crDtimes', sortType: 'desc' }],
    pagination: { pageStart: 0, pageFetch: 10 },
  };
}

/** MOSIP's FilterValueDto: the distinct values of `column`. */
export function filterValuesExample(column: string) {
  return { filters: [{ columnName: column, type: 'unique', text: '' }], optionalFilters: [] };
}
