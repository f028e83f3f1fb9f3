// /preparedness/bcp: the BCP 確認表. The five phases as sections, each row (項番, 確認項目) with its source and
// confidence, and the institution's answer (対応済 / 未対応 / 該当なし, a note, where the evidence is) saved per
// row with its version. Rows are data: a phase without rows says they are not loaded yet. Viewers read it.
import { useState } from 'preact/hooks';
import { formatJst } from '../../auth/format';
import { langOf, useI18n } from '../../i18n';
import { h2Class, InfoNotice, TextField } from '../account/ui';
import { ConfidenceBadge, linkClass } from '../catalog/ui';
import { bcpStatuses, preparednessApi, saveBcpAnswer, type BcpAnswer, type BcpPhase, type BcpRow } from './api';
import { FirstPassSteps } from './FirstPassSteps';
import { loadingOrRefused, RecordPageHead } from './PageFrame';
import { cardClass, Choices, Facts, FormProblem, submitWith, TextArea, useRecordForm, useReloadable, useWhen } from './ui';

function SourceLink({ href, label }: { href: string; label: string }) {
  const { language } = useI18n();
  let host = href;
  try {
    host = new URL(href).host;
  } catch {
    // Not a URL: shown as it is.
  }
  return (
    <a href={href} class={linkClass} target="_blank" rel="noopener noreferrer">
      {label}
      {language === 'ja' ? `（${host}）` : ` (${host})`}
    </a>
  );
}

function Updated({ at, by }: { at: string | null; by: string | null }) {
  const { t, language } = useI18n();
  if (at === null || at === '') return null;
  return (
    <p class="mt-3 text-dns-14N-130 text-solid-gray-700" data-testid="bcp-updated">
      {t.preparedness.bcp.updated(formatJst(at, language), by ?? '')}
    </p>
  );
}

function RowAnswerForm({ row }: { row: BcpRow }) {
  const { t } = useI18n();
  const b = t.preparedness.bcp;
  const form = useRecordForm<{ status: BcpAnswer['status'] | null; note: string; evidence: string }>({
    status: row.answer?.status ?? null,
    note: row.answer?.note ?? '',
    evidence: row.answer?.evidence ?? '',
  });
  const [version, setVersion] = useState(row.version);
  const [updated, setUpdated] = useState({ at: row.updated_at, by: row.updated_by });
  const [saved, setSaved] = useState(false);
  const id = (field: string) => `${field}-${row.code}`;
  const labels: Record<string, string> = { [id('status')]: b.status, [id('note')]: b.note, [id('evidence')]: b.evidence };
  const { fields, set, errors } = form;
  const submit = (event: Event) => {
    event.preventDefault();
    setSaved(false);
    const status = fields.status;
    if (status === null) {
      form.setProblem(t.preparedness.problems.heading);
      form.setErrors({ [id('status')]: b.chooseStatus });
      return;
    }
    const serverLabels = { status: b.status, note: b.note, evidence: b.evidence };
    submitWith(
      t,
      {
        setBusy: form.setBusy,
        setProblem: form.setProblem,
        // The server names the body's fields; each row's fields have the row in their ids.
        setErrors: (byField) => form.setErrors(Object.fromEntries(Object.entries(byField).map(([field, message]) => [id(field), message]))),
      },
      serverLabels,
      () => saveBcpAnswer(row.code, version, { status, note: fields.note, evidence: fields.evidence }),
      (result) => {
        setVersion(result.version);
        setUpdated({ at: result.updated_at, by: result.updated_by });
        setSaved(true);
      },
    );
  };
  return (
    <form onSubmit={submit} noValidate data-testid="bcp-form" aria-label={`${b.code} ${row.code}`}>
      <FormProblem problem={form.problem} errors={errors} labels={labels} />
      <Choices
        name={id('status')}
        legend={b.status}
        value={fields.status}
        options={bcpStatuses.map((status) => ({ value: status, label: b.statuses[status] }))}
        onChange={(value) => set('status', value)}
        error={errors[id('status')]}
        inline
      />
      <TextArea id={id('note')} label={b.note} value={fields.note} onInput={(value) => set('note', value)} maxLength={1000} rows={2} error={errors[id('note')]} />
      <TextField id={id('evidence')} label={b.evidence} value={fields.evidence} onInput={(value) => set('evidence', value)} maxLength={1000} help={b.evidenceHelp} error={errors[id('evidence')]} />
      <div class="mt-6 flex flex-wrap items-center gap-4">
        <button
          type="submit"
          class="inline-flex min-h-11 items-center justify-center rounded-8 border-2 border-blue-900 bg-blue-900 px-4 text-dns-16B-120 text-white hover:bg-blue-1000 hover:underline disabled:border-solid-gray-300 disabled:bg-solid-gray-300"
          disabled={form.busy}
          data-testid="bcp-save"
        >
          {form.busy ? t.preparedness.saving : b.save}
        </button>
        <span role="status" class="text-std-16B-170 text-success-2" data-testid="bcp-saved">
          {saved && (
            <>
              <span aria-hidden="true">✓ </span>
              {b.saved(row.code)}
            </>
          )}
        </span>
      </div>
      <Updated at={updated.at} by={updated.by} />
    </form>
  );
}

function RowCard({ row, canWrite }: { row: BcpRow; canWrite: boolean }) {
  const { t, language } = useI18n();
  const b = t.preparedness.bcp;
  return (
    <li class={cardClass} data-testid="bcp-row" data-row={row.code}>
      <h3 class="text-std-18B-160 text-solid-gray-900">
        <span class="mr-2 inline-block rounded-4 border border-solid-gray-536 px-2 py-0.5 align-middle text-dns-14B-120 text-solid-gray-800">
          <span class="sr-only">{b.code} </span>
          {row.code}
        </span>
        <span lang="ja">{row.heading_ja}</span>
      </h3>
      {/* The heading is the 確認表's own wording; in English, mamori's summary of it follows. */}
      {language === 'en' && row.summary_en !== '' && (
        <p class="mt-1 text-std-16N-170 text-solid-gray-800" data-testid="bcp-row-summary">
          {row.summary_en}
        </p>
      )}
      <p class="mt-2 flex flex-wrap items-center gap-x-3 gap-y-1 text-dns-14N-130">
        <ConfidenceBadge confidence={row.confidence} />
        <SourceLink href={row.source} label={b.source} />
      </p>
      {canWrite ? (
        <RowAnswerForm row={row} />
      ) : row.answer === null ? (
        <p class="mt-3 text-std-16N-170" data-testid="bcp-unanswered">
          {b.notAnswered}
        </p>
      ) : (
        <>
          <Facts
            testId="bcp-answer"
            rows={[
              [b.status, b.statuses[row.answer.status]],
              [b.note, row.answer.note],
              [b.evidence, row.answer.evidence],
            ]}
          />
          <Updated at={row.updated_at} by={row.updated_by} />
        </>
      )}
    </li>
  );
}

function Phase({ phase, canWrite }: { phase: BcpPhase; canWrite: boolean }) {
  const { t, language } = useI18n();
  const b = t.preparedness.bcp;
  const label = language === 'ja' ? phase.label_ja : phase.label_en;
  return (
    <section aria-labelledby={`phase-${phase.code}`} class="mt-10 max-w-3xl" data-testid="bcp-phase" data-phase={phase.code}>
      <h2 id={`phase-${phase.code}`} class={h2Class}>
        {phase.code}. <span lang={langOf(label)}>{label}</span>
      </h2>
      <p class="mt-2 flex flex-wrap items-center gap-x-3 gap-y-1 text-dns-14N-130 text-solid-gray-800">
        <ConfidenceBadge confidence={phase.confidence} />
        <SourceLink href={phase.source} label={b.phaseSource} />
      </p>
      {phase.rows.length === 0 ? (
        <p class="mt-4 rounded-8 border border-dashed border-solid-gray-536 bg-solid-gray-50 p-4 text-std-16N-170" data-testid="bcp-no-rows">
          {b.noRows}
        </p>
      ) : (
        <ul>
          {phase.rows.map((row) => (
            <RowCard key={row.code} row={row} canWrite={canWrite} />
          ))}
        </ul>
      )}
    </section>
  );
}

export function Bcp() {
  const { t } = useI18n();
  const p = t.preparedness;
  const b = p.bcp;
  const when = useWhen();
  const [data] = useReloadable('preparedness-bcp', (signal) => preparednessApi.bcp(signal));
  const refused = loadingOrRefused(t, data);
  if (refused !== null || data.state !== 'ready') return refused;
  const bcp = data.data;
  return (
    <div data-testid="bcp-page">
      <RecordPageHead title={b.title} lead={b.lead} />
      <p class="mt-2 max-w-3xl text-std-16N-170">
        <a href={bcp.source} class={linkClass} target="_blank" rel="noopener noreferrer">
          {b.basedOn}
          <span lang="ja">{bcp.title_ja}</span>
          {b.issuedOn(when(bcp.issued_on))}
        </a>
      </p>
      {!bcp.can_write && <InfoNotice testId="read-only">{p.readOnly}</InfoNotice>}
      {bcp.phases.map((phase) => (
        <Phase key={phase.code} phase={phase} canWrite={bcp.can_write} />
      ))}
      <FirstPassSteps step={4} />
    </div>
  );
}
