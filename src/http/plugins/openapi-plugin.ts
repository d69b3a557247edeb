import fp from 'fastify-plugin';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { version } from '../../version.js';

/**
 * OpenAPI 3 generated from the route schemas. Registered before the routes so it sees them all;
 * the document itself is served by the native API at /api/v1/openapi.json.
 */
export default fp(
  async (app) => {
    await app.register(swagger, {
      openapi: {
        openapi: '3.0.3',
        info: {
          title: 'Docent API',
          description:
            'The native API of Docent, a self-hosted platform for document-grounded AI assistants. ' +
            'Responses use the envelope {status, message?, data}; errors use {status: "error", message, code}.',
          version,
        },
        servers: [{ url: '/' }],
        components: {
          securitySchemes: {
            bearerAuth: { type: 'http', scheme: 'bearer', description: 'JWT access token or API key' },
            apiKey: { type: 'apiKey', in: 'header', name: 'X-API-Key' },
          },
        },
        security: [{ bearerAuth: [] }, { apiKey: [] }],
      },
    });
    await app.register(swaggerUi, { routePrefix: '/api/v1/docs' });
  },
  { name: 'openapi' },
);
