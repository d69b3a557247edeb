import { useState } from 'preact/hooks';

export interface Action<Args extends unknown[]> {
  run: (...args: Args) => Promise<void>;
  pending: boolean;
  error: unknown;
  clearError: () => void;
}

/** Runs a user-triggered async task (a save, a delete), tracking whether it runs and how it failed. */
export function useAction<Args extends unknown[]>(task: (...args: Args) => Promise<void>): Action<Args> {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const run = async (...args: Args) => {
    setPending(true);
    setError(null);
    try {
      await task(...args);
    } catch (failure) {
      setError(failure);
    } finally {
      setPending(false);
    }
  };
  return { run, pending, error, clearError: () => setError(null) };
}
