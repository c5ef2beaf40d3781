import { apiHandler } from '../../http/api-handler.js';
import { openApiDocument } from '../../openapi/openapi-document.js';
import { platformRoutes } from '../../routes/platform-routes.js';

export const handler = apiHandler(platformRoutes.partnerManagerApiDocs, async () => openApiDocument('partnermanager'));
