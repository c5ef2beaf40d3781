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
