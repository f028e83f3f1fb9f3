// Reading a plan file: a preview of every line (added, changed, unchanged, or the column to check), then the
// import of the same file once it has no errors.
import { useState } from 'preact/hooks';
import { useI18n } from '../../../i18n';
import { cardCellClass, cardHeadClass, cardRowClass, cardTableClass, CellLabel, SuccessNotice } from '../../account/ui';
import { buttonClass, primaryButtonClass } from '../../catalog/ui';
import { labelClass, planProblem } from './PlanFrame';
import { planApi, type ImportLine, type ImportResult } from './planApi';
import type { Messages } from '../../../i18n/ja';

/** A Japanese (or English) sentence for an import error: by its code, naming the cell of a workbook. */
export function planLineProblem(t: Messages, line: ImportLine): string {
  const f = t.inspectionPlanFiles;
  const p = t.inspectionPlan;
  const params = line.params ?? { line: line.line, column: line.column, value: '', cell: '' };
  const column = p.columnNames[params.column] ?? p.columnNames['file'] ?? '';
  const sentence = line.code !== undefined ? f.problems[line.code] : undefined;
  const text = sentence !== undefined ? sentence(params.value, column) : p.columnProblem(column);
  return params.cell !== '' ? f.inCell(params.cell, text) : text;
}

export function PlanImport({ fiscalYear, onApplied }: { fiscalYear: number; onApplied: () => void }) {
  const { t } = useI18n();
  const p = t.inspectionPlan;
  const f = t.inspectionPlanFiles;
  const [file, setFile] = useState<File | null>(null);
  const [result, setResult] = useState<ImportResult | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const run = async (confirm: boolean) => {
    if (file === null) return;
    setBusy(true);
    setProblem(null);
    try {
      const answer = await planApi.importPlan(fiscalYear, file, confirm);
      setResult(answer);
      if (answer.applied) onApplied();
    } catch (error) {
      setProblem(planProblem(t, error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div class="mt-4 max-w-4xl" data-testid="plan-import">
      <p class="text-std-16N-170">{f.importLead}</p>
      <label for="plan-file" class={`${labelClass} mt-4`}>{f.chooseFile}</label>
      <input
        id="plan-file"
        type="file"
        accept=".csv,text/csv,.xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        class="mt-2 block text-std-16N-170"
        onChange={(event) => {
          setFile((event.currentTarget as HTMLInputElement).files?.[0] ?? null);
          setResult(null);
        }}
      />
      <div class="mt-4 flex flex-wrap gap-4">
        <button type="button" class={buttonClass} disabled={file === null || busy} onClick={() => void run(false)} data-testid="plan-import-preview">
          {p.previewButton}
        </button>
        {result !== null && !result.applied && result.errors === 0 && result.created + result.updated > 0 && (
          <button type="button" class={primaryButtonClass} disabled={busy} onClick={() => void run(true)} data-testid="plan-import-apply">
            {p.applyButton}
          </button>
        )}
      </div>
      {problem !== null && <p role="alert" class="mt-4 text-std-16B-170 text-error-1">{problem}</p>}
      {result !== null && (
        <>
          <p role="status" class="mt-4 text-std-16B-170" data-testid="plan-import-counts">
            {p.importCounts(result.created, result.updated, result.unchanged, result.errors)}
          </p>
          {result.applied && <SuccessNotice testId="plan-import-applied">{p.importApplied}</SuccessNotice>}
          {result.errors > 0 && <p class="mt-2 text-std-16N-170 text-error-1">{p.importHasErrors}</p>}
          <table class={`${cardTableClass} mt-4`}>
            <thead class={cardHeadClass}>
              <tr class="border-b-2 border-solid-gray-600">
                <th scope="col" class="px-2 py-2">{p.importColumns.line}</th>
                <th scope="col" class="px-2 py-2">{p.importColumns.facility}</th>
                <th scope="col" class="px-2 py-2">{p.importColumns.outcome}</th>
                <th scope="col" class="px-2 py-2">{p.importColumns.problem}</th>
              </tr>
            </thead>
            <tbody class="block md:table-row-group">
              {result.lines.map((line) => (
                <tr key={line.line} class={cardRowClass} data-outcome={line.outcome}>
                  <td class={cardCellClass}>
                    <CellLabel>{p.importColumns.line}</CellLabel>
                    {line.line}
                  </td>
                  <td class={`${cardCellClass} tabular-nums`}>
                    <CellLabel>{p.importColumns.facility}</CellLabel>
                    {line.facility_id}
                  </td>
                  <td class={cardCellClass}>
                    <CellLabel>{p.importColumns.outcome}</CellLabel>
                    {p.outcomes[line.outcome] ?? line.outcome}
                  </td>
                  <td class={cardCellClass}>
                    <CellLabel>{p.importColumns.problem}</CellLabel>
                    {line.outcome === 'error' ? planLineProblem(t, line) : ''}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </div>
  );
}
