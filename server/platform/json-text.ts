import type { FastifyReply } from 'fastify';

/**
 * Sends JSON text that the database built (json_build_object / json_agg) as the response body. Fastify sends
 * a string with a JSON content type as it is: no zod response check and no JSON.stringify, which were a large
 * part of a list's CPU time (docs/performance.md). The route keeps its response schema for the OpenAPI
 * document, and the module's API test parses the text with that schema (strictly), so the two cannot drift.
 */
export function sendJsonText(reply: FastifyReply, text: string | Buffer): FastifyReply {
  // the route's declared body type is the schema's object; the text is that object, serialised
  return reply.type('application/json; charset=utf-8').send(text as never);
}
