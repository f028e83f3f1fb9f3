// CPE names from the NVD CPE dictionary that may fit an asset (GET …/cpe-suggestions), with a confidence and why;
// a person adds the one that fits (a new version of the asset, the name marked as a suggestion), and the asset
// is then matched with the vulnerability feeds.
import { useState } from 'preact/hooks';
import { isRecord } from '../../api/http';
import { useResource } from '../../api/useResource';
import { ProblemError, send } from '../../auth/request';
import { useI18n } from '../../i18n';
import { buttonClass, cardCellClass, cardHeadClass, cardRowClass, cardTableClass, CellLabel, h2Class } from '../account/ui';
import { type Asset, fieldsOf, updateAsset } from './ledgerApi';

interface Suggestion {
  cpe: string;
  confidence: number;
  reasons: string[];
}

const isSuggestions = (body: unknown): body is { suggestions: Suggestion[] } => isRecord(body) && Array.isArray(body.suggestions);

export function CpeSuggestions({ asset, onAdded }: { asset: Asset; onAdded: (asset: Asset) => void }) {
  const { t } = useI18n();
  const l = t.ledger;
  const [found] = useResource(`cpe-suggestions/${asset.id}/${asset.version}`, (signal) =>
    send('GET', `/api/v1/ledger/assets/${asset.id}/cpe-suggestions`, isSuggestions, { signal }),
  );
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | undefined>(undefined);
  if (found.state !== 'ready') return null;
  // A device that already has CPE names needs no word that nothing more was found.
  if (found.data.suggestions.length === 0 && asset.cpes.length > 0) return null;
  const add = (cpe: string) => {
    setBusy(true);
    updateAsset(asset.id, asset.version, { ...fieldsOf(asset), cpes: [...asset.cpes, { cpe, origin: 'suggestion' }] }).then(onAdded, (problem: unknown) => {
      setBusy(false);
      setError(problem instanceof ProblemError && problem.status === 409 ? l.stale : l.loadFailed);
    });
  };
  return (
    <section class="mt-6" aria-labelledby="cpe-suggestions" data-testid="cpe-suggestions">
      <h3 id="cpe-suggestions" class={h2Class}>
        {l.suggestionsHeading}
      </h3>
      <p class="mt-2 max-w-3xl text-std-16N-170">{found.data.suggestions.length === 0 ? l.suggestionsNone : l.suggestionsLead}</p>
      {error !== undefined && (
        <p role="alert" class="mt-2 text-std-16N-170 text-error-1">
          {error}
        </p>
      )}
      {found.data.suggestions.length > 0 && (
        <table class={`${cardTableClass} mt-2`}>
          <thead class={cardHeadClass}>
            <tr class="border-b-2 border-solid-gray-600">
              <th scope="col" class="px-2 py-2">{l.cpeColumns.cpe}</th>
              <th scope="col" class="px-2 py-2">{l.suggestionsHeading}</th>
              <th scope="col" class="px-2 py-2">
                <span class="sr-only">{l.addSuggestion}</span>
              </th>
            </tr>
          </thead>
          <tbody class="block md:table-row-group">
            {found.data.suggestions.map((s) => (
              <tr key={s.cpe} class={cardRowClass} data-testid="cpe-suggestion">
                <td class={`${cardCellClass} break-all font-mono text-dns-14N-130`}>
                  <CellLabel>{l.cpeColumns.cpe}</CellLabel>
                  {s.cpe}
                </td>
                <td class={cardCellClass}>
                  <CellLabel>{l.suggestionsHeading}</CellLabel>
                  <span class="block font-bold">{l.confidence(s.confidence)}</span>
                  <span class="block text-solid-gray-800">{s.reasons.map((r) => l.reasons[r] ?? '').filter((r) => r !== '').join('・')}</span>
                </td>
                <td class={cardCellClass}>
                  <button type="button" class={buttonClass} disabled={busy} onClick={() => add(s.cpe)} aria-label={`${l.addSuggestion} ${s.cpe}`}>
                    {l.addSuggestion}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
