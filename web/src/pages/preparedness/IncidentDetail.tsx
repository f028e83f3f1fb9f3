// /preparedness/incidents/{id}: one incident: the six first-response items as checkboxes (who ticked each and
// when), the timeline, the reports made, and closing it with its lessons. Each part is a separate write of the
// whole incident; what happened (title, when noticed, summary) is changed while it is open, and the record can be
// removed (its history stays). A health centre's inspector it was reported to reads it without any of the forms.
import { useState } from 'preact/hooks';
import { useResource } from '../../api/useResource';
import { useSession } from '../../auth/session';
import { langOf, useI18n } from '../../i18n';
import { Link, navigate } from '../../router';
import { buttonClass, h1Class, h2Class, InfoNotice, SelectField, SuccessNotice, TextField, WarningNotice } from '../account/ui';
import { linkClass } from '../catalog/ui';
import { checklistItems, eventKinds, incidentPart, organisationNames, pick, preparednessApi, removeRecord, reportTargets, updateRecord, type Incident } from './api';
import { StatusBadge } from './Incidents';
import { loadingOrRefused } from './PageFrame';
import { preparednessPaths } from './routes';
import { Facts, formBoxClass, FormButtons, FormProblem, japanNow, RecordHistory, refusal, RemoveButton, submitWith, TextArea, useRecordForm, useWhen, WhenField } from './ui';

type Part = 'details' | 'events' | 'reports' | 'close';

const incidentKeys = ['title', 'detected_at', 'status', 'summary', 'events', 'checklist', 'reports', 'closed_at', 'lessons', 'bcp_rows'] as const;

/** What happened, when it was noticed and the summary: the whole incident written with these changed. */
function DetailsForm({ incident, onDone, onCancel }: { incident: Incident; onDone: (next: Incident) => void; onCancel: () => void }) {
  const { t } = useI18n();
  const i = t.preparedness.incidents;
  const form = useRecordForm({ title: incident.title, detected_at: incident.detected_at, summary: incident.summary });
  const labels = { title: i.fields.title, detected_at: i.fields.detected_at, summary: i.fields.summary };
  return (
    <form
      noValidate
      class={formBoxClass}
      data-testid="details-form"
      aria-labelledby="details-form-heading"
      onSubmit={(event) => {
        event.preventDefault();
        submitWith(t, form, labels, () => updateRecord<Incident>('incidents', incident.id, incident.version, { ...pick(incident, incidentKeys), ...form.fields }), onDone);
      }}
    >
      <h2 id="details-form-heading" class="text-std-18B-160 text-solid-gray-900">
        {i.detailsHeading}
      </h2>
      <FormProblem problem={form.problem} errors={form.errors} labels={labels} />
      <TextField id="title" label={labels.title} value={form.fields.title} onInput={(value) => form.set('title', value)} maxLength={200} help={i.help.title} error={form.errors['title']} required />
      <WhenField id="detected_at" label={labels.detected_at} value={form.fields.detected_at} onInput={(value) => form.set('detected_at', value)} time error={form.errors['detected_at']} required />
      <TextArea id="summary" label={labels.summary} value={form.fields.summary} onInput={(value) => form.set('summary', value)} maxLength={4000} rows={3} error={form.errors['summary']} />
      <FormButtons busy={form.busy} onCancel={onCancel} />
    </form>
  );
}

function EventForm({ incident, onDone, onCancel }: { incident: Incident; onDone: (next: Incident) => void; onCancel: () => void }) {
  const { t } = useI18n();
  const i = t.preparedness.incidents;
  const form = useRecordForm({ kind: '', at: japanNow().moment as string | null, note: '' });
  const labels = { kind: i.eventFields.kind, at: i.eventFields.at, note: i.eventFields.note };
  return (
    <form
      noValidate
      class={formBoxClass}
      data-testid="event-form"
      aria-labelledby="event-form-heading"
      onSubmit={(event) => {
        event.preventDefault();
        submitWith(t, form, labels, () => incidentPart(incident.id, 'events', incident.version, form.fields), onDone, /^events\[\d+\]\./);
      }}
    >
      <h3 id="event-form-heading" class="text-std-18B-160 text-solid-gray-900">
        {i.addEvent}
      </h3>
      <FormProblem problem={form.problem} errors={form.errors} labels={labels} />
      <SelectField id="kind" label={labels.kind} value={form.fields.kind} onChange={(value) => form.set('kind', value)} options={eventKinds.map((kind) => ({ value: kind, label: i.eventKinds[kind] }))} placeholder={i.choose} error={form.errors['kind']} required />
      <WhenField id="at" label={labels.at} value={form.fields.at} onInput={(value) => form.set('at', value)} time error={form.errors['at']} required />
      <TextArea id="note" label={labels.note} value={form.fields.note} onInput={(value) => form.set('note', value)} maxLength={1000} rows={2} error={form.errors['note']} />
      <FormButtons busy={form.busy} onCancel={onCancel} />
    </form>
  );
}

function ReportForm({ incident, onDone, onCancel }: { incident: Incident; onDone: (next: Incident) => void; onCancel: () => void }) {
  const { t } = useI18n();
  const i = t.preparedness.incidents;
  const form = useRecordForm({ to: '', at: japanNow().moment as string | null, reference: '', note: '' });
  const labels = { to: i.reportFields.to, at: i.reportFields.at, reference: i.reportFields.reference, note: i.reportFields.note };
  return (
    <form
      noValidate
      class={formBoxClass}
      data-testid="report-form"
      aria-labelledby="report-form-heading"
      onSubmit={(event) => {
        event.preventDefault();
        submitWith(t, form, labels, () => incidentPart(incident.id, 'reports', incident.version, form.fields), onDone, /^reports\[\d+\]\./);
      }}
    >
      <h3 id="report-form-heading" class="text-std-18B-160 text-solid-gray-900">
        {i.addReport}
      </h3>
      <p class="mt-1 text-std-16N-170">{i.reportHelp}</p>
      <FormProblem problem={form.problem} errors={form.errors} labels={labels} ids={{ at: 'report-at', note: 'report-note' }} />
      <SelectField id="to" label={labels.to} value={form.fields.to} onChange={(value) => form.set('to', value)} options={reportTargets.map((to) => ({ value: to, label: i.reportTargets[to] }))} placeholder={i.choose} error={form.errors['to']} required />
      <WhenField id="report-at" label={labels.at} value={form.fields.at} onInput={(value) => form.set('at', value)} time error={form.errors['at']} required />
      <TextField id="reference" label={labels.reference} value={form.fields.reference} onInput={(value) => form.set('reference', value)} maxLength={100} help={i.help.reference} error={form.errors['reference']} />
      <TextArea id="report-note" label={labels.note} value={form.fields.note} onInput={(value) => form.set('note', value)} maxLength={1000} rows={2} error={form.errors['note']} />
      <FormButtons busy={form.busy} onCancel={onCancel} />
    </form>
  );
}

function CloseForm({ incident, onDone, onCancel }: { incident: Incident; onDone: (next: Incident) => void; onCancel: () => void }) {
  const { t } = useI18n();
  const i = t.preparedness.incidents;
  const form = useRecordForm({ closed_at: japanNow().moment as string | null, lessons: '', bcp_rows: '' });
  const labels = { closed_at: i.fields.closed_at, lessons: i.fields.lessons, bcp_rows: i.fields.bcp_rows };
  return (
    <form
      noValidate
      class={formBoxClass}
      data-testid="close-form"
      aria-labelledby="close-form-heading"
      onSubmit={(event) => {
        event.preventDefault();
        const rows = form.fields.bcp_rows.split(/[\s,、，]+/).filter((row) => row !== '');
        submitWith(t, form, labels, () => incidentPart(incident.id, 'close', incident.version, { closed_at: form.fields.closed_at, lessons: form.fields.lessons, bcp_rows: rows }), onDone, /\[\d+\]$/);
      }}
    >
      <h3 id="close-form-heading" class="text-std-18B-160 text-solid-gray-900">
        {i.closeHeading}
      </h3>
      <p class="mt-1 text-std-16N-170">{i.closeLead}</p>
      <FormProblem problem={form.problem} errors={form.errors} labels={labels} />
      <WhenField id="closed_at" label={labels.closed_at} value={form.fields.closed_at} onInput={(value) => form.set('closed_at', value)} time error={form.errors['closed_at']} required />
      <TextArea id="lessons" label={labels.lessons} value={form.fields.lessons} onInput={(value) => form.set('lessons', value)} maxLength={4000} rows={4} help={i.help.lessons} error={form.errors['lessons']} />
      <TextField id="bcp_rows" label={labels.bcp_rows} value={form.fields.bcp_rows} onInput={(value) => form.set('bcp_rows', value)} maxLength={200} help={i.help.bcp_rows} error={form.errors['bcp_rows']} />
      <FormButtons busy={form.busy} onCancel={onCancel} saveLabel={i.close} />
    </form>
  );
}

export function IncidentDetail({ id }: { id: number }) {
  const { t, language } = useI18n();
  const p = t.preparedness;
  const i = p.incidents;
  const session = useSession();
  const own = session.status === 'active' ? session.user.organisation_id : null;
  // An inspector reads another institution's incident: its name is shown with it.
  const [data] = useResource(`preparedness-incident/${id}`, async (signal) => {
    const incident = await preparednessApi.incident(id, signal);
    const canWrite = incident.can_write === true;
    const institution = incident.organisation_id === own ? null : ((await organisationNames(signal).catch(() => new Map<number, string>())).get(incident.organisation_id) ?? null);
    return [incident, canWrite, institution] as const;
  });
  const [changed, setChanged] = useState<Incident | null>(null);
  const [open, setOpen] = useState<Part | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [ticking, setTicking] = useState(false);
  const when = useWhen();
  const refused = loadingOrRefused(t, data, { text: i.notFound, testId: 'incident-unavailable' });
  if (refused !== null || data.state !== 'ready') return refused;
  const incident = changed ?? data.data[0];
  const canWrite = data.data[1] && !incident.removed;
  const editable = canWrite && incident.status === 'open';
  const done = (message: string) => (next: Incident) => {
    setChanged(next);
    setOpen(null);
    setProblem(null);
    setNotice(message);
  };
  const me = session.status === 'active' ? session.user.display_name.slice(0, 100) : '';
  const tick = (item: (typeof checklistItems)[number], checked: boolean) => {
    setTicking(true);
    const entry = checked ? { item, done: true, by: me, at: japanNow().moment } : { item, done: false, by: '', at: null };
    const body = checked ? entry : { item, done: false };
    // The box shows its new state while the write is sent; a refusal puts it back.
    const before = incident;
    setChanged({ ...incident, checklist: incident.checklist.map((c) => (c.item === item ? entry : c)) });
    incidentPart(incident.id, 'checklist', incident.version, body).then(
      (next) => {
        setTicking(false);
        setChanged(next);
        setNotice(null);
      },
      (error: unknown) => {
        setTicking(false);
        setChanged(before);
        setProblem(refusal(t, error));
      },
    );
  };
  const events = [...incident.events].sort((x, y) => (x.at < y.at ? -1 : x.at > y.at ? 1 : 0));
  return (
    <div data-testid="incident-detail">
      <p>
        <Link href={preparednessPaths.incidents} class={linkClass}>
          {i.back}
        </Link>
      </p>
      <div class="mt-4 flex flex-wrap items-center gap-3">
        <h1 class={h1Class} lang={langOf(incident.title)}>
          {incident.title}
        </h1>
        <StatusBadge status={incident.status} />
      </div>
      {notice !== null && <SuccessNotice testId="saved">{notice}</SuccessNotice>}
      {problem !== null && <WarningNotice testId="problem">{problem}</WarningNotice>}
      {data.data[2] !== null && (
        <p class="mt-2 text-std-16B-170 text-solid-gray-800" data-testid="incident-institution">
          {i.institution}
          {language === 'ja' ? '：' : ': '}
          <span lang={langOf(data.data[2])}>{data.data[2]}</span>
        </p>
      )}
      {!canWrite && <InfoNotice testId="read-only">{i.readOnly}</InfoNotice>}
      {editable && open === 'details' && <DetailsForm incident={incident} onDone={done(i.saved)} onCancel={() => setOpen(null)} />}
      <Facts
        testId="incident-facts"
        rows={[
          [i.fields.detected_at, when(incident.detected_at)],
          [i.fields.summary, incident.summary],
          [i.fields.closed_at, incident.status === 'closed' ? when(incident.closed_at) : ''],
          [i.fields.lessons, incident.lessons],
          [i.fields.bcp_rows, incident.bcp_rows.join('、')],
        ]}
      />
      {canWrite && (
        <div class="mt-3 flex flex-wrap items-start gap-3">
          {editable && open !== 'details' && (
            <button type="button" class={buttonClass} onClick={() => setOpen('details')} data-testid="edit-incident">
              {i.editDetails}
            </button>
          )}
          <RemoveButton
            testId="remove-incident"
            label={i.remove}
            question={i.removeQuestion(incident.title)}
            onRemove={() =>
              removeRecord('incidents', incident.id, incident.version).then(
                () => navigate(preparednessPaths.incidents),
                (error: unknown) => setProblem(refusal(t, error)),
              )
            }
          />
        </div>
      )}

      <section aria-labelledby="first-response" class="mt-10 max-w-3xl">
        <h2 id="first-response" class={h2Class}>
          {i.checklistHeading}
        </h2>
        {editable && <p class="mt-1 text-std-16N-170">{i.checklistLead}</p>}
        <ul class="mt-3 flex flex-col gap-2" data-testid="first-response">
          {checklistItems.map((item) => {
            const entry = incident.checklist.find((c) => c.item === item);
            const isDone = entry?.done === true;
            return (
              <li key={item} class="flex gap-3 rounded-8 border border-solid-gray-420 bg-white p-3" data-testid={`check-${item}`}>
                <input
                  id={`check-${item}`}
                  type="checkbox"
                  class="mt-1 size-6 shrink-0 accent-blue-900"
                  checked={isDone}
                  disabled={!editable || ticking}
                  onChange={(event) => tick(item, (event.currentTarget as HTMLInputElement).checked)}
                />
                <div>
                  <label for={`check-${item}`} class="text-std-16B-170 text-solid-gray-900">
                    {p.checklist[item]}
                  </label>
                  {isDone && entry !== undefined && (
                    <p class="text-dns-14N-130 text-solid-gray-700">
                      {i.doneBy(when(entry.at), entry.by)}
                    </p>
                  )}
                </div>
              </li>
            );
          })}
        </ul>
      </section>

      <section aria-labelledby="timeline" class="mt-10 max-w-3xl">
        <h2 id="timeline" class={h2Class}>
          {i.timelineHeading}
        </h2>
        {events.length === 0 ? (
          <p class="mt-2 text-std-16N-170">{i.noEvents}</p>
        ) : (
          <ol class="mt-3 border-l-4 border-blue-900 pl-4" data-testid="timeline">
            {events.map((event, index) => (
              <li key={index} class="mb-3" data-testid="event">
                <p class="text-std-16B-170 text-solid-gray-900">
                  <span class="tabular-nums">{when(event.at)}</span>　{i.eventKinds[event.kind]}
                </p>
                {event.note !== '' && (
                  <p class="text-std-16N-170" lang={langOf(event.note)}>
                    {event.note}
                  </p>
                )}
              </li>
            ))}
          </ol>
        )}
        {editable &&
          (open === 'events' ? (
            <EventForm incident={incident} onDone={done(i.eventAdded)} onCancel={() => setOpen(null)} />
          ) : (
            <p class="mt-3">
              <button type="button" class={buttonClass} onClick={() => setOpen('events')} data-testid="add-event">
                {i.addEvent}
              </button>
            </p>
          ))}
      </section>

      <section aria-labelledby="reports" class="mt-10 max-w-3xl">
        <h2 id="reports" class={h2Class}>
          {i.reportsHeading}
        </h2>
        {incident.reports.length === 0 ? (
          <p class="mt-2 text-std-16N-170">{i.noReports}</p>
        ) : (
          <ul class="mt-3 flex flex-col gap-2" data-testid="reports">
            {incident.reports.map((report, index) => (
              <li key={index} class="rounded-8 border border-solid-gray-420 bg-white p-3" data-testid="report">
                <p class="text-std-16B-170 text-solid-gray-900">
                  {i.reportTargets[report.to]}　<span class="tabular-nums">{when(report.at)}</span>
                </p>
                {report.reference !== '' && (
                  <p class="text-std-16N-170">
                    {i.reportFields.reference}：<span lang={langOf(report.reference)}>{report.reference}</span>
                  </p>
                )}
                {report.note !== '' && (
                  <p class="text-std-16N-170" lang={langOf(report.note)}>
                    {report.note}
                  </p>
                )}
              </li>
            ))}
          </ul>
        )}
        {editable &&
          (open === 'reports' ? (
            <ReportForm incident={incident} onDone={done(i.reportAdded)} onCancel={() => setOpen(null)} />
          ) : (
            <p class="mt-3">
              <button type="button" class={buttonClass} onClick={() => setOpen('reports')} data-testid="add-report">
                {i.addReport}
              </button>
            </p>
          ))}
      </section>

      {editable && (
        <section aria-labelledby="closing" class="mt-10 max-w-3xl">
          <h2 id="closing" class={h2Class}>
            {i.closeHeading}
          </h2>
          {open === 'close' ? (
            <CloseForm incident={incident} onDone={done(i.closed)} onCancel={() => setOpen(null)} />
          ) : (
            <p class="mt-3">
              <button type="button" class={buttonClass} onClick={() => setOpen('close')} data-testid="close-incident">
                {i.close}
              </button>
            </p>
          )}
        </section>
      )}
      <RecordHistory history={incident.history} />
    </div>
  );
}
