import { apiHandler } from '../../http/api-handler.js';
import { swaggerUiFiles } from '../../openapi/swagger-ui-files.js';
import { platformRoutes } from '../../routes/platform-routes.js';

const files = swaggerUiFiles(platformRoutes.policyManagerApiDocs.fullPath);

export const handler = apiHandler(platformRoutes.policyManagerSwaggerUi, ({ params }) => files(params.file ?? ''));
