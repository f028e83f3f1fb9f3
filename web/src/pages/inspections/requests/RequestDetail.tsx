// /improvement-requests/{id}: one request, both sides. Its item, finding, text and due date, its history
// (every step with who, which side, when and why, and the evidence files), the 改善指導書 PDF, and the steps
// the caller may take now: the institution's plan and completion report (with a file), the inspector's
// close or send back (with a reason), and editing while the request is still open.
import { useState } from 'preact/hooks';
import { useResource } from '../../../api/useResource';
import { formatJst } from '../../../auth/format';
import { langOf, useI18n } from '../../../i18n';
import { Link } from '../../../router';
import { InfoNotice, ProblemBox, SuccessNotice } from '../../account/ui';
import { problemText } from '../../assessments/ui';
import { buttonClass, h1Class, h2Class, linkClass, primaryButtonClass } from '../../catalog/ui';
import { editRequest, loadRequest, requestFiles, requestPaths, takeStep, uploadEvidence, type ImprovementRequest, type RequestAction } from './requestsApi';
import { itemText, LoadedPage, panelClass, StatusBadge, textareaClass, useDay } from './ui';

interface StepFormProps {
  request: ImprovementRequest;
  action: RequestAction;
  label: string;
  help?: string;
  button: string;
  textRequired: boolean;
  withFile?: boolean;
  onDone: (next: ImprovementRequest) => void;
}

function StepForm({ request, action, label, help, button, textRequired, withFile, onDone }: StepFormProps) {
  const { t, language } = useI18n();
  const r = t.improvementRequests;
  const [text, setText] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [problem, setProblem] = useState<unknown>(null);
  const [localError, setLocalError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const id = `step-${action}`;
  const submit = async (event: Event) => {
    event.preventDefault();
    setProblem(null);
    setLocalError(null);
    if (textRequired && text.trim() === '') return setLocalError(r.needsText);
    if (withFile === true && file === null) return setLocalError(r.needsFile);
    setBusy(true);
    try {
      let evidence: { sha256: string; file_name: string } | undefined;
      if (withFile === true && file !== null) evidence = await uploadEvidence(request.id, file);
      const next = await takeStep(request.id, { version: request.version, action, text: text.trim(), ...(evidence === undefined ? {} : { evidence }) });
      setText('');
      onDone(next);
    } catch (error) {
      setProblem(error);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form class={panelClass} onSubmit={submit} data-testid={`form-${action}`}>
      <label for={id} class="block text-std-16B-170 text-solid-gray-900">
        {label}
      </label>
      {help !== undefined && <p class="text-dns-14N-130 text-solid-gray-700">{help}</p>}
      <textarea id={id} class={textareaClass} rows={4} maxLength={2000} value={text} onInput={(e) => setText((e.currentTarget as HTMLTextAreaElement).value)} />
      {withFile === true && (
        <div class="mt-4">
          <label for={`${id}-file`} class="block text-std-16B-170 text-solid-gray-900">
            {r.evidenceLabel}
          </label>
          <input id={`${id}-file`} type="file" class="mt-2 block text-std-16N-170" onChange={(e) => setFile((e.currentTarget as HTMLInputElement).files?.[0] ?? null)} />
        </div>
      )}
      {localError !== null && (
        <p class="mt-2 text-std-16B-170 text-error-1" role="alert">
          {localError}
        </p>
      )}
      {problem !== null && <ProblemBox problem={problemText(t, language, problem)} />}
      <button type="submit" class={`${action === 'send_back' ? buttonClass : primaryButtonClass} mt-4`} disabled={busy}>
        {busy ? r.working : button}
      </button>
    </form>
  );
}

function EditForm({ request, onDone }: { request: ImprovementRequest; onDone: (next: ImprovementRequest) => void }) {
  const { t, language } = useI18n();
  const r = t.improvementRequests;
  const [text, setText] = useState(request.text);
  const [due, setDue] = useState(request.due_on);
  const [problem, setProblem] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (event: Event) => {
    event.preventDefault();
    setProblem(null);
    setBusy(true);
    try {
      onDone(await editRequest(request.id, { version: request.version, canonical_id: request.canonical_id ?? '', text, due_on: due }));
    } catch (error) {
      setProblem(error);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form class={panelClass} onSubmit={submit} data-testid="form-edit">
      <h3 class="text-std-18B-160">{r.editHeading}</h3>
      <label for="edit-text" class="mt-4 block text-std-16B-170">
        {r.text}
      </label>
      <textarea id="edit-text" class={textareaClass} rows={4} maxLength={2000} value={text} onInput={(e) => setText((e.currentTarget as HTMLTextAreaElement).value)} />
      <label for="edit-due" class="mt-4 block text-std-16B-170">
        {r.due}
      </label>
      <input id="edit-due" type="date" class="mt-2 block rounded-8 border border-solid-gray-600 px-3 py-2" value={due} onChange={(e) => setDue((e.currentTarget as HTMLInputElement).value)} />
      {problem !== null && <ProblemBox problem={problemText(t, language, problem)} />}
      <button type="submit" class={`${buttonClass} mt-4`} disabled={busy}>
        {busy ? r.working : r.save}
      </button>
    </form>
  );
}

function Detail({ initial }: { initial: ImprovementRequest }) {
  const { t, language } = useI18n();
  const r = t.improvementRequests;
  const day = useDay();
  const [request, setRequest] = useState(initial);
  const [notice, setNotice] = useState(false);
  const done = (next: ImprovementRequest) => {
    setRequest(next);
    setNotice(true);
  };
  const can = (action: string) => request.actions.includes(action);
  return (
    <div data-testid="request-detail">
      <p class="text-std-16B-170 text-solid-gray-700">
        <span lang={langOf(request.organisation_name)}>{request.organisation_name}</span>　{r.visitOf(request.fiscal_year, day(request.visit_on))}
      </p>
      <h1 class={h1Class} lang="ja">
        {itemText(request)}
      </h1>
      <p class="mt-2">
        <StatusBadge request={request} />
      </p>
      {notice && <SuccessNotice testId="request-saved">{r.saved}</SuccessNotice>}
      <dl class={`${panelClass} grid gap-3 md:grid-cols-[12rem_1fr]`}>
        {request.finding !== '' && (
          <>
            <dt class="text-std-16B-170">{r.finding}</dt>
            <dd class="whitespace-pre-wrap text-std-16N-170" lang="ja">
              {request.finding}
            </dd>
          </>
        )}
        <dt class="text-std-16B-170">{r.text}</dt>
        <dd class="whitespace-pre-wrap text-std-16N-170" lang="ja" data-testid="request-text">
          {request.text}
        </dd>
        <dt class="text-std-16B-170">{r.due}</dt>
        <dd class="text-std-16N-170">{day(request.due_on)}</dd>
        <dt class="text-std-16B-170">{r.currentStatus}</dt>
        <dd class="text-std-16N-170" data-testid="request-status">
          {r.status[request.status]}
        </dd>
      </dl>
      <p class="mt-4 flex flex-wrap gap-6">
        <a href={requestFiles.document(request.id)} class={linkClass} download>
          {r.documentPdf}
        </a>
        {request.side === 'inspector' ? (
          <Link href={requestPaths.visit(request.visit_id)} class={linkClass}>
            {r.visitPage}
          </Link>
        ) : (
          <Link href={requestPaths.list} class={linkClass}>
            {r.back}
          </Link>
        )}
      </p>

      {request.status === 'closed' && <InfoNotice>{r.closedNote}</InfoNotice>}
      {request.status !== 'closed' && request.actions.filter((a) => a !== 'edit').length === 0 && (
        <InfoNotice>{request.side === 'inspector' ? r.waitingInstitution : r.waitingInspector}</InfoNotice>
      )}
      {can('submit_plan') && <StepForm request={request} action="submit_plan" label={r.planLabel} help={r.planHelp} button={r.submitPlan} textRequired onDone={done} />}
      {can('report_completion') && (
        <StepForm request={request} action="report_completion" label={r.completionLabel} help={r.completionHelp} button={r.reportCompletion} textRequired withFile onDone={done} />
      )}
      {can('close') && <StepForm request={request} action="close" label={r.closeLabel} button={r.close} textRequired={false} onDone={done} />}
      {can('send_back') && <StepForm request={request} action="send_back" label={r.sendBackLabel} button={r.sendBack} textRequired onDone={done} />}
      {can('edit') && <EditForm request={request} onDone={done} />}

      <section class="mt-10 max-w-3xl" aria-labelledby="history-heading">
        <h2 id="history-heading" class={h2Class}>
          {r.history}
        </h2>
        <ol class="mt-4 space-y-3" data-testid="request-history">
          {request.events.map((event) => (
            <li key={event.id} class="border-l-4 border-solid-gray-420 pl-4" data-action={event.action}>
              <p class="text-std-16B-170">
                {r.eventActions[event.action] ?? event.action}　<span class="font-normal">{formatJst(event.at, language)}</span>
              </p>
              <p class="text-std-16N-170 text-solid-gray-700">
                <span lang={langOf(event.by)}>{r.by(event.by, r.sides[event.by_side] ?? '')}</span>
              </p>
              {event.text !== '' && (
                <p class="mt-1 whitespace-pre-wrap text-std-16N-170" lang="ja">
                  {event.text}
                </p>
              )}
              {event.file_name !== null && (
                <p class="mt-1">
                  <a href={requestFiles.evidence(request.id, event.id)} class={linkClass} download>
                    <span lang={langOf(event.file_name)}>{r.evidenceFile(event.file_name)}</span>
                  </a>
                </p>
              )}
            </li>
          ))}
        </ol>
      </section>
    </div>
  );
}

export function RequestDetail({ id }: { id: number }) {
  const [resource] = useResource(`improvement-request-${id}`, (signal) => loadRequest(id, signal));
  return <LoadedPage resource={resource} testId="request-not-found">{(data) => <Detail initial={data} />}</LoadedPage>;
}
