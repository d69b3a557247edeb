import { ApiError } from '../api/api-error.js';
import { describeError } from '../api/describe-error.js';

interface ErrorNoticeProps {
  error: unknown;
  /** What to say when the server lacks the feature altogether. */
  missingFeature?: string;
}

/**
 * A failed call's friendly message, announced to screen readers; nothing when there is no error.
 * A feature the server lacks is information, not a failure, and looks like it.
 */
export function ErrorNotice({ error, missingFeature }: ErrorNoticeProps) {
  if (!error) return null;
  const missing = error instanceof ApiError && error.isMissingRoute;
  return (
    <p class={`notice ${missing ? 'notice-info' : 'notice-error'}`} role={missing ? 'status' : 'alert'}>
      {describeError(error, missingFeature)}
    </p>
  );
}
