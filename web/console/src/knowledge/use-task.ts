import { useEffect, useState } from 'preact/hooks';
import { api } from '../api/client.js';
import type { Task } from '../api/types.js';

const pollIntervalMs = 1000;

export const isFinished = (task: Task) => task.status === 'SUCCESS' || task.status === 'FAILURE';

/** Follows a background task by polling until it succeeds or fails; `onFinished` runs once then. */
export function useTask(taskId: string | null | undefined, onFinished: () => void): { task?: Task; error: unknown } {
  const [task, setTask] = useState<Task>();
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    if (!taskId) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let stopped = false;
    const poll = async () => {
      try {
        const latest = await api.knowledge.task(taskId);
        if (stopped) return;
        setTask(latest);
        if (isFinished(latest)) onFinished();
        else timer = setTimeout(poll, pollIntervalMs);
      } catch (failure) {
        if (!stopped) setError(failure);
      }
    };
    void poll();
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [taskId]);

  return { task, error };
}
