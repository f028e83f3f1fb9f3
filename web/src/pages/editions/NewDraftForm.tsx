// Starting a draft: a new edition for a later fiscal year (optionally with 医療機関確認用 and 薬局確認用 merged
// into one form), or a corrected revision of an existing edition.
import { useState } from 'preact/hooks';
import { editionDraftApi, type EditableEdition } from '../../api/editionDrafts';
import { ApiError } from '../../api/http';
import { ProblemError } from '../../auth/request';
import { useI18n } from '../../i18n';
import { navigate } from '../../router';
import { primaryButtonClass } from '../catalog/ui';
import { editorPaths } from './routes';
import { fieldClass, helpClass, labelClass, WriteProblem } from './ui';

type Purpose = 'new' | 'revision';

// Edition ids are "r" + the Reiwa year (docs/catalog-format.md §2).
const editionIdOf = (fiscalYear: number) => `r${fiscalYear - 2018}`;

export function NewDraftForm({ editions }: { editions: EditableEdition[] }) {
  const { t } = useI18n();
  const e = t.editionEditor;
  const newest = [...editions].sort((a, b) => b.fiscal_year - a.fiscal_year)[0];
  const [from, setFrom] = useState(newest?.id ?? '');
  const [purpose, setPurpose] = useState<Purpose>('new');
  const [year, setYear] = useState(String((newest?.fiscal_year ?? 2025) + 1));
  const [merge, setMerge] = useState(false);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<ApiError | null>(null);
  const [conflict, setConflict] = useState(false);
  const [yearTaken, setYearTaken] = useState(false);
  const source = editions.find((edition) => edition.id === from);
  const fiscalYear = Number(year);
  const yearValid = Number.isInteger(fiscalYear) && fiscalYear > (source?.fiscal_year ?? 2019) && fiscalYear < 2100;

  if (editions.length === 0) return <p class="mt-4 text-std-16N-170">{e.noEditions}</p>;

  const onSubmit = async (event: Event) => {
    event.preventDefault();
    if (source === undefined || (purpose === 'new' && !yearValid)) return;
    setBusy(true);
    setProblem(null);
    setConflict(false);
    setYearTaken(false);
    try {
      const created = await editionDraftApi.create(
        purpose === 'new'
          ? { from_edition: source.id, edition_id: editionIdOf(fiscalYear), fiscal_year: fiscalYear, merge_forms: merge }
          : { from_edition: source.id, edition_id: source.id, fiscal_year: source.fiscal_year, merge_forms: false },
      );
      navigate(editorPaths.draft(created.id));
    } catch (error) {
      setBusy(false);
      if (error instanceof ApiError && error.status === 409) setConflict(true);
      else if (error instanceof ProblemError && error.status === 400 && ['fiscal_year', 'edition_id'].includes(error.field() ?? '')) setYearTaken(true);
      else setProblem(error instanceof ApiError ? error : new ApiError('invalid', 0, null, null));
    }
  };

  return (
    <form class="mt-4 grid gap-5 rounded-8 bg-solid-gray-50 p-4 md:p-6" onSubmit={onSubmit} data-testid="new-draft-form">
      <div>
        <label for="new-draft-from" class={labelClass}>{e.fromEdition}</label>
        <select id="new-draft-from" class={`mt-1 ${fieldClass}`} value={from} onChange={(ev) => setFrom(ev.currentTarget.value)}>
          {editions.map((edition) => (
            <option key={edition.id} value={edition.id}>
              {e.editionOption(t.catalog.editionName(edition.fiscal_year), edition.revision)}
            </option>
          ))}
        </select>
      </div>
      <fieldset>
        <legend class={labelClass}>{e.purpose}</legend>
        <div class="mt-2 grid gap-2">
          {(['new', 'revision'] as const).map((value) => (
            <label key={value} class="flex min-h-11 cursor-pointer items-start gap-2 text-std-16N-170">
              <input type="radio" name="new-draft-purpose" class="mt-1 size-5 accent-blue-900" checked={purpose === value} onChange={() => setPurpose(value)} />
              <span>{value === 'new' ? e.purposeNew : e.purposeRevision(source === undefined ? '' : t.catalog.editionName(source.fiscal_year))}</span>
            </label>
          ))}
        </div>
      </fieldset>
      {purpose === 'new' && (
        <>
          <div>
            <label for="new-draft-year" class={labelClass}>{e.newYear}</label>
            <p id="new-draft-year-help" class={helpClass}>
              {yearValid ? e.newYearHelp(t.catalog.editionName(fiscalYear)) : e.newYearInvalid}
            </p>
            <input
              id="new-draft-year"
              type="number"
              inputMode="numeric"
              min={(source?.fiscal_year ?? 2019) + 1}
              max={2099}
              class={`mt-1 max-w-40 ${fieldClass}`}
              value={year}
              aria-describedby="new-draft-year-help"
              aria-invalid={!yearValid}
              onInput={(ev) => setYear(ev.currentTarget.value)}
            />
          </div>
          <label class="flex cursor-pointer items-start gap-2 text-std-16N-170">
            <input type="checkbox" class="mt-1 size-5 shrink-0 accent-blue-900" checked={merge} onChange={(ev) => setMerge(ev.currentTarget.checked)} data-testid="merge-forms" aria-describedby="merge-forms-help" />
            <span>
              <span class="font-bold">{e.mergeForms}</span>
              <span id="merge-forms-help" class="mt-1 block text-std-16N-170 text-solid-gray-800">{e.mergeFormsHelp}</span>
            </span>
          </label>
        </>
      )}
      {conflict && (
        <p role="alert" class="rounded-8 border-2 border-warning-yellow-2 bg-yellow-50 p-3 text-std-16N-170" data-testid="draft-exists">
          {e.draftExists}
        </p>
      )}
      {yearTaken && (
        <p role="alert" class="rounded-8 border-2 border-red-900 bg-red-50 p-3 text-std-16N-170" data-testid="year-taken">
          {e.yearTaken}
        </p>
      )}
      {problem !== null && <WriteProblem error={problem} />}
      <div>
        <button type="submit" class={primaryButtonClass} disabled={busy}>
          {busy ? e.starting : e.start}
        </button>
      </div>
    </form>
  );
}
