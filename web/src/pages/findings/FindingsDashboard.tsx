// /findings: the institution's vulnerability response dashboard: the summary cards (KEV, ransomware,
// exposed), then the "fix first" list with its filters (state, KEV only) and paging.
import { useState } from 'preact/hooks';
import { useResource } from '../../api/useResource';
import { langOf, useI18n } from '../../i18n';
import { Link } from '../../router';
import { cardCellClass, cardHeadClass, cardRowClass, cardTableClass, CellLabel, Checkbox, h1Class, h2Class, InfoNotice, leadClass, SelectField } from '../account/ui';
import { buttonClass, linkClass } from '../catalog/ui';
import { findingStates, loadFindings, loadSummary, type Finding, type FindingsSummary, type ListFilter } from './findingsApi';
import { findingsPaths } from './routes';
import { Badges, CveName, score, StateLabel, useDay } from './ui';

function Card({ label, value, testId, strong }: { label: string; value: number; testId: string; strong: boolean }) {
  const { t } = useI18n();
  return (
    <div class={`rounded-8 border-2 p-4 ${strong && value > 0 ? 'border-red-900 bg-red-50' : 'border-solid-gray-420 bg-white'}`} data-testid={testId}>
      <dt class="text-std-16B-170 text-solid-gray-800">{label}</dt>
      <dd class="mt-1 text-std-28B-150 tabular-nums">
        {value}
        <span class="ml-1 text-std-16N-170">{t.findings.cards.unit}</span>
      </dd>
    </div>
  );
}

function SummaryCards({ summary }: { summary: FindingsSummary }) {
  const { t } = useI18n();
  const c = t.findings.cards;
  return (
    <dl class="mt-6 grid grid-cols-1 gap-4 md:grid-cols-4" data-testid="summary">
      <Card label={c.kev} value={summary.open_kev} testId="card-kev" strong />
      <Card label={c.ransomware} value={summary.ransomware} testId="card-ransomware" strong />
      <Card label={c.exposed} value={summary.exposed} testId="card-exposed" strong />
      <Card label={c.open} value={summary.open} testId="card-open" strong={false} />
    </dl>
  );
}

export function FindingsTable({ findings }: { findings: Finding[] }) {
  const { t } = useI18n();
  const f = t.findings;
  const day = useDay();
  return (
    <table class={`${cardTableClass} mt-4`} data-testid="findings-table">
      <thead class={cardHeadClass}>
        <tr class="border-b-2 border-solid-gray-600">
          <th scope="col" class="px-2 py-2">{f.columns.cve}</th>
          <th scope="col" class="px-2 py-2">{f.columns.flags}</th>
          <th scope="col" class="px-2 py-2">{f.columns.asset}</th>
          <th scope="col" class="px-2 py-2">{f.columns.cvss}</th>
          <th scope="col" class="px-2 py-2">{f.columns.due}</th>
          <th scope="col" class="px-2 py-2">{f.columns.state}</th>
        </tr>
      </thead>
      <tbody class="block md:table-row-group">
        {findings.map((finding) => (
          <tr key={finding.id} class={cardRowClass} data-testid={`finding-row-${finding.id}`}>
            <td class={cardCellClass}>
              <CellLabel>{f.columns.cve}</CellLabel>
              <Link href={findingsPaths.detail(finding.id)} class={linkClass}>
                <CveName finding={finding} />
              </Link>
            </td>
            <td class={cardCellClass}>
              <CellLabel>{f.columns.flags}</CellLabel>
              <Badges finding={finding} />
            </td>
            <td class={cardCellClass}>
              <CellLabel>{f.columns.asset}</CellLabel>
              <span>
                <span lang={langOf(finding.asset.name) ?? 'en'} data-testid="asset-name">{finding.asset.name}</span>
                <span class="block text-std-16N-170 text-solid-gray-700">{f.classes[finding.asset.asset_class] ?? ''}</span>
              </span>
            </td>
            <td class={`${cardCellClass} tabular-nums`}>
              <CellLabel>{f.columns.cvss}</CellLabel>
              {score(finding.cvss_score, f.noScore)}
            </td>
            <td class={`${cardCellClass} tabular-nums`}>
              <CellLabel>{f.columns.due}</CellLabel>
              {day(finding.kev?.due_date, f.noDue)}
            </td>
            <td class={cardCellClass}>
              <CellLabel>{f.columns.state}</CellLabel>
              <StateLabel state={finding.state} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function FindingsDashboard() {
  const { t } = useI18n();
  const f = t.findings;
  const [filter, setFilter] = useState<ListFilter>({ state: '', kevOnly: false, limit: 50 });
  const [draft, setDraft] = useState<ListFilter>(filter);
  const [summary] = useResource('findings-summary', loadSummary);
  const [list] = useResource(`findings/${filter.state}/${filter.kevOnly}/${filter.limit}`, (signal) => loadFindings(filter, signal));
  const refused = summary.state === 'error' && summary.error.status === 404;
  return (
    <div data-testid="findings-page">
      <h1 class={h1Class}>{f.title}</h1>
      <p class={leadClass}>{f.lead}</p>
      <p class="mt-4">
        <Link href={findingsPaths.check} class={linkClass}>
          {f.checkNav}
        </Link>
      </p>
      {refused && <InfoNotice testId="findings-unavailable">{f.notHere}</InfoNotice>}
      {summary.state === 'error' && !refused && <InfoNotice>{f.loadFailed}</InfoNotice>}
      {summary.state === 'ready' && <SummaryCards summary={summary.data} />}
      {!refused && (
        <>
          <h2 class={`${h2Class} mt-10`}>{f.listHeading}</h2>
          <form
            class="mt-4 flex flex-wrap items-end gap-6"
            aria-label={f.filters.heading}
            onSubmit={(event) => {
              event.preventDefault();
              setFilter({ ...draft, limit: 50 });
            }}
          >
            <SelectField
              id="finding-state"
              class="mt-0"
              label={f.filters.state}
              value={draft.state}
              onChange={(state) => setDraft({ ...draft, state })}
              placeholder={f.filters.stateDefault}
              options={findingStates.map((state) => ({ value: state, label: f.states[state] ?? state }))}
            />
            <Checkbox id="kev-only" label={f.filters.kevOnly} checked={draft.kevOnly} onChange={(kevOnly) => setDraft({ ...draft, kevOnly })} />
            <button type="submit" class={buttonClass}>
              {f.filters.apply}
            </button>
          </form>
          {list.state === 'loading' && <p role="status" class="mt-6 text-std-16N-170 text-solid-gray-700">{f.loading}</p>}
          {list.state === 'error' && <InfoNotice>{f.loadFailed}</InfoNotice>}
          {list.state === 'ready' && (
            <>
              <p class="mt-4 text-std-16N-170" data-testid="findings-total">{f.total(list.data.total)}</p>
              {list.data.findings.length === 0 ? <InfoNotice testId="findings-empty">{f.empty}</InfoNotice> : <FindingsTable findings={list.data.findings} />}
              {list.data.total > list.data.findings.length && list.data.findings.length < 200 && (
                <p class="mt-4">
                  <button type="button" class={buttonClass} onClick={() => setFilter({ ...filter, limit: Math.min(200, filter.limit + 50) })}>
                    {f.more}
                  </button>
                </p>
              )}
            </>
          )}
        </>
      )}
    </div>
  );
}
