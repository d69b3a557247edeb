import type { KnowledgeSource } from '../api/types.js';
import { describeError } from '../api/describe-error.js';
import { useTask } from './use-task.js';

/** A document's ingestion: a live progress bar while it is read, then ready (with its passages) or failed. */
export function SourceStatus({ source, onFinished }: { source: KnowledgeSource; onFinished: () => void }) {
  const finished = source.status === 'SUCCESS' || source.status === 'FAILURE';
  const { task, error } = useTask(finished ? null : source.taskId, onFinished);
  if (error) return <span class="badge badge-error">{describeError(error)}</span>;
  if (source.status === 'FAILURE') {
    return <span class="badge badge-error">Failed: {source.failureReason ?? 'could not be read'}</span>;
  }
  if (finished) {
    const passages = source.chunkCount === 1 ? '1 passage' : `${source.chunkCount} passages`;
    return <span class="badge badge-ok">Ready · {passages}</span>;
  }
  const percent = Math.round((task?.progress ?? 0) * 100);
  return (
    <span class="progress">
      <progress max={100} value={percent} aria-label={`Reading ${source.name}`} />
      <span class="muted">{task?.status === 'STARTED' ? `${percent}%` : 'Waiting…'}</span>
    </span>
  );
}
