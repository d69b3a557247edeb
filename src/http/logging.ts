import type { FastifyServerOptions } from 'fastify';

const secretQueryParameters = /([?&](?:token|key|api_key|apikey|access_token|refresh_token)=)[^&#]*/gi;

/** Request URLs as logged: secrets that can ride in a query string are masked. */
export function redactUrl(url: string): string {
  return url.replace(secretQueryParameters, '$1[redacted]');
}

/**
 * pino settings: requests are logged without credentials; the headers that carry them are
 * redacted should anything log them explicitly.
 */
export function loggerOptions(level: string): Exclude<FastifyServerOptions['logger'], boolean | undefined> {
  return {
    level,
    redact: {
      paths: ['req.headers.authorization', 'req.headers["x-api-key"]', 'req.headers.cookie', '*.password', '*.apiKey'],
      censor: '[redacted]',
    },
    serializers: {
      req: (request: { method: string; url: string; ip?: string; id?: string }) => ({
        method: request.method,
        url: redactUrl(request.url),
        remoteAddress: request.ip,
      }),
    },
  };
}
