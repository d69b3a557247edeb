import { ApiError } from './api-error.js';

const byCode: Record<string, string> = {
  RATE_LIMIT_EXCEEDED: 'Too many requests. Wait a minute and try again.',
  SERVER_ERROR: 'Something went wrong on the server. Please try again.',
};

/** Turns a schema message such as `body.examples.0.answer must NOT have fewer than 1 characters` into plain words. */
function plainValidationMessage(message: string): string {
  const match = /^(?:body|querystring|params)((?:\.[\w-]+)+) (.*)$/.exec(message);
  if (!match) return message;
  const segments = (match[1] ?? '').split('.').filter((segment) => segment && !/^\d+$/.test(segment));
  const field = (segments.at(-1) ?? 'value').replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
  const rest = (match[2] ?? '').replace('must NOT', 'must not').replace(' characters', ' characters long');
  return `${field.charAt(0).toUpperCase()}${field.slice(1)} ${rest}.`;
}

/**
 * A short message a person can act on, for any failure of an API call. `missingFeature` is
 * shown when the server has no such route at all (a feature this server does not offer yet).
 */
export function describeError(error: unknown, missingFeature = 'This server does not offer this feature yet.'): string {
  if (!(error instanceof ApiError)) return 'Something went wrong. Please try again.';
  if (error.isMissingRoute) return missingFeature;
  const known = byCode[error.code];
  if (known) return known;
  if (error.code === 'VALIDATION_ERROR') return plainValidationMessage(error.message);
  return error.message;
}
