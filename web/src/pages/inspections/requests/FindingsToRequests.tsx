// The findings (指摘) of a visit's on-site record turned into improvement requests at once: each finding
// chosen, its text (the finding's, editable) and one due date for all (editable per request), then one
// POST .../improvement-requests/from-findings. A finding that already has its request links to it instead.
import { useState } from 'preact/hooks';
import { isRecord } from '../../../api/http';
import { useResource } from '../../../api/useResource';
import { send } from '../../../auth/request';
import { useI18n } from '../../../i18n';
import { Link } from '../../../router';
import { ProblemBox, SuccessNotice } from '../../account/ui';
import { problemText, todayIso } from '../../assessments/ui';
import { h2Class, linkClass, primaryButtonClass } from '../../catalog/ui';
import { requestPaths } from './requestsApi';
import { itemText, panelClass, textareaClass } from './ui';

export interface RecordFinding {
  canonical_id: string;
  row_key: string;
  label: string;
  item_text: string;
  finding: string;
  request_id: number | null;
}

interface VisitFindings {
  visit_id: number;
  record_status: string | null;
  can_create: boolean;
  findings: RecordFinding[];
}

const isFindings = (v: unknown): v is VisitFindings => isRecord(v) && Array.isArray(v['findings']);
const isMade = (v: unknown): v is { created: unknown[]; already: RecordFinding[] } => isRecord(v) && Array.isArray(v['created']);

const findingsPath = (visitId: number) => `/api/v1/inspections/visits/${visitId}/improvement-requests/from-findings`;
export const loadFindings = (visitId: number, signal: AbortSignal) => send('GET', findingsPath(visitId), isFindings, { signal });
export const requestsFromFindings = (visitId: number, input: { due_on: string; findings: { canonical_id: string; row_key: string; text: string; due_on: string }[] }) =>
  send('POST', findingsPath(visitId), isMade, { body: input });

const keyOf = (f: { canonical_id: string; row_key: string }) => `${f.canonical_id}/${f.row_key}`;

interface Draft {
  chosen: boolean;
  text: string;
  due: string;
}

const inputClass = 'mt-1 block rounded-8 border border-solid-gray-600 bg-white px-3 py-2 text-std-16N-170';

function Form({ data, onMade }: { data: VisitFindings; onMade: (message: string) => void }) {
  const { t, language } = useI18n();
  const c = t.inspectionCycle;
  const open = data.findings.filter((f) => f.request_id === null);
  const [common, setCommon] = useState('');
  const [drafts, setDrafts] = useState<Record<string, Draft>>(() =>
    Object.fromEntries(open.map((f) => [keyOf(f), { chosen: true, text: f.finding, due: '' }])),
  );
  const [problem, setProblem] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const update = (key: string, change: Partial<Draft>) => setDrafts((d) => ({ ...d, [key]: { ...(d[key] as Draft), ...change } }));
  const chosen = open.filter((f) => drafts[keyOf(f)]?.chosen === true);
  const applyCommon = (due: string) => {
    setCommon(due);
    setDrafts((d) => Object.fromEntries(Object.entries(d).map(([k, v]) => [k, { ...v, due }])));
  };
  const submit = async (event: Event) => {
    event.preventDefault();
    setProblem(null);
    setBusy(true);
    try {
      const made = await requestsFromFindings(data.visit_id, {
        due_on: common,
        findings: chosen.map((f) => {
          const d = drafts[keyOf(f)] as Draft;
          return { canonical_id: f.canonical_id, row_key: f.row_key, text: d.text.trim(), due_on: d.due === '' ? common : d.due };
        }),
      });
      onMade(made.created.length === 0 ? c.nothingNew : c.created(made.created.length));
    } catch (error) {
      setProblem(error);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form onSubmit={(e) => void submit(e)} data-testid="findings-to-requests-form">
      {open.length > 0 && (
        <label class="mt-4 block text-std-16B-170">
          {c.commonDue}
          <input type="date" min={todayIso()} class={inputClass} value={common} onChange={(e) => applyCommon((e.currentTarget as HTMLInputElement).value)} data-testid="findings-common-due" />
        </label>
      )}
      <ul class="mt-4 space-y-4">
        {data.findings.map((f) => {
          const key = keyOf(f);
          const d = drafts[key];
          const item = itemText({ item_label: f.label, item_text: f.item_text });
          return (
            <li key={key} class="rounded-8 border border-solid-gray-420 p-3" data-testid="finding-choice">
              {f.request_id !== null || d === undefined ? (
                <>
                  <p class="text-std-16B-170" lang="ja">{item}</p>
                  <p class="mt-1 text-std-16N-170" lang="ja">{f.finding}</p>
                  <p class="mt-1 flex flex-wrap gap-x-3 text-std-16N-170">
                    <span>{c.alreadyMade}</span>
                    {f.request_id !== null && (
                      <Link href={requestPaths.detail(f.request_id)} class={linkClass}>
                        {c.openRequest}
                      </Link>
                    )}
                  </p>
                </>
              ) : (
                <>
                  <label class="flex items-start gap-2 text-std-16B-170">
                    <input type="checkbox" class="mt-1.5 h-5 w-5" checked={d.chosen} onChange={(e) => update(key, { chosen: (e.currentTarget as HTMLInputElement).checked })} />
                    <span lang="ja">{item}</span>
                  </label>
                  {d.chosen && (
                    <div class="mt-2 pl-7">
                      <label class="block text-std-16B-170">
                        {c.requestText}
                        <textarea class={textareaClass} rows={3} maxLength={2000} value={d.text} onInput={(e) => update(key, { text: (e.currentTarget as HTMLTextAreaElement).value })} />
                      </label>
                      <label class="mt-2 block text-std-16B-170">
                        {c.due}
                        <input type="date" min={todayIso()} class={inputClass} value={d.due === '' ? common : d.due} onChange={(e) => update(key, { due: (e.currentTarget as HTMLInputElement).value })} />
                      </label>
                    </div>
                  )}
                </>
              )}
            </li>
          );
        })}
      </ul>
      {problem !== null && <ProblemBox problem={problemText(t, language, problem)} />}
      {open.length > 0 && (
        <button type="submit" class={`${primaryButtonClass} mt-4`} disabled={busy || chosen.length === 0} data-testid="findings-create">
          {busy ? c.working : c.create(chosen.length)}
        </button>
      )}
    </form>
  );
}

/** The panel on a visit's requests page; `onMade` tells the page what was made (it reloads its list). */
export function FindingsToRequests({ visitId, notice, onMade }: { visitId: number; notice: string | null; onMade: (message: string) => void }) {
  const { t } = useI18n();
  const c = t.inspectionCycle;
  const [resource, reload] = useResource(`visit-findings-${visitId}`, (signal) => loadFindings(visitId, signal));
  if (resource.state !== 'ready' || resource.data.record_status === null) return null;
  const data = resource.data;
  return (
    <section id="findings" class={panelClass} aria-labelledby="findings-heading" data-testid="findings-to-requests">
      <h2 id="findings-heading" class={h2Class}>
        {c.fromFindingsHeading}
      </h2>
      {data.findings.length === 0 ? (
        <p class="mt-3 text-std-16N-170">{c.noFindings}</p>
      ) : (
        <>
          <p class="mt-3 text-std-16N-170">{c.fromFindingsLead}</p>
          {data.can_create ? (
            <Form
              key={data.findings.map((f) => `${keyOf(f)}:${f.request_id ?? ''}`).join(',')}
              data={data}
              onMade={(message) => {
                reload();
                onMade(message);
              }}
            />
          ) : null}
          {notice !== null && <SuccessNotice testId="findings-made">{notice}</SuccessNotice>}
        </>
      )}
    </section>
  );
}
