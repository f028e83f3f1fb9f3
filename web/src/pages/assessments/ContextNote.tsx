// The frame both register notes beside a checklist item share: the context loaded again whenever the saved
// answer changes (nothing shown when the server refuses, as it does to anyone but the institution's own users),
// then what the records say with a link to them, and the warnings where the answer contradicts them.
import { useEffect, useState } from 'preact/hooks';
import { isRecord } from '../../api/http';
import { send } from '../../auth/request';
import { InfoNotice, WarningNotice } from '../account/ui';

export interface ItemContexts<W extends string> {
  items: { canonical_id: string; warnings: W[] }[];
}

/** A shallow guard: facts and items are there (it catches a wrong endpoint, not every field). */
export function isItemContexts<T extends ItemContexts<string>>(body: unknown): body is T {
  return isRecord(body) && isRecord(body.facts) && Array.isArray(body.items);
}

/** The context at `path` (GET), again whenever `answerKey` changes; null until loaded or when refused. */
export function useItemContext<T>(path: string, guard: (body: unknown) => body is T, answerKey: string): T | null {
  const [context, setContext] = useState<T | null>(null);
  useEffect(() => {
    const controller = new AbortController();
    send('GET', path, guard, { signal: controller.signal })
      .then(setContext)
      .catch(() => setContext(null));
    return () => controller.abort();
  }, [path, answerKey]);
  return context;
}

export function ContextBoxes({
  testId,
  heading,
  facts,
  link,
  warningHeading,
  warnings,
}: {
  /** "register" or "preparedness": the boxes' test ids follow it. */
  testId: string;
  heading: string;
  facts: string[];
  link: { href: string; label: string };
  warningHeading: string;
  warnings: string[];
}) {
  return (
    <div class="grid gap-3" data-testid={`${testId}-context`}>
      {facts.length > 0 && (
        <InfoNotice testId={`${testId}-facts`}>
          <p class="text-std-16B-170">{heading}</p>
          {facts.map((line) => (
            <p key={line} class="text-std-16N-170">
              {line}
            </p>
          ))}
          <p class="mt-2 text-std-16N-170">
            <a href={link.href} class="text-blue-1000 underline">
              {link.label}
            </a>
          </p>
        </InfoNotice>
      )}
      {warnings.length > 0 && (
        <WarningNotice heading={warningHeading} testId={`${testId}-warnings`}>
          {warnings.map((line) => (
            <p key={line} class="text-std-16N-170">
              {line}
            </p>
          ))}
        </WarningNotice>
      )}
    </div>
  );
}
