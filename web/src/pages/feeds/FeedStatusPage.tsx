// /feeds (the operator): each vulnerability feed with its records, last import and watermark; an upload of
// one downloaded file with what it did; the history of imports. Feed files come from CISA, NVD and JVN by
// hand (no Internet fetching yet).
import { useState } from 'preact/hooks';
import { useResource } from '../../api/useResource';
import { formatJst } from '../../auth/format';
import { ProblemError } from '../../auth/request';
import { useI18n } from '../../i18n';
import { cardCellClass, cardHeadClass, cardRowClass, cardTableClass, CellLabel, h1Class, h2Class, InfoNotice, leadClass, SelectField, SubmitButton, SuccessNotice } from '../account/ui';
import { feedNames, loadFeedHistory, loadFeedStatus, uploadFeed, type FeedImport, type FeedName, type ImportResult } from './feedsApi';

function useWhen(): (iso: string | null) => string {
  const { language, t } = useI18n();
  return (iso) => (iso === null || iso === '' ? t.feeds.never : formatJst(iso, language));
}

function StatusBadge({ run }: { run: FeedImport }) {
  const { t } = useI18n();
  const tone = run.status === 'done' ? 'border-success-2 bg-green-50' : run.status === 'failed' ? 'border-error-1 bg-red-50' : 'border-solid-gray-420 bg-solid-gray-50';
  return (
    <span class={`inline-block whitespace-nowrap rounded-4 border px-2 py-0.5 text-dns-14B-120 text-solid-gray-900 ${tone}`} data-testid={`import-status-${run.id}`}>
      {t.feeds.statuses[run.status]}
    </span>
  );
}

function StatusTable({ reloadKey }: { reloadKey: number }) {
  const { t } = useI18n();
  const f = t.feeds;
  const when = useWhen();
  const [status] = useResource(`feeds-status-${reloadKey}`, loadFeedStatus);
  if (status.state === 'loading') return <p role="status" class="mt-6 text-std-16N-170 text-solid-gray-700">{f.loading}</p>;
  if (status.state === 'error') return <InfoNotice testId="feeds-unavailable">{status.error.status === 403 ? f.notOperator : f.loadFailed}</InfoNotice>;
  return (
    <table class={`${cardTableClass} mt-6`} data-testid="feeds-table">
      <caption class="sr-only">{f.statusHeading}</caption>
      <thead class={cardHeadClass}>
        <tr class="border-b-2 border-solid-gray-600">
          <th scope="col" class="px-2 py-2">{f.columns.feed}</th>
          <th scope="col" class="px-2 py-2">{f.columns.records}</th>
          <th scope="col" class="px-2 py-2">{f.columns.lastImport}</th>
          <th scope="col" class="px-2 py-2">{f.columns.watermark}</th>
        </tr>
      </thead>
      <tbody class="block md:table-row-group">
        {status.data.map((feed) => (
          <tr key={feed.feed} class={cardRowClass} data-testid={`feed-row-${feed.feed}`}>
            <th scope="row" class={`${cardCellClass} text-left font-bold`}>
              <CellLabel>{f.columns.feed}</CellLabel>
              <span>
                {f.names[feed.feed]}
                <span class="block text-std-16N-170 font-normal text-solid-gray-700">{f.sources[feed.feed]}</span>
              </span>
            </th>
            <td class={cardCellClass}>
              <CellLabel>{f.columns.records}</CellLabel>
              <span>
                <span data-testid={`feed-records-${feed.feed}`}>{f.count(feed.records)}</span>
                {feed.rejected !== undefined && feed.rejected > 0 && <span class="block text-solid-gray-700">{f.rejected(feed.rejected)}</span>}
                {feed.cve_links !== undefined && <span class="block text-solid-gray-700">{f.cveLinks(feed.cve_links)}</span>}
              </span>
            </td>
            <td class={cardCellClass}>
              <CellLabel>{f.columns.lastImport}</CellLabel>
              {feed.last_import === null ? (
                <span>{f.never}</span>
              ) : (
                <span>
                  {when(feed.last_import.started_at)} <StatusBadge run={feed.last_import} />
                </span>
              )}
            </td>
            <td class={cardCellClass}>
              <CellLabel>{f.columns.watermark}</CellLabel>
              <span>{feed.watermark === '' ? '―' : <code translate={false}>{feed.watermark}</code>}</span>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function ResultPanel({ result }: { result: ImportResult }) {
  const { t } = useI18n();
  const f = t.feeds;
  return (
    <SuccessNotice testId="import-result">
      <p>{f.imported(f.names[result.feed])}</p>
      <ul class="mt-2 list-disc pl-6 font-normal">
        <li data-testid="result-read">{f.result.read(result.records_read)}</li>
        <li data-testid="result-written">{f.result.written(result.records_written)}</li>
        <li data-testid="result-unchanged">{f.result.unchanged(result.records_unchanged)}</li>
        {result.records_skipped_older > 0 && <li>{f.result.older(result.records_skipped_older)}</li>}
        <li data-testid="result-changed">{f.result.changedCves(result.changed_cve_ids.length)}</li>
        {result.files.map((file) =>
          file.total_results !== undefined && file.total_results > file.records ? (
            <li key={file.name}>{f.result.paging(file.records, file.total_results)}</li>
          ) : null,
        )}
      </ul>
    </SuccessNotice>
  );
}

function UploadForm({ onImported }: { onImported: () => void }) {
  const { t } = useI18n();
  const f = t.feeds;
  const [feed, setFeed] = useState<FeedName>('kev');
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<ImportResult | null>(null);
  const [problem, setProblem] = useState<{ message: string; where: string | null } | null>(null);

  const submit = (event: Event) => {
    event.preventDefault();
    setResult(null);
    if (file === null) {
      setProblem({ message: f.chooseFile, where: null });
      return;
    }
    setBusy(true);
    setProblem(null);
    uploadFeed(feed, file).then(
      (done) => {
        setBusy(false);
        setResult(done);
        onImported();
      },
      (error: unknown) => {
        setBusy(false);
        onImported();
        if (error instanceof ProblemError && error.status === 413) setProblem({ message: f.tooLarge, where: null });
        else if (error instanceof ProblemError && error.status === 400) setProblem({ message: f.refused, where: error.fields[0]?.field ?? null });
        else if (error instanceof ProblemError && error.status === 403) setProblem({ message: f.notOperator, where: null });
        else setProblem({ message: f.failed, where: null });
      },
    );
  };

  return (
    <section class="mt-10 max-w-3xl" aria-labelledby="feed-upload-heading">
      <h2 id="feed-upload-heading" class={h2Class}>{f.uploadHeading}</h2>
      <p class="mt-2 text-std-16N-170">{f.uploadLead}</p>
      <form onSubmit={submit} noValidate data-testid="feed-upload-form">
        <SelectField id="feed-kind" label={f.feedLabel} value={feed} onChange={(value) => setFeed((feedNames.find((n) => n === value) ?? 'kev'))} options={feedNames.map((n) => ({ value: n, label: f.names[n] }))} help={f.feedHelp} />
        <div class="mt-6">
          <label for="feed-file" class="block text-std-16B-170 text-solid-gray-900">{f.fileLabel}</label>
          <p id="feed-file-help" class="mt-1 text-std-16N-170 text-solid-gray-700">{f.fileHelp}</p>
          <input id="feed-file" type="file" accept=".json,.csv,.xml,.gz,application/json,text/csv,application/xml,application/gzip" class="mt-2 block text-std-16N-170" aria-describedby="feed-file-help" data-testid="feed-file" onChange={(event) => setFile((event.currentTarget as HTMLInputElement).files?.[0] ?? null)} />
        </div>
        <SubmitButton busy={busy} label={f.upload} busyLabel={f.uploading} />
      </form>
      {problem !== null && (
        <div role="alert" data-testid="import-problem" class="mt-6 rounded-8 border-2 border-error-1 bg-red-50 p-4 text-std-16N-170 text-solid-gray-900">
          <p>{problem.message}</p>
          {problem.where !== null && (
            <p class="mt-2">
              {f.where} <code translate={false} data-testid="import-problem-where">{problem.where}</code>
            </p>
          )}
        </div>
      )}
      {result !== null && <ResultPanel result={result} />}
    </section>
  );
}

function History({ reloadKey }: { reloadKey: number }) {
  const { t } = useI18n();
  const f = t.feeds;
  const when = useWhen();
  const [history] = useResource(`feeds-history-${reloadKey}`, loadFeedHistory);
  if (history.state !== 'ready') return null;
  return (
    <section class="mt-10" aria-labelledby="feed-history-heading">
      <h2 id="feed-history-heading" class={h2Class}>{f.historyHeading}</h2>
      {history.data.length === 0 ? (
        <p class="mt-4 text-std-16N-170">{f.noHistory}</p>
      ) : (
        <table class={`${cardTableClass} mt-4`} data-testid="feeds-history">
          <thead class={cardHeadClass}>
            <tr class="border-b-2 border-solid-gray-600">
              <th scope="col" class="px-2 py-2">{f.columns.startedAt}</th>
              <th scope="col" class="px-2 py-2">{f.columns.feed}</th>
              <th scope="col" class="px-2 py-2">{f.columns.file}</th>
              <th scope="col" class="px-2 py-2">{f.columns.outcome}</th>
              <th scope="col" class="px-2 py-2">{f.columns.by}</th>
            </tr>
          </thead>
          <tbody class="block md:table-row-group">
            {history.data.map((run) => (
              <tr key={run.id} class={cardRowClass} data-testid={`history-row-${run.id}`}>
                <td class={cardCellClass}>
                  <CellLabel>{f.columns.startedAt}</CellLabel>
                  {when(run.started_at)}
                </td>
                <td class={cardCellClass}>
                  <CellLabel>{f.columns.feed}</CellLabel>
                  {f.names[run.feed]}
                </td>
                <td class={cardCellClass}>
                  <CellLabel>{f.columns.file}</CellLabel>
                  <code translate={false} class="break-all">{run.source_name}</code>
                </td>
                <td class={cardCellClass}>
                  <CellLabel>{f.columns.outcome}</CellLabel>
                  <span>
                    <StatusBadge run={run} />
                    {run.status === 'done' && <span class="block">{f.historyCounts(run.records_read, run.records_written, run.records_unchanged)}</span>}
                  </span>
                </td>
                <td class={cardCellClass}>
                  <CellLabel>{f.columns.by}</CellLabel>
                  {run.user_login === null ? f.byCommand : <span translate={false}>{run.user_login}</span>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

export function FeedStatusPage() {
  const { t } = useI18n();
  const f = t.feeds;
  const [reloadKey, setReloadKey] = useState(0);
  return (
    <div data-testid="feeds-page">
      <h1 class={h1Class}>{f.title}</h1>
      <p class={leadClass}>{f.lead}</p>
      <h2 class={`${h2Class} mt-10`}>{f.statusHeading}</h2>
      <StatusTable reloadKey={reloadKey} />
      <UploadForm onImported={() => setReloadKey((n) => n + 1)} />
      <History reloadKey={reloadKey} />
    </div>
  );
}
