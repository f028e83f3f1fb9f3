import { fetchEditions, type EditionSummary } from '../../api/catalog';
import { useResource, type Resource } from '../../api/useResource';

// The editions list is small and changes only when an edition is imported, so one copy per page load
// is shared by every catalog page (a failed request is not kept).
let editions: Promise<EditionSummary[]> | null = null;

function loadEditions(signal: AbortSignal): Promise<EditionSummary[]> {
  if (editions === null) {
    const request = fetchEditions();
    editions = request;
    request.catch(() => {
      if (editions === request) editions = null;
    });
  }
  const shared = editions;
  return new Promise((resolve, reject) => {
    signal.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')));
    shared.then(resolve, reject);
  });
}

/** Editions, newest first. */
export function useEditions(): [Resource<EditionSummary[]>, () => void] {
  return useResource('editions', async (signal) => {
    const list = await loadEditions(signal);
    return [...list].sort((a, b) => b.fiscal_year - a.fiscal_year);
  });
}

/** The edition before `edition` (by fiscal year) that also has `form`, if any. */
export function previousEdition(list: EditionSummary[], edition: string, form: string): EditionSummary | null {
  const current = list.find((candidate) => candidate.id === edition);
  if (current === undefined) return null;
  const earlier = list
    .filter((candidate) => candidate.fiscal_year < current.fiscal_year && candidate.forms.some((f) => f.id === form))
    .sort((a, b) => b.fiscal_year - a.fiscal_year);
  return earlier[0] ?? null;
}
