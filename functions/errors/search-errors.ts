import type { ErrorDefinition } from './pms-error.js';

/** Legacy search and filter-value codes (pms-common SearchErrorCode and ValidationErrorCode). */
export const SEARCH_ERRORS = {
  INVALID_COLUMN: { code: 'PMS-MSD-310', message: 'Invalid column received : %s' },
  MISSING_FILTER_COLUMN: { code: 'PMS-MSD-311', message: 'Column is missing in request' },
  FILTER_TYPE_NOT_AVAILABLE: { code: 'PMS-MSD-312', message: 'Filter type is missing' },
  INVALID_PAGINATION_VALUE: { code: 'PMS-MSD-313', message: 'Invalid pagination value received pagestart:%d and pagefetch:%d' },
  INVALID_SORT_INPUT: { code: 'PMS-MSD-314', message: 'Missing sort field or sort type values' },
  INVALID_BETWEEN_VALUES: { code: 'PMS-MSD-315', message: 'Invalid fromValue or toValue' },
  COLUMN_DOESNT_EXIST: { code: 'PMS-MSD-317', message: "Column %s doesn't exist for the searched entity" },
  FILTER_NOT_SUPPORTED: { code: 'PMS-MSD-318', message: "Column %s doesn't support filter type %s" },
  NO_FILTER_COLUMN_FOUND: { code: 'PMS-MSD-322', message: 'Filter Type cannot be empty or null' },
  FILTER_COLUMN_NOT_SUPPORTED: { code: 'PMS-MSD-324', message: 'Received Filter Type not supported' },
  INVALID_SORT_FIELD: { code: 'PMS-MSD-357', message: 'Invalid sort field %s' },
  INVALID_SORT_TYPE: { code: 'PMS-MSD-358', message: 'Sort type %s is not supported' },
  INVALID_VALUE: { code: 'PMS-MSD-390', message: 'Invalid filter value' },
  INVALID_VALUES: { code: 'PMS-MSD-391', message: 'Invalid filter values' },
  INVALID_VALUE_VALUES: { code: 'PMS-MSD-392', message: 'Both value and values cannot be present' },
} as const satisfies Record<string, ErrorDefinition>;
