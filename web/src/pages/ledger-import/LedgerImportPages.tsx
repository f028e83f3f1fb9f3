// /ledger/import: the import wizard (kind of file, file, preview, confirm or discard, result) with the
// history of imports below; /ledger/import/{id}: one import, its plan, and (while a preview) its decision.
import { useState } from 'preact/hooks';
import { useResource } from '../../api/useResource';
import { ProblemError } from '../../auth/request';
import { formatJst } from '../../auth/format';
import { RequireSession } from '../../auth/RequireSession';
import { langOf, useI18n } from '../../i18n';
import type { Messages } from '../../i18n/ja';
import { Link } from '../../router';
import {
  buttonClass,
  cardCellClass,
  cardHeadClass,
  cardRowClass,
  cardTableClass,
  CellLabel,
  h1Class,
  h2Class,
  InfoNotice,
  leadClass,
  linkClass,
  primaryButtonClass,
  SelectField,
  SuccessNotice,
} from '../account/ui';
import { importFormats, ledgerImportApi, type ImportDetail, type ImportFormat } from './ledgerImportApi';
import { ledgerPaths } from '../ledger/routes';
import { PlanTable } from './PlanTable';
import { ledgerImportPaths, type LedgerImportRoute } from './routes';

export function ledgerImportPageTitle(t: Messages, route: LedgerImportRoute): string {
  return route.page === 'wizard' ? t.ledgerImport.title : t.ledgerImport.detailTitle;
}

/** The page's sentence for a refused request (the server's own text is English). */
export function importProblem(t: Messages, error: unknown): string {
  const p = t.ledgerImport.fileProblems;
  if (!(error instanceof ProblemError)) return p.failed;
  const detail = error.detail ?? '';
  if (error.status === 413) return p.tooLarge;
  if (error.status === 403) return p.forbidden;
  if (error.status === 404) return p.notInstitution;
  if (error.status === 409) return detail.includes('preview again') ? p.conflict : p.finished;
  if (error.status !== 400) return p.failed;
  const line = /line (\d+)/.exec(detail)?.[1];
  const near = line === undefined ? '' : p.near(line);
  if (detail.includes('too large') || detail.includes('larger than')) return p.tooLarge;
  if (detail.includes('is empty')) return p.empty;
  if (detail.includes('DTD') || detail.includes('entit')) return p.dtd;
  if (detail.includes('could not be recognised')) return p.unknownFormat;
  if (/not an? |not the ledger template|only CycloneDX/.test(detail)) return p.wrongFormat;
  return `${p.broken}${near}`;
}

function Counts({ detail }: { detail: ImportDetail }) {
  const { t } = useI18n();
  const l = t.ledgerImport;
  const c = detail.plan.counts;
  return (
    <p role="status" class="mt-4 text-std-16B-170" data-testid="import-counts">
      {l.counts(c.create, c.update, c.unchanged, c.error, c.left)}
    </p>
  );
}

function Decision({ detail, onDecided }: { detail: ImportDetail; onDecided: (next: ImportDetail) => void }) {
  const { t } = useI18n();
  const l = t.ledgerImport;
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const c = detail.plan.counts;
  const decide = async (confirm: boolean) => {
    setBusy(true);
    setProblem(null);
    try {
      onDecided(await (confirm ? ledgerImportApi.confirm(detail.id) : ledgerImportApi.discard(detail.id)));
    } catch (error) {
      setProblem(importProblem(t, error));
    } finally {
      setBusy(false);
    }
  };
  if (detail.status === 'confirmed') return <SuccessNotice testId="import-confirmed">{l.confirmed}</SuccessNotice>;
  if (detail.status === 'discarded') return <InfoNotice testId="import-discarded">{l.discarded}</InfoNotice>;
  return (
    <div class="mt-4">
      {c.error > 0 && <p class="text-std-16N-170 text-error-1">{l.errorsSkipped}</p>}
      {c.create + c.update === 0 && <p class="text-std-16N-170">{l.nothingToApply}</p>}
      <div class="mt-4 flex flex-wrap gap-4">
        <button type="button" class={primaryButtonClass} disabled={busy} onClick={() => void decide(true)} data-testid="import-confirm">
          {busy ? l.confirming : l.confirmButton}
        </button>
        <button type="button" class={buttonClass} disabled={busy} onClick={() => void decide(false)} data-testid="import-discard">
          {l.discardButton}
        </button>
      </div>
      {problem !== null && (
        <p role="alert" class="mt-4 text-std-16B-170 text-error-1" data-testid="import-decision-problem">
          {problem}
        </p>
      )}
    </div>
  );
}

function ImportView({ detail, onDecided }: { detail: ImportDetail; onDecided: (next: ImportDetail) => void }) {
  const { t } = useI18n();
  const l = t.ledgerImport;
  return (
    <section class="mt-8" aria-labelledby="import-preview-heading" data-testid="import-view">
      <h2 id="import-preview-heading" class={h2Class}>
        {l.previewHeading}
      </h2>
      <p class="mt-2 text-std-16N-170">
        <span lang={langOf(detail.file_name)}>{detail.file_name}</span>
        {l.ofFormat(l.formats[detail.format] ?? '')}
      </p>
      <Counts detail={detail} />
      <Decision detail={detail} onDecided={onDecided} />
      <PlanTable devices={detail.plan.devices} />
    </section>
  );
}

function History({ refresh }: { refresh: number }) {
  const { t, language } = useI18n();
  const l = t.ledgerImport;
  const [history] = useResource(`ledger-imports/${refresh}`, ledgerImportApi.history);
  if (history.state !== 'ready') return null;
  const rows = history.data.imports;
  return (
    <section class="mt-12" aria-labelledby="import-history-heading" data-testid="import-history">
      <h2 id="import-history-heading" class={h2Class}>
        {l.historyHeading}
      </h2>
      {rows.length === 0 ? (
        <p class="mt-4 text-std-16N-170">{l.historyEmpty}</p>
      ) : (
        <table class={`${cardTableClass} mt-4`}>
          <thead class={cardHeadClass}>
            <tr class="border-b-2 border-solid-gray-600">
              <th scope="col" class="px-2 py-2">{l.historyColumns.at}</th>
              <th scope="col" class="px-2 py-2">{l.historyColumns.file}</th>
              <th scope="col" class="px-2 py-2">{l.historyColumns.format}</th>
              <th scope="col" class="px-2 py-2">{l.historyColumns.status}</th>
              <th scope="col" class="px-2 py-2">{l.historyColumns.counts}</th>
              <th scope="col" class="px-2 py-2">{l.historyColumns.by}</th>
            </tr>
          </thead>
          <tbody class="block md:table-row-group">
            {rows.map((row) => (
              <tr key={row.id} class={cardRowClass} data-testid={`import-history-${row.id}`}>
                <td class={`${cardCellClass} tabular-nums`}>
                  <CellLabel>{l.historyColumns.at}</CellLabel>
                  {formatJst(row.created_at, language)}
                </td>
                <td class={cardCellClass}>
                  <CellLabel>{l.historyColumns.file}</CellLabel>
                  <Link href={ledgerImportPaths.detail(row.id)} class={linkClass}>
                    <span lang={langOf(row.file_name)}>{row.file_name}</span>
                  </Link>
                </td>
                <td class={cardCellClass}>
                  <CellLabel>{l.historyColumns.format}</CellLabel>
                  {l.formats[row.format] ?? ''}
                </td>
                <td class={`${cardCellClass} whitespace-nowrap`}>
                  <CellLabel>{l.historyColumns.status}</CellLabel>
                  {l.statuses[row.status] ?? ''}
                </td>
                <td class={cardCellClass}>
                  <CellLabel>{l.historyColumns.counts}</CellLabel>
                  {l.historyCounts(row.counts.create, row.counts.update, row.counts.unchanged, row.counts.error)}
                </td>
                <td class={cardCellClass}>
                  <CellLabel>{l.historyColumns.by}</CellLabel>
                  <span lang={langOf(row.created_by)}>{row.created_by}</span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function Wizard() {
  const { t } = useI18n();
  const l = t.ledgerImport;
  const [format, setFormat] = useState<ImportFormat>('auto');
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [detail, setDetail] = useState<ImportDetail | null>(null);
  const [refresh, setRefresh] = useState(0);
  const preview = async () => {
    if (file === null) return;
    setBusy(true);
    setProblem(null);
    setDetail(null);
    try {
      setDetail(await ledgerImportApi.preview(format, file));
      setRefresh((n) => n + 1);
    } catch (error) {
      setProblem(importProblem(t, error));
    } finally {
      setBusy(false);
    }
  };
  return (
    <div data-testid="ledger-import-page">
      <p>
        <Link href={ledgerPaths.list} class={linkClass} data-testid="back-to-ledger">
          {l.backToLedger}
        </Link>
      </p>
      <h1 class={`${h1Class} mt-4`}>{l.title}</h1>
      <p class={leadClass}>{l.lead}</p>
      <p class="mt-4 text-std-16N-170">
        {l.templateLead} <a class={linkClass} href="/api/v1/ledger/imports/template.csv" download data-testid="template-csv">{l.templateCsv}</a>{' '}
        <a class={linkClass} href="/api/v1/ledger/imports/template.xlsx" download data-testid="template-xlsx">{l.templateXlsx}</a>
      </p>
      <div class="mt-6 max-w-3xl">
        <SelectField
          id="import-format"
          label={l.step1}
          value={format}
          onChange={(value) => setFormat(value as ImportFormat)}
          options={importFormats.map((value) => ({ value, label: l.formats[value] ?? value }))}
        />
        <label for="import-file" class="mt-6 block text-std-16B-170 text-solid-gray-900">
          {l.step2}
        </label>
        <input
          id="import-file"
          type="file"
          class="mt-2 block text-std-16N-170"
          data-testid="import-file"
          onChange={(event) => {
            setFile((event.currentTarget as HTMLInputElement).files?.[0] ?? null);
            setDetail(null);
            setProblem(null);
          }}
        />
        <button type="button" class={`${primaryButtonClass} mt-6`} disabled={file === null || busy} onClick={() => void preview()} data-testid="import-preview">
          {busy ? l.reading : l.previewButton}
        </button>
        {problem !== null && (
          <p role="alert" class="mt-4 text-std-16B-170 text-error-1" data-testid="import-problem">
            {problem}
          </p>
        )}
      </div>
      {detail !== null && (
        <ImportView
          detail={detail}
          onDecided={(next) => {
            setDetail(next);
            setRefresh((n) => n + 1);
          }}
        />
      )}
      <History refresh={refresh} />
    </div>
  );
}

function OneImport({ id }: { id: number }) {
  const { t } = useI18n();
  const l = t.ledgerImport;
  const [resource] = useResource(`ledger-import/${id}`, (signal) => ledgerImportApi.get(id, signal));
  const [decided, setDecided] = useState<ImportDetail | null>(null);
  return (
    <div data-testid="ledger-import-detail">
      <h1 class={h1Class}>{l.detailTitle}</h1>
      <p class="mt-4">
        <Link href={ledgerImportPaths.wizard} class={linkClass}>
          {l.title}
        </Link>
      </p>
      {resource.state === 'error' && <InfoNotice>{resource.error.status === 404 ? l.notFound : l.loadFailed}</InfoNotice>}
      {resource.state === 'ready' && <ImportView detail={decided ?? resource.data} onDecided={setDecided} />}
    </div>
  );
}

export function LedgerImportPage({ route }: { route: LedgerImportRoute }) {
  return <RequireSession>{() => (route.page === 'wizard' ? <Wizard /> : <OneImport id={route.id} />)}</RequireSession>;
}

