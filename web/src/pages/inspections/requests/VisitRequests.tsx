// /inspections/visits/{id}/requests: one inspection's improvement requests, and (for its inspectors) a form
// to make one: the record's findings first, then the lines answered いいえ, then the other items. Links to
// the pre-visit package and, once the record is completed, the 結果通知 PDF.
import { useState } from 'preact/hooks';
import { useResource } from '../../../api/useResource';
import { langOf, useI18n } from '../../../i18n';
import { Link, navigate } from '../../../router';
import { InfoNotice, ProblemBox } from '../../account/ui';
import { problemText, todayIso } from '../../assessments/ui';
import { h1Class, h2Class, linkClass, primaryButtonClass } from '../../catalog/ui';
import { FindingsToRequests } from './FindingsToRequests';
import { createRequest, loadVisitRequests, requestFiles, requestPaths, type VisitRequests as Visit } from './requestsApi';
import { itemText, LoadedPage, panelClass, selectClass, StatusBadge, textareaClass, useDay } from './ui';

function CreateForm({ visit }: { visit: Visit }) {
  const { t, language } = useI18n();
  const r = t.improvementRequests;
  const [item, setItem] = useState(visit.items[0]?.canonical_id ?? '');
  const [text, setText] = useState('');
  const [due, setDue] = useState('');
  const [problem, setProblem] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (event: Event) => {
    event.preventDefault();
    setProblem(null);
    setBusy(true);
    try {
      const made = await createRequest({ visit_id: visit.visit_id, canonical_id: item, text: text.trim(), due_on: due });
      navigate(requestPaths.detail(made.id));
    } catch (error) {
      setProblem(error);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form class={panelClass} onSubmit={submit} data-testid="create-request">
      <h2 class={h2Class}>{r.createHeading}</h2>
      <label for="request-item" class="mt-4 block text-std-16B-170">
        {r.itemLabel}
      </label>
      <select id="request-item" class={selectClass} value={item} onChange={(e) => setItem((e.currentTarget as HTMLSelectElement).value)}>
        {visit.items.map((i) => (
          <option key={i.canonical_id} value={i.canonical_id} lang="ja">
            {itemText({ item_label: i.label, item_text: i.text })}
            {i.finding !== '' ? ` ${r.itemFinding}` : i.answered_no ? ` ${r.itemNo}` : ''}
          </option>
        ))}
      </select>
      <label for="request-text" class="mt-4 block text-std-16B-170">
        {r.text}
      </label>
      <textarea id="request-text" class={textareaClass} rows={4} maxLength={2000} value={text} onInput={(e) => setText((e.currentTarget as HTMLTextAreaElement).value)} />
      <label for="request-due" class="mt-4 block text-std-16B-170">
        {r.due}
      </label>
      <input id="request-due" type="date" min={todayIso()} class="mt-2 block rounded-8 border border-solid-gray-600 px-3 py-2" value={due} onChange={(e) => setDue((e.currentTarget as HTMLInputElement).value)} />
      {problem !== null && <ProblemBox problem={problemText(t, language, problem)} />}
      <button type="submit" class={`${primaryButtonClass} mt-4`} disabled={busy}>
        {busy ? r.working : r.create}
      </button>
    </form>
  );
}

function Page({ visit, notice, onMade }: { visit: Visit; notice: string | null; onMade: (message: string) => void }) {
  const { t } = useI18n();
  const r = t.improvementRequests;
  const day = useDay();
  return (
    <div data-testid="visit-requests">
      <p class="text-std-16B-170 text-solid-gray-700">{r.visitOf(visit.fiscal_year, day(visit.visit_on))}</p>
      <h1 class={h1Class}>
        <span lang={langOf(visit.organisation_name)}>{r.visitTitle(visit.organisation_name)}</span>
      </h1>
      <p class="mt-4 flex flex-wrap gap-6">
        {visit.can_create && (
          <Link href={requestPaths.package(visit.visit_id)} class={linkClass}>
            {r.packageLink}
          </Link>
        )}
        {visit.record_status === 'completed' && (
          <a href={requestFiles.resultNotice(visit.visit_id)} class={linkClass} download>
            {r.resultNotice}
          </a>
        )}
        <Link href={requestPaths.list} class={linkClass}>
          {r.back}
        </Link>
      </p>
      {visit.record_status !== 'completed' && visit.can_create && <InfoNotice>{r.noRecordYet}</InfoNotice>}
      {visit.requests.length === 0 ? (
        <p class="mt-6 text-std-16N-170">{r.empty}</p>
      ) : (
        <ul class="mt-6 max-w-3xl space-y-3" data-testid="visit-request-list">
          {visit.requests.map((request) => (
            <li key={request.id} class="rounded-8 border border-solid-gray-420 bg-white p-4">
              <Link href={requestPaths.detail(request.id)} class={`${linkClass} text-std-16B-170`}>
                <span lang="ja">{itemText(request)}</span>
              </Link>
              <p class="mt-1 text-std-16N-170">
                {r.due}：{day(request.due_on)}
              </p>
              <p class="mt-1">
                <StatusBadge request={request} />
              </p>
            </li>
          ))}
        </ul>
      )}
      {visit.can_create && <FindingsToRequests visitId={visit.visit_id} notice={notice} onMade={onMade} />}
      {visit.can_create && visit.items.length > 0 && <CreateForm visit={visit} />}
    </div>
  );
}

export function VisitRequests({ visitId }: { visitId: number }) {
  const [resource, reload] = useResource(`visit-requests-${visitId}`, (signal) => loadVisitRequests(visitId, signal));
  const [notice, setNotice] = useState<string | null>(null);
  const onMade = (message: string) => {
    setNotice(message);
    reload();
  };
  return <LoadedPage resource={resource}>{(data) => <Page visit={data} notice={notice} onMade={onMade} />}</LoadedPage>;
}
