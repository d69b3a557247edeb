/**
 * Why a widget request failed. `status` 0 means no readable answer at all: the network is down
 * or the browser withheld the response (a site the key does not allow gets no CORS headers).
 */
export class WidgetApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    /** The widget API's precise reason, such as `origin-not-allowed` or `visitor-invalid`. */
    readonly reason: string | null = null,
  ) {
    super(message);
    this.name = 'WidgetApiError';
  }
}

/** The error a failed response carries, read from its JSON body when there is one. */
export async function errorFromResponse(response: Response): Promise<WidgetApiError> {
  let code = 'SERVER_ERROR';
  let message = response.statusText;
  let reason: string | null = null;
  try {
    const body = (await response.json()) as { code?: unknown; message?: unknown; reason?: unknown };
    if (typeof body.code === 'string') code = body.code;
    if (typeof body.message === 'string') message = body.message;
    if (typeof body.reason === 'string') reason = body.reason;
  } catch {
    // Not JSON (a proxy's error page, say): the status alone will do.
  }
  return new WidgetApiError(response.status, code, message, reason);
}
