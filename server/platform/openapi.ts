import { jsonSchemaTransform } from 'fastify-type-provider-zod';

/**
 * How the API document describes every operation beyond its own zod schemas (Redocly's recommended rules, checked by
 * server/test/openapi-lint.test.ts): a stable operationId for client generators, the session cookie on every route that
 * is not public, and the one error shape on every operation.
 */

const ERROR_BODY = {
  description: 'The request was refused: a bad field, no session, no right, not found, a conflict or too many requests.',
  content: {
    'application/json': {
      schema: {
        type: 'object',
        required: ['error'],
        properties: {
          error: {
            type: 'object',
            required: ['code', 'message'],
            properties: {
              code: { type: 'string', description: 'A stable machine code, e.g. validation_failed, forbidden, not_found.' },
              message: { type: 'string', description: 'A sentence for a person, in the language asked for (Thai by default).' },
              fields: { type: 'object', additionalProperties: { type: 'string' }, description: 'Per-field messages when a field is wrong.' },
            },
          },
        },
      },
    },
  },
};

/** GET /api/v1/t/:tenant/networks/:id/members → getByTenantNetworksByIdMembers */
export function operationIdFor(method: string, url: string): string {
  const words = url
    .replace(/^\/api(\/v1)?\//, '')
    .split('/')
    .filter((part) => part && part !== 't')
    .map((part) => (part.startsWith(':') ? `by-${part.slice(1)}` : part))
    .join('-')
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean);
  return method.toLowerCase() + words.map((w) => w[0].toUpperCase() + w.slice(1)).join('');
}

type TransformArgs = Parameters<typeof jsonSchemaTransform>[0];

export function openApiTransform(args: TransformArgs): ReturnType<typeof jsonSchemaTransform> {
  const out = jsonSchemaTransform(args);
  const access = args.route.config?.access;
  const method = Array.isArray(args.route.method) ? args.route.method[0] : args.route.method;
  const schema = out.schema as Record<string, unknown>;
  return {
    ...out,
    schema: {
      ...schema,
      // the keys below are OpenAPI's, which fastify-swagger copies into the document
      operationId: typeof schema.operationId === 'string' ? schema.operationId : operationIdFor(method, args.url),
      security: access?.kind === 'public' ? [] : [{ session: [] }],
      response: { ...(schema.response as object | undefined), '4XX': ERROR_BODY },
    },
  };
}
