import { useEffect, useState } from 'preact/hooks';
import { ApiError } from './http';

export type Resource<T> =
  | { state: 'loading' }
  | { state: 'ready'; data: T }
  | { state: 'error'; error: ApiError };

/**
 * Loads data for a page. `key` identifies the request (e.g. its URL): when it changes the previous
 * request is aborted and the resource goes back to loading. `reload()` repeats the request.
 */
export function useResource<T>(key: string, load: (signal: AbortSignal) => Promise<T>): [Resource<T>, () => void] {
  const [resource, setResource] = useState<Resource<T>>({ state: 'loading' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    const controller = new AbortController();
    setResource({ state: 'loading' });
    load(controller.signal).then(
      (data) => {
        if (!controller.signal.aborted) setResource({ state: 'ready', data });
      },
      (error: unknown) => {
        if (controller.signal.aborted) return;
        setResource({
          state: 'error',
          error: error instanceof ApiError ? error : new ApiError('invalid', 0, null, null),
        });
      },
    );
    return () => controller.abort();
    // `load` is a fresh closure on every render; `key` is what identifies the request.
  }, [key, attempt]);

  return [resource, () => setAttempt((n) => n + 1)];
}
