import { apiHandler } from '../../http/api-handler.js';
import { platformRoutes } from '../../routes/platform-routes.js';
import { openApiDocument } from '../../openapi/openapi-document.js';

export const handler = apiHandler(platformRoutes.partnerManagerApiDocs, async () => openApiDocument('partnermanager'));
