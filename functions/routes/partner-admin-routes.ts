import { PARTNER_ERRORS } from '../errors/partner-errors.js';
import { adminPartnersQuery, partnerStatusRequest, partnersOfTypeQuery } from '../schemas/partner-admin.js';
import { defineRoute } from './route.js';

const entry = (file: string) => `functions/handlers/partner-admin/${file}.ts`;
const adminService = { domain: 'partner', service: 'partnermanager', access: ['PARTNER_ADMIN'] } as const;

/**
 * MOSIP PartnerManagementController, the partner admin's endpoints, plus the dashboard
 * counts. MOSIP also lets PARTNERMANAGER change a partner's status, and its machine roles (IDA, registration
 * processor, resident, credential service) read the deprecated partner lists; we have no such roles here.
 */
export const partnerAdminRoutes = {
  changePartnerStatus: defineRoute({
    ...adminService,
    operationId: 'changePartnerStatus',
    summary: 'Activate a partner that has a certificate, or deactivate a partner (final)',
    method: 'PATCH',
    tableAccess: 'read-write',
    path: '/partners/{partnerId}',
    envelope: 'V1',
    echoRequestMeta: true,
    body: partnerStatusRequest,
    example: { status: 'De-Active' },
    entry: entry('change-partner-status'),
  }),
  listAdminPartners: defineRoute({
    ...adminService,
    operationId: 'listAdminPartners',
    summary: 'Paged, filtered and sorted list of every partner, for partner admins',
    method: 'GET',
    tableAccess: 'read',
    personalData: ['reveal', 'lookup'],
    path: '/admin-partners',
    envelope: 'V2',
    apiId: 'mosip.pms.admin.partners.get',
    query: adminPartnersQuery,
    fallbackError: PARTNER_ERRORS.FETCH_ALL_PARTNER_DETAILS_ERROR,
    entry: entry('list-admin-partners'),
  }),
  getAdminPartnerDetails: defineRoute({
    ...adminService,
    operationId: 'getAdminPartnerDetails',
    summary: "A partner's details with its policy group and certificate state, for partner admins",
    method: 'GET',
    tableAccess: 'read',
    personalData: ['reveal'],
    path: '/admin-partners/{partnerId}',
    envelope: 'V2',
    apiId: 'mosip.pms.partner.details.get',
    fallbackError: PARTNER_ERRORS.FETCH_PARTNER_DETAILS_ERROR,
    entry: entry('get-admin-partner-details'),
  }),
  listPartnersOfType: defineRoute({
    ...adminService,
    operationId: 'listPartnersOfType',
    summary: 'Deprecated by MOSIP for GET /admin-partners: every partner, or those of one type',
    method: 'GET',
    tableAccess: 'read',
    personalData: ['reveal'],
    path: '/partners',
    envelope: 'V1',
    responseMeta: { id: 'mosip.partnermanagement.partners.retrieve', version: '1.0' },
    query: partnersOfTypeQuery,
    entry: entry('list-partners-of-type'),
  }),
  listPartnersOfTypeV2: defineRoute({
    ...adminService,
    operationId: 'listPartnersOfTypeV2',
    summary: 'Deprecated by MOSIP for GET /admin-partners: every partner, or those of one type, with logo and additional information',
    method: 'GET',
    tableAccess: 'read',
    personalData: ['reveal'],
    path: '/partners/v2',
    envelope: 'V1',
    responseMeta: { id: 'mosip.partnermanagement.partners.retrieve', version: '1.0' },
    query: partnersOfTypeQuery,
    entry: entry('list-partners-of-type-v2'),
  }),
  getAdminDashboardCounts: defineRoute({
    ...adminService,
    operationId: 'getAdminDashboardCounts',
    summary:
      "Not in MOSIP: the admin dashboard counts (pending partner-policy requests, SBIs, devices, FTM chips) in one call; MOSIP's portal reads them as totalResults of four lists",
    method: 'GET',
    tableAccess: 'read',
    path: '/admin-dashboard/counts',
    envelope: 'V2',
    apiId: 'pms.admin.dashboard.counts.get',
    entry: entry('get-admin-dashboard-counts'),
  }),
};
