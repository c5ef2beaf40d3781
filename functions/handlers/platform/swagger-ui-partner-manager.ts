import { apiHandler } from '../../http/api-handler.js';
import { swaggerUiFiles } from '../../openapi/swagger-ui-files.js';
import { platformRoutes } from '../../routes/platform-routes.js';

const files = swaggerUiFiles(platformRoutes.partnerManagerApiDocs.fullPath);

export const handler = apiHandler(platformRoutes.partnerManagerSwaggerUi, ({ params }) => files(params.file ?? ''));
