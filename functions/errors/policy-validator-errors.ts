import type { ErrorDefinition } from './pms-error.js';

/** Policy JSON schema validator codes (policy-validator PolicyValidatorErrorConstant). */
export const POLICY_VALIDATOR_ERRORS = {
  SCHEMA_IO_EXCEPTION: { code: 'PMS_PV_001', message: 'Failed to read schema' },
  POLICY_VALIDATION_FAILED: { code: 'PMS_PV_002', message: 'Policy Object validation failed' },
  POLICY_PARSING_FAILED: { code: 'PMS_PV_003', message: 'Failed to parse/convert policy Object' },
  INVALID_POLICY_SCHEMA: { code: 'PMS_PV_004', message: 'Invalid policy schema' },
  INVALID_INPUT_PARAMETER: { code: 'PMS_PV_005', message: 'Invalid input parameter - %s in policy data' },
  MISSING_INPUT_PARAMETER: { code: 'PMS_PV_006', message: 'Missing input parameter - %s in policy data' },
  EXPECTED_INPUT_PARAMETER: { code: 'PMS_PV_007', message: 'Format Error: Expected format is %s.' },
  EMPTY_ARRAY_INPUT_PARAMETER: { code: 'PMS_PV_008', message: 'Empty array is not allowed in %s.' },
  EMPTY_STRING_INPUT_PARAMETER: { code: 'PMS_PV_009', message: 'Empty string is not allowed in %s.' },
} as const satisfies Record<string, ErrorDefinition>;
