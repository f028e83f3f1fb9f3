// /findings/{id}: one finding: the device and the CVE (CISA KEV facts, the JVN Japanese title and summary,
// NVD's English description marked as English), the triage form for those who write, and the history.
import { useState } from 'preact/hooks';
import { ApiError } from '../../api/http';
import { useResource } from '../../api/useResource';
import { formatJst } from '../../auth/format';
import { ProblemError } from '../../auth/request';
import { langOf, useI18n } from '../../i18n';
import { Link } from '../../router';
import { cardCellClass, cardHeadClass, cardRowClass, cardTableClass, CellLabel, h1Class, h2Class, InfoNotice, SelectField, SuccessNotice, WarningNotice } from '../account/ui';
import { linkClass, primaryButtonClass } from '../catalog/ui';
import { changeState, findingStates, loadFinding, type FindingDetail as Detail, type FindingEvent, type FindingState } from './findingsApi';
import { findingsPaths } from './routes';
import { Badges, CveName, score, StateLabel, useDay } from './ui';

const textareaClass =
  'mt-2 block w-full max-w-3xl rounded-8 border border-solid-gray-600 bg-white px-3 py-2 text-std-16N-170 focus-visible:outline focus-visible:outline-4 focus-visible:outline-offset-2 focus-visible:outline-yellow-300';

function Facts({ rows, testId }: { rows: [string, preact.ComponentChildren][]; testId: string }) {
  return (
    <dl class="mt-4 grid max-w-4xl grid-cols-1 gap-x-6 gap-y-2 md:grid-cols-[14rem_1fr]" data-testid={testId}>
      {rows.map(([label, value]) => (
        <div key={label} class="contents">
          <dt class="text-std-16B-170 text-solid-gray-800">{label}</dt>
          <dd class="mb-2 whitespace-pre-wrap break-words text-std-16N-170 md:mb-0">{value}</dd>
        </div>
      ))}
    </dl>
  );
}

function TriageForm({ finding, onSaved }: { finding: Detail; onSaved: (changed: Detail) => void }) {
  const { t } = useI18n();
  const f = t.findings;
  const next = findingStates.filter((state) => state !== finding.state);
  // The usual next step first: 未対応 → 対応中 → 対策済; from a closed state, back to 未対応.
  const usual: FindingState = finding.state === 'open' ? 'in_progress' : finding.state === 'in_progress' ? 'mitigated' : 'open';
  const [state, setState] = useState<FindingState>(usual);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [reasonError, setReasonError] = useState<string | undefined>(undefined);
  const needsReason = state === 'risk_accepted' || state === 'false_positive';
  const submit = async (event: Event) => {
    event.preventDefault();
    setProblem(null);
    setReasonError(undefined);
    if (needsReason && reason.trim() === '') {
      setReasonError(f.triageReasonRequired);
      return;
    }
    setBusy(true);
    try {
      onSaved(await changeState(finding.id, state, reason, finding.version));
      setReason('');
    } catch (error) {
      if (error instanceof ProblemError && error.status === 409) setProblem(f.triageConflict);
      else if (error instanceof ProblemError && error.field() === 'reason') setReasonError(f.triageReasonRequired);
      else setProblem(f.triageFailed);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form class="mt-4 max-w-3xl" onSubmit={submit} data-testid="triage-form" noValidate>
      {problem !== null && <WarningNotice testId="triage-problem">{problem}</WarningNotice>}
      <SelectField
        id="triage-state"
        label={f.triageState}
        value={state}
        onChange={(value) => setState(value as FindingState)}
        options={next.map((value) => ({ value, label: f.states[value] ?? value }))}
      />
      <div class="mt-6">
        <label for="triage-reason" class="block text-std-16B-170 text-solid-gray-900">
          {f.triageReason}
        </label>
        <p id="triage-reason-help" class="mt-1 text-std-16N-170 text-solid-gray-700">
          {f.triageReasonHelp}
        </p>
        <textarea
          id="triage-reason"
          name="reason"
          rows={3}
          maxLength={2000}
          class={textareaClass}
          value={reason}
          aria-describedby={reasonError === undefined ? 'triage-reason-help' : 'triage-reason-help triage-reason-error'}
          {...(reasonError === undefined ? {} : { 'aria-invalid': true })}
          onInput={(event) => setReason((event.currentTarget as HTMLTextAreaElement).value)}
        />
        {reasonError !== undefined && (
          <p id="triage-reason-error" class="mt-2 text-std-16N-170 text-error-1" data-testid="field-error">
            {reasonError}
          </p>
        )}
      </div>
      <p class="mt-6">
        <button type="submit" class={primaryButtonClass} disabled={busy} data-testid="triage-save">
          {busy ? f.triageSaving : f.triageSave}
        </button>
      </p>
    </form>
  );
}

function History({ events }: { events: FindingEvent[] }) {
  const { t, language } = useI18n();
  const f = t.findings;
  const what = (e: FindingEvent) => {
    if (e.action === 'state_changed') return f.events.state_changed(f.states[e.from_state] ?? e.from_state, f.states[e.to_state] ?? e.to_state);
    if (e.action === 'returned' && e.from_state === 'mitigated') return f.events.returnedReopened;
    return e.action === 'found' ? f.events.found : e.action === 'gone' ? f.events.gone : f.events.returned;
  };
  return (
    <table class={`${cardTableClass} mt-4`} data-testid="finding-history">
      <thead class={cardHeadClass}>
        <tr class="border-b-2 border-solid-gray-600">
          <th scope="col" class="px-2 py-2">{f.historyColumns.at}</th>
          <th scope="col" class="px-2 py-2">{f.historyColumns.what}</th>
          <th scope="col" class="px-2 py-2">{f.historyColumns.by}</th>
          <th scope="col" class="px-2 py-2">{f.historyColumns.reason}</th>
        </tr>
      </thead>
      <tbody class="block md:table-row-group">
        {events
          .slice()
          .reverse()
          .map((e) => (
            <tr key={e.seq} class={cardRowClass} data-testid="history-row">
              <td class={`${cardCellClass} tabular-nums`}>
                <CellLabel>{f.historyColumns.at}</CellLabel>
                {formatJst(e.at, language)}
              </td>
              <td class={cardCellClass}>
                <CellLabel>{f.historyColumns.what}</CellLabel>
                {what(e)}
              </td>
              <td class={cardCellClass}>
                <CellLabel>{f.historyColumns.by}</CellLabel>
                {e.by === '' ? f.system : <span lang={langOf(e.by)}>{e.by}</span>}
              </td>
              <td class={`${cardCellClass} whitespace-pre-wrap`}>
                <CellLabel>{f.historyColumns.reason}</CellLabel>
                {/* The matcher's own notes are English; the event itself says what happened. */}
                {e.action === 'state_changed' ? <span lang={langOf(e.reason)}>{e.reason}</span> : ''}
              </td>
            </tr>
          ))}
      </tbody>
    </table>
  );
}

function Finding({ initial }: { initial: Detail }) {
  const { t, language } = useI18n();
  const f = t.findings;
  const day = useDay();
  const [finding, setFinding] = useState(initial);
  const [saved, setSaved] = useState(false);
  const factRows: [string, preact.ComponentChildren][] = [
    [f.facts.asset, <span lang={langOf(finding.asset.name)} data-testid="detail-asset">{finding.asset.name}</span>],
    [f.facts.assetClass, f.classes[finding.asset.asset_class] ?? ''],
    [f.facts.exposure, finding.exposed ? f.facts.exposedYes : f.facts.exposedNo],
    [f.facts.matched, <span class="font-mono text-dns-14N-130">{finding.matched_cpes.join('\n')}</span>],
    [f.facts.cvss, `${score(finding.cvss_score, f.noScore)}${finding.cve.cvss_version === '' ? '' : ` (CVSS ${finding.cve.cvss_version})`}`],
    [f.facts.published, day(finding.cve.published, f.noDue)],
    [f.facts.firstFound, formatJst(finding.first_found_at, language)],
    [f.facts.lastMatched, formatJst(finding.last_matched_at, language)],
  ];
  if (finding.inactive_since !== null) factRows.push([f.facts.inactive, formatJst(finding.inactive_since, language)]);
  factRows.push([f.facts.state, <StateLabel state={finding.state} />]);
  if (finding.state_reason !== '') factRows.push([f.facts.reason, <span lang={langOf(finding.state_reason)}>{finding.state_reason}</span>]);
  return (
    <>
      <h1 class={h1Class}>
        <CveName finding={finding} />
      </h1>
      <p class="mt-4">
        <Badges finding={finding} />
      </p>
      {saved && <SuccessNotice testId="triage-saved">{f.triageSaved}</SuccessNotice>}
      <Facts rows={factRows} testId="finding-facts" />
      {finding.kev !== null && (
        <section class="mt-10">
          <h2 class={h2Class}>{f.kevHeading}</h2>
          <Facts
            testId="kev-facts"
            rows={[
              [f.kevFacts.added, day(finding.kev.date_added, f.noDue)],
              [f.kevFacts.due, day(finding.kev.due_date, f.noDue)],
              [f.kevFacts.ransomware, finding.kev.ransomware_use === 'Known' ? f.kevFacts.ransomwareKnown : f.kevFacts.ransomwareUnknown],
            ]}
          />
        </section>
      )}
      {finding.jvn !== null && (
        <section class="mt-10" data-testid="jvn">
          <h2 class={h2Class}>{f.jvnHeading}</h2>
          <p class="mt-4 text-std-16B-170" lang="ja">
            {finding.jvn.jvndb_id} {finding.jvn.title}
          </p>
          {finding.jvn.summary !== undefined && finding.jvn.summary !== '' && (
            <p class="mt-2 max-w-3xl text-std-16N-170" lang="ja">
              {finding.jvn.summary}
            </p>
          )}
          {finding.jvn.link !== undefined && finding.jvn.link !== '' && (
            <p class="mt-2">
              <a href={finding.jvn.link} class={linkClass} rel="noreferrer noopener" target="_blank">
                {f.jvnLink}
              </a>
            </p>
          )}
        </section>
      )}
      {finding.cve.description !== '' && (
        <section class="mt-10">
          <h2 class={h2Class}>{f.nvdHeading}</h2>
          <p class="mt-4 max-w-3xl text-std-16N-170" lang="en" data-testid="nvd-description">
            {finding.cve.description}
          </p>
        </section>
      )}
      <section class="mt-10">
        <h2 class={h2Class}>{f.triageHeading}</h2>
        {finding.can_write ? (
          <TriageForm
            key={finding.version}
            finding={finding}
            onSaved={(changed) => {
              setFinding(changed);
              setSaved(true);
            }}
          />
        ) : (
          <InfoNotice testId="triage-read-only">{f.readOnly}</InfoNotice>
        )}
      </section>
      <section class="mt-10">
        <h2 class={h2Class}>{f.historyHeading}</h2>
        <History events={finding.events} />
      </section>
    </>
  );
}

export function FindingDetail({ id }: { id: number }) {
  const { t } = useI18n();
  const f = t.findings;
  const [resource] = useResource(`finding/${id}`, (signal) => loadFinding(id, signal));
  return (
    <div data-testid="finding-page">
      <p>
        <Link href={findingsPaths.dashboard} class={linkClass}>
          {f.backToList}
        </Link>
      </p>
      {resource.state === 'loading' && <p role="status" class="mt-6 text-std-16N-170 text-solid-gray-700">{f.loading}</p>}
      {resource.state === 'error' && (
        <>
          <h1 class={h1Class}>{f.detailTitle}</h1>
          <InfoNotice>{resource.error instanceof ApiError && resource.error.status === 404 ? f.notFound : f.loadFailed}</InfoNotice>
        </>
      )}
      {resource.state === 'ready' && <Finding initial={resource.data} />}
    </div>
  );
}
