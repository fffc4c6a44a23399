import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { isTrailmapError, toJsonPointer } from '@trailmap/schema';

export interface ErrorBody {
  error: { code: string; message: string; details?: unknown };
}

const body = (code: string, message: string, details?: unknown): ErrorBody => ({
  error: details === undefined ? { code, message } : { code, message, details },
});

/** Fastify's own errors we expect from clients, mapped to stable codes. */
const FASTIFY_CODES: Record<string, { status: number; code: string; message: string }> = {
  FST_ERR_CTP_BODY_TOO_LARGE: {
    status: 413,
    code: 'BODY_TOO_LARGE',
    message: 'the request body is too large',
  },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: {
    status: 400,
    code: 'UNSUPPORTED_MEDIA_TYPE',
    message: 'send JSON (content-type: application/json)',
  },
  FST_ERR_CTP_EMPTY_JSON_BODY: { status: 400, code: 'MALFORMED_JSON', message: 'the JSON body is empty' },
  FST_ERR_CTP_INVALID_JSON_BODY: {
    status: 400,
    code: 'MALFORMED_JSON',
    message: 'the body is not valid JSON',
  },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: {
    status: 400,
    code: 'BAD_REQUEST',
    message: 'content-length does not match the body',
  },
};

/**
 * The one place HTTP errors are shaped: known errors keep their code and status, everything
 * else becomes `INTERNAL` (500) with no stack, SQL or path, logged with the request id.
 */
export function installErrorHandling(app: FastifyInstance, options: { spaFallback?: boolean } = {}) {
  app.setErrorHandler((error: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
    if (isTrailmapError(error)) {
      if (error.status >= 500) request.log.error({ err: error }, 'server error');
      return reply.code(error.status).send(body(error.code, error.message, error.details));
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const issues = error.validation.flatMap((issue) => {
        const path = issue.instancePath.split('/').filter(Boolean);
        const keys = (issue.params as { keys?: string[] }).keys;
        if (issue.keyword === 'unrecognized_keys' && keys) {
          return keys.map((key) => ({
            pointer: toJsonPointer(...path, key),
            in: error.validationContext,
            code: 'UNKNOWN_FIELD',
            message: `unknown field "${key}"`,
          }));
        }
        return [
          {
            pointer: toJsonPointer(...path),
            in: error.validationContext,
            code: 'INVALID_VALUE',
            message: issue.message,
          },
        ];
      });
      return reply
        .code(400)
        .send(
          body('INVALID_REQUEST', `the request ${error.validationContext ?? 'input'} is not valid`, issues),
        );
    }
    const known = error.code ? FASTIFY_CODES[error.code] : undefined;
    if (known) return reply.code(known.status).send(body(known.code, known.message));
    if (error.statusCode === 429)
      return reply.code(429).send(body('RATE_LIMITED', 'too many requests, try again later'));
    if (error instanceof SyntaxError && error.statusCode === 400) {
      return reply.code(400).send(body('MALFORMED_JSON', 'the body is not valid JSON'));
    }
    if (error.statusCode !== undefined && error.statusCode >= 400 && error.statusCode < 500) {
      request.log.warn({ err: error }, 'client error');
      return reply.code(error.statusCode).send(body('BAD_REQUEST', 'the request could not be processed'));
    }
    request.log.error({ err: error }, 'unexpected error');
    return reply
      .code(500)
      .send(body('INTERNAL', `something went wrong on the server (request ${request.id})`));
  });
  app.setNotFoundHandler((request, reply) => {
    // The web app routes in the browser: unknown page URLs get its index.html.
    const path = request.url.split('?')[0] ?? '';
    if (
      options.spaFallback &&
      request.method === 'GET' &&
      !path.startsWith('/api/') &&
      !path.startsWith('/collab')
    ) {
      return reply.sendFile('index.html');
    }
    return reply
      .code(404)
      .send(body('ROUTE_NOT_FOUND', `no route ${request.method} ${request.url.split('?')[0]}`));
  });
}
