import { ProviderConfigurationError } from '../../llm/provider-configuration-error.js';
import { UpstreamRequestError } from '../../llm/upstream-request-error.js';
import { BlockedDestinationError } from '../../net/errors.js';
import { DomainError, ValidationError } from '../errors.js';

/**
 * A provider could not serve a request the user's configuration allows: unreachable, failing,
 * rate limiting or too slow. A 502, because the fault is upstream; the message is the
 * classified one, which never carries an upstream's 5xx body.
 */
export class UpstreamProviderError extends DomainError {
  constructor(
    message: string,
    /** Whether the same request could succeed if tried again later. */
    readonly isRetryable: boolean,
  ) {
    super('SERVER_ERROR', 502, message);
  }
}

/**
 * Maps what a provider call threw onto the domain's errors: what the user can fix (a refused
 * destination, a refused key, a rejected request, an incomplete provider) is a 400 saying what
 * to change; an upstream at fault is a 502. Anything else is a bug and stays as it is.
 */
export function toProviderError(error: unknown): unknown {
  if (error instanceof ProviderConfigurationError) return new ValidationError(error.message);
  const refusal = error instanceof UpstreamRequestError ? error.cause : error;
  if (refusal instanceof BlockedDestinationError) return blockedEndpointError(refusal);
  if (error instanceof UpstreamRequestError) {
    if (error.code === 'UPSTREAM_AUTHENTICATION_FAILED' || error.code === 'UPSTREAM_REJECTED') {
      return new ValidationError(error.message);
    }
    return new UpstreamProviderError(error.message, error.isRetryable);
  }
  if (error instanceof Error && error.name === 'TimeoutError') {
    return new UpstreamProviderError('The model provider did not answer in time', true);
  }
  return error;
}

function blockedEndpointError(error: BlockedDestinationError): ValidationError {
  return new ValidationError(
    `The provider's apiEndpoint cannot be reached: ${error.message}. ` +
      'An operator can allow a private or loopback host by adding it (host or host:port) to ALLOWED_PRIVATE_HOSTS.',
  );
}
