// /inspections/visits/:id/record — the on-site record on a tablet, online or not. Online it reads and writes
// the server; "持ち出す" keeps the package (visit, institution, checklist of record, current lines) in IndexedDB,
// so the page (its shell cached by the service worker, public/sw.js) opens and records without a network.
// Offline edits wait in a queue; back online they are sent line by line, each against the version the device
// last saw; a line someone else changed meanwhile is listed with both contents for the inspector to choose.
import { useEffect, useRef, useState } from 'preact/hooks';
import { ApiError } from '../../../api/http';
import { formatJst } from '../../../auth/format';
import { ProblemError } from '../../../auth/request';
import { RequireSession } from '../../../auth/RequireSession';
import { useI18n } from '../../../i18n';
import { keepShellForOffline } from '../../../offline/registerWorker';
import { InfoNotice, LoadingLine, SuccessNotice, WarningNotice } from '../../account/ui';
import { buttonClass, h1Class, h2Class, linkClass, primaryButtonClass } from '../../catalog/ui';
import { Link } from '../../../router';
import { requestPaths } from '../requests/requestsApi';
import { LineCard } from './LineCard';
import { saveRecordFile } from './recordFile';
import { deviceName, dropEdit, keepServerLine, loadPackage, queuedEdits, queueEdit, savePackage } from './offlineStore';
import {
  completeRecord,
  getPackage,
  getRecord,
  importRecordFile,
  isRecordLine,
  lineKey,
  recordPath,
  saveLine,
  startRecord,
  type LineEdit,
  type RecordLine,
  type RecordPackage,
  type RecordView,
} from './recordApi';
import { recordFileProblem } from './recordFileProblem';

/** What the page shows, from the server or from the package taken away. */
interface Shown {
  institution: string;
  fiscalYear: number;
  plannedOn: string | null;
  status: 'in_progress' | 'completed';
  summary: string;
  version: number;
  checklist: RecordView['checklist_of_record'];
  lines: Map<string, RecordLine>;
  proposals: RecordView['proposals'];
  counts: RecordView['counts'] | null;
  notesVisible: boolean;
}

type Phase = 'loading' | 'ready' | 'notStarted' | 'notFound' | 'offlineNoPackage';

interface Conflict {
  mine: LineEdit;
  theirs: RecordLine;
}

const fromView = (v: RecordView): Shown => ({
  institution: v.institution_name,
  fiscalYear: v.fiscal_year,
  plannedOn: v.planned_on,
  status: v.status,
  summary: v.summary,
  version: v.version,
  checklist: v.checklist_of_record,
  lines: new Map(v.lines.map((l) => [lineKey(l), l])),
  proposals: v.proposals,
  counts: v.counts,
  notesVisible: v.notes_visible,
});

const fromPackage = (p: RecordPackage, proposals: RecordView['proposals']): Shown => ({
  institution: p.institution.name,
  fiscalYear: p.visit.fiscal_year,
  plannedOn: p.visit.planned_on,
  status: p.record.status,
  summary: p.record.summary,
  version: p.record.version,
  checklist: p.checklist_of_record,
  lines: new Map(p.lines.map((l) => [lineKey(l), l])),
  proposals,
  counts: null,
  notesVisible: true,
});

const isNetwork = (error: unknown) => error instanceof ApiError && error.kind === 'network';

function conflictLine(error: unknown): RecordLine | null {
  if (!(error instanceof ProblemError) || error.status !== 409 || error.body === null) return null;
  const current = error.body['current'];
  return isRecordLine(current) ? current : null;
}

export function RecordPage({ visitId }: { visitId: number }) {
  // Only inspectors (and administrators) may start a record; to anyone else a visit without one is not there.
  return (
    <RequireSession>
      {(session) => <Record visitId={visitId} mayStart={session.user.roles.some((role) => role === 'inspector' || role === 'administrator')} />}
    </RequireSession>
  );
}

function Record({ visitId, mayStart }: { visitId: number; mayStart: boolean }) {
  const { t, language } = useI18n();
  const r = t.inspectionRecord;
  const [phase, setPhase] = useState<Phase>('loading');
  const [shown, setShown] = useState<Shown | null>(null);
  const [offline, setOffline] = useState(false);
  const [takenAt, setTakenAt] = useState<string | null>(null);
  const [queued, setQueued] = useState<Map<string, LineEdit>>(new Map());
  const [conflicts, setConflicts] = useState<Conflict[]>([]);
  const [messages, setMessages] = useState<Map<string, string>>(new Map());
  const [notice, setNotice] = useState<string | null>(null);
  const [importProblem, setImportProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [summary, setSummary] = useState('');
  const [revision, setRevision] = useState(0);

  const say = (key: string, text: string) => setMessages((m) => new Map(m).set(key, text));
  const refreshQueue = async () => {
    const edits = await queuedEdits(visitId).catch(() => []);
    setQueued(new Map(edits.map((e) => [e.key, e])));
    return edits;
  };
  const keepLine = (line: RecordLine) => {
    setShown((s) => (s === null ? s : { ...s, lines: new Map(s.lines).set(lineKey(line), line) }));
    return keepServerLine(visitId, line).catch(() => undefined);
  };

  const load = async () => {
    const pkg = await loadPackage(visitId).catch(() => undefined);
    setTakenAt(pkg?.exported_at ?? null);
    await refreshQueue();
    try {
      const view = await getRecord(visitId);
      setShown(fromView(view));
      setSummary(view.summary);
      setOffline(false);
      setPhase('ready');
      // A package taken away keeps following the server while online.
      if (pkg !== undefined) await savePackage({ ...pkg, lines: view.lines, record: { status: view.status, summary: view.summary, version: view.version } });
    } catch (error) {
      if (isNetwork(error)) {
        setOffline(true);
        if (pkg === undefined) setPhase('offlineNoPackage');
        else {
          setShown(fromPackage(pkg, []));
          setSummary(pkg.record.summary);
          setPhase('ready');
        }
      } else setPhase(mayStart && error instanceof ApiError && error.status === 404 ? 'notStarted' : 'notFound');
    }
  };

  // Back online, what waits is sent at once (the latest sync, not the one of the first render).
  const syncRef = useRef<() => Promise<void>>(async () => undefined);
  const syncing = useRef(false);
  useEffect(() => {
    void load();
    const online = () => {
      setOffline(false);
      void syncRef.current();
    };
    const gone = () => setOffline(true);
    window.addEventListener('online', online);
    window.addEventListener('offline', gone);
    return () => {
      window.removeEventListener('online', online);
      window.removeEventListener('offline', gone);
    };
  }, [visitId]);

  const start = async () => {
    setBusy(true);
    try {
      const view = await startRecord(visitId);
      setShown(fromView(view));
      setPhase('ready');
    } catch {
      setPhase('notFound');
    } finally {
      setBusy(false);
    }
  };

  const takeAway = async () => {
    setBusy(true);
    setNotice(null);
    try {
      const pkg = await getPackage(visitId);
      await savePackage(pkg);
      await keepShellForOffline();
      setTakenAt(pkg.exported_at);
    } catch {
      setNotice(r.failed);
    } finally {
      setBusy(false);
    }
  };

  const queueIt = async (edit: LineEdit) => {
    await queueEdit(visitId, edit);
    await refreshQueue();
    say(lineKey(edit), r.queued);
  };

  const saveOne = async (edit: LineEdit) => {
    const key = lineKey(edit);
    if (offline || !navigator.onLine) return queueIt(edit);
    try {
      const saved = await saveLine(visitId, edit, deviceName());
      await keepLine(saved.line);
      say(key, r.saved);
    } catch (error) {
      const theirs = conflictLine(error);
      if (theirs !== null) {
        await queueEdit(visitId, edit);
        await refreshQueue();
        setConflicts((c) => [...c.filter((x) => lineKey(x.mine) !== key), { mine: edit, theirs }]);
      } else if (isNetwork(error)) {
        setOffline(true);
        await queueIt(edit);
      } else say(key, r.failed);
    }
  };

  const sync = async () => {
    if (syncing.current) return;
    syncing.current = true;
    try {
      await sendQueue();
    } finally {
      syncing.current = false;
    }
  };
  syncRef.current = sync;

  const sendQueue = async () => {
    setBusy(true);
    setNotice(null);
    const found: Conflict[] = [];
    let stopped = false;
    for (const edit of await refreshQueue()) {
      try {
        const saved = await saveLine(visitId, edit, deviceName());
        await dropEdit(visitId, edit.key);
        await keepLine(saved.line);
      } catch (error) {
        const theirs = conflictLine(error);
        if (theirs !== null) found.push({ mine: edit, theirs });
        else {
          stopped = true;
          if (isNetwork(error)) setOffline(true);
          break;
        }
      }
    }
    const left = await refreshQueue();
    setConflicts(found);
    setBusy(false);
    if (!stopped && found.length === 0 && left.length === 0) {
      setNotice(r.synced);
      await load();
      setRevision((n) => n + 1);
    }
  };

  const choose = async (conflict: Conflict, mine: boolean) => {
    const key = lineKey(conflict.mine);
    try {
      if (mine) {
        const saved = await saveLine(visitId, { ...conflict.mine, base_version: conflict.theirs.version }, deviceName());
        await keepLine(saved.line);
      } else await keepLine(conflict.theirs);
      await dropEdit(visitId, key);
      await refreshQueue();
      setConflicts((c) => c.filter((x) => lineKey(x.mine) !== key));
      setRevision((n) => n + 1);
    } catch (error) {
      const theirs = conflictLine(error);
      if (theirs !== null) setConflicts((c) => c.map((x) => (lineKey(x.mine) === key ? { ...x, theirs } : x)));
      else setNotice(r.failed);
    }
  };

  const complete = async (event: Event) => {
    event.preventDefault();
    if (shown === null) return;
    setBusy(true);
    try {
      const view = await completeRecord(visitId, summary, shown.version);
      setShown(fromView(view));
      if (takenAt !== null) await savePackage({ ...(await getPackage(visitId)) });
    } catch {
      setNotice(r.failed);
    } finally {
      setBusy(false);
    }
  };

  const importFile = async (event: Event) => {
    const input = event.currentTarget as HTMLInputElement;
    const file = input.files?.[0];
    if (file === undefined) return;
    setImportProblem(null);
    try {
      const report = await importRecordFile(visitId, file);
      const conflictsFound = report.lines.filter((l) => l.outcome === 'conflict').length;
      setNotice(r.importResult(report.lines.length - conflictsFound, conflictsFound));
      await load();
      setRevision((n) => n + 1);
    } catch (error) {
      setNotice(null);
      setImportProblem(recordFileProblem(t, error));
    }
    input.value = '';
  };

  if (phase === 'loading') return <LoadingLine />;
  if (phase === 'notFound') return <p class="mt-6 text-std-16N-170">{r.notFound}</p>;
  if (phase === 'offlineNoPackage') return <WarningNotice testId="record-offline">{r.offlineNoPackage}</WarningNotice>;
  if (phase === 'notStarted')
    return (
      <div>
        <h1 class={h1Class}>{r.title}</h1>
        <p class="mt-4 max-w-3xl text-std-16N-175">{r.notStarted}</p>
        <button type="button" class={`${primaryButtonClass} mt-4`} disabled={busy} onClick={() => void start()}>
          {busy ? r.starting : r.start}
        </button>
      </div>
    );
  if (shown === null) return <LoadingLine />;
  const readOnly = shown.status === 'completed';
  const proposals = new Map(shown.proposals.map((p) => [lineKey(p), p]));
  const counts = shown.counts;

  return (
    <div data-testid="record-page">
      <h1 class={h1Class}>{r.heading(shown.institution)}</h1>
      <p class="mt-2 text-std-16N-170 text-solid-gray-800">{r.visitFacts(t.assessments.fiscalYear(shown.fiscalYear), shown.plannedOn ?? r.noDate)}</p>
      {offline && <WarningNotice testId="record-offline">{r.offlineNotice}</WarningNotice>}
      {notice !== null && <SuccessNotice testId="record-notice">{notice}</SuccessNotice>}
      {importProblem !== null && (
        <p role="alert" class="mt-4 text-std-16B-170 text-error-1" data-testid="record-import-problem">
          {importProblem}
        </p>
      )}

      {shown.notesVisible && (
      <section class="mt-6 flex flex-wrap items-center gap-3" aria-label={r.takeAway}>
        {!offline && (
          <button type="button" class={primaryButtonClass} disabled={busy} onClick={() => void takeAway()} data-testid="take-away">
            {r.takeAway}
          </button>
        )}
        <p class="text-std-16N-170" data-testid="taken-away">
          {takenAt === null ? r.notTakenAway : r.takenAway(formatJst(takenAt, language))}
        </p>
        {!offline && (
          <a class={linkClass} href={`${recordPath(visitId)}/package`} download>
            {r.exportPackage}
          </a>
        )}
        {!offline && !readOnly && (
          <label class={`${buttonClass} cursor-pointer focus-within:outline focus-within:outline-4 focus-within:outline-black`}>
            {r.importFile}
            <input type="file" accept="application/json,.json" class="sr-only" onChange={(e) => void importFile(e)} />
          </label>
        )}
        {queued.size > 0 && (
          <button type="button" class={buttonClass} onClick={() => saveRecordFile(visitId, [...queued.values()], summary)} data-testid="save-record-file">
            {r.saveRecordFile}
          </button>
        )}
      </section>
      )}

      {queued.size > 0 && (
        <InfoNotice testId="record-pending">
          <p>{r.pending(queued.size)}</p>
          {!offline && (
            <button type="button" class={`${buttonClass} mt-2`} disabled={busy} onClick={() => void sync()}>
              {busy ? r.syncing : r.sync}
            </button>
          )}
        </InfoNotice>
      )}

      {conflicts.length > 0 && (
        <section class="mt-6 rounded-8 border-2 border-red-900 p-4" data-testid="record-conflicts" aria-labelledby="conflicts-heading">
          <h2 id="conflicts-heading" class={h2Class}>{r.conflictsHeading}</h2>
          <p class="mt-2 text-std-16N-170">{r.conflictsLead}</p>
          <ul class="mt-3 space-y-4">
            {conflicts.map((c) => {
              const frozen = shown.checklist.lines.find((l) => lineKey(l) === lineKey(c.mine));
              return (
                <li key={lineKey(c.mine)} data-testid="record-conflict" class="rounded-8 border border-solid-gray-420 p-3">
                  <p class="text-std-16B-170">{frozen === undefined ? c.mine.canonical_id : frozen.gate ? r.gate : `${frozen.number} ${frozen.text}`}</p>
                  <div class="mt-2 grid gap-3 md:grid-cols-2">
                    {[
                      { label: r.mine, line: c.mine, testId: 'conflict-mine' },
                      { label: r.theirs, line: c.theirs, testId: 'conflict-theirs' },
                    ].map(({ label, line, testId }) => (
                      <div key={testId} class="rounded-8 bg-solid-gray-50 p-2" data-testid={testId}>
                        <p class="text-std-16B-170">{label}</p>
                        <p>{r.verdicts[line.verdict]}</p>
                        {line.finding !== '' && <p>{line.finding}</p>}
                        {line.evidence_seen !== '' && <p>{`${r.evidenceSeen}：${line.evidence_seen}`}</p>}
                        {(line.note ?? '') !== '' && <p>{`${r.note}：${line.note ?? ''}`}</p>}
                      </div>
                    ))}
                  </div>
                  <div class="mt-2 flex flex-wrap gap-3">
                    <button type="button" class={buttonClass} onClick={() => void choose(c, true)}>{r.useMine}</button>
                    <button type="button" class={buttonClass} onClick={() => void choose(c, false)}>{r.useTheirs}</button>
                  </div>
                </li>
              );
            })}
          </ul>
        </section>
      )}

      <section class="mt-8" aria-labelledby="checklist-heading">
        <h2 id="checklist-heading" class={h2Class}>{r.checklistOfRecord}</h2>
        <p class="mt-2 text-std-16N-170 text-solid-gray-800">
          {shown.checklist.exists
            ? `${shown.checklist.form_title ?? ''}（${r.checklistStatus[shown.checklist.status ?? ''] ?? ''}）・${r.frozenAt(formatJst(shown.checklist.frozen_at, language))}`
            : r.noChecklist}
        </p>
        <ol class="mt-4 space-y-4">
          {shown.checklist.lines.map((frozen) => {
            const key = lineKey(frozen);
            return (
              <LineCard
                key={`${key}/${revision}/${shown.lines.get(key)?.version ?? 0}`}
                state={{ frozen, server: shown.lines.get(key), queued: queued.get(key), proposal: proposals.get(key) }}
                readOnly={readOnly}
                inspector={shown.notesVisible}
                message={messages.get(key) ?? null}
                onSave={(edit) => void saveOne(edit)}
              />
            );
          })}
        </ol>
      </section>

      <section class="mt-10 max-w-3xl" aria-labelledby="complete-heading">
        <h2 id="complete-heading" class={h2Class}>{readOnly ? r.resultHeading : r.completeHeading}</h2>
        {counts !== null && (
          <p class="mt-2 text-std-16N-170" data-testid="record-counts">
            {`${r.countsHeading}：${r.counts(counts.confirmed, counts.incomplete, counts.finding)}`}
          </p>
        )}
        {readOnly ? (
          <>
            <SuccessNotice testId="record-completed">{r.completed}</SuccessNotice>
            <p class="mt-3 whitespace-pre-wrap text-std-16N-170">{shown.summary}</p>
          </>
        ) : (
          <form class="mt-3" onSubmit={(e) => void complete(e)}>
            <label class="block text-std-16B-170">
              {r.summary}
              <textarea
                class="mt-1 block w-full rounded-8 border border-solid-gray-600 px-3 py-2 text-std-16N-170"
                rows={4}
                maxLength={8000}
                value={summary}
                onInput={(e) => setSummary(e.currentTarget.value)}
              />
            </label>
            {offline && <p class="mt-2 text-std-16N-170">{r.completeOffline}</p>}
            {!offline && queued.size > 0 && <p class="mt-2 text-std-16N-170">{r.completePending}</p>}
            <button type="submit" class={`${primaryButtonClass} mt-3`} disabled={busy || offline || queued.size > 0}>
              {busy ? r.completing : r.complete}
            </button>
          </form>
        )}
        {shown.notesVisible && !offline && counts !== null && counts.finding > 0 && (
          <p class="mt-3">
            <Link href={`${requestPaths.visit(visitId)}#findings`} class={linkClass} data-testid="record-findings-to-requests">
              {t.inspectionCycle.recordLink}
            </Link>
          </p>
        )}
      </section>
    </div>
  );
}
