/** CDK context selecting an existing Keycloak realm instead of the Cognito user pool. */
export const KEYCLOAK_CONTEXT = {
  identity: 'keycloak',
  keycloakIssuer: 'https://iam.example.org/realms/mosip',
  keycloakAudience: 'mosip-pms-client',
};
