/** An API call that failed: the envelope's code and message, or a network failure (status 0). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }

  /** The server does not have this route at all (a feature it does not offer), not a missing record. */
  get isMissingRoute(): boolean {
    return this.status === 404 && this.message.startsWith('Route ');
  }
}

export const networkFailure = () =>
  new ApiError(0, 'NETWORK', "Can't reach Docent. Check your connection and try again.");
