/**
 * The only settings `GET /policies/config/{key}` reveals (MOSIP returns any property by name, secrets included).
 * Policy and credential types are MOSIP's configured defaults; the KYC attribute and auth type lists follow
 * MOSIP's default identity schema and auth-policy documentation. Nothing secret may ever be added here.
 */
export const UI_CONFIG: Readonly<Record<string, string>> = {
  'pmp.allowed.policy.types': 'Auth,DataShare,CredentialIssuance,MISP',
  'pmp.allowed.credential.types': 'auth,qrcode,euin,reprint,vercred,opencrvs',
  'pmp.allowed.kyc.attributes':
    'fullName,firstName,middleName,lastName,gender,dateOfBirth,age,phone,email,addressLine1,addressLine2,addressLine3,city,province,region,postalCode,zone,preferredLang,photo,individualBiometrics',
  'pmp.allowed.auth.types': 'otp,otp-request,demo,bio,kyc',
};
