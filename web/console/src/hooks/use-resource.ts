import { useCallback, useEffect, useState } from 'preact/hooks';

export interface Resource<Value> {
  value: Value | undefined;
  error: unknown;
  loading: boolean;
  reload: () => void;
  /** Replaces the loaded value locally, e.g. after a save returned the new version. */
  set: (value: Value) => void;
}

/** Loads a value when the component mounts or `key` changes, keeping the latest answer only. */
export function useResource<Value>(load: () => Promise<Value>, key: unknown[] = []): Resource<Value> {
  const [value, setValue] = useState<Value | undefined>(undefined);
  const [error, setError] = useState<unknown>(null);
  const [loading, setLoading] = useState(true);
  const [generation, setGeneration] = useState(0);

  useEffect(() => {
    let current = true;
    setLoading(true);
    load().then(
      (loaded) => {
        if (!current) return;
        setValue(loaded);
        setError(null);
        setLoading(false);
      },
      (failure: unknown) => {
        if (!current) return;
        setError(failure);
        setLoading(false);
      },
    );
    return () => {
      current = false;
    };
  }, [...key, generation]);

  const reload = useCallback(() => setGeneration((count) => count + 1), []);
  return { value, error, loading, reload, set: setValue };
}
