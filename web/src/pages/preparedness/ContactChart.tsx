// /preparedness/contacts: 連絡体制図, grouped as 院内 / システム事業者 / 外部機関, with adding, changing and
// removing a contact and recording the chart's review. A writer's first visit makes the chart with the
// ministry's and the police's rows (names only: the number is for the institution to check and fill in).
// Viewers read it.
import { useState } from 'preact/hooks';
import { useSession } from '../../auth/session';
import { langOf, useI18n } from '../../i18n';
import type { Messages } from '../../i18n/ja';
import { buttonClass, h2Class, InfoNotice, primaryButtonClass, SelectField, SuccessNotice, TextField, WarningNotice } from '../account/ui';
import { linkClass } from '../catalog/ui';
import { loadSystems, type RegisteredSystem } from '../systems/systemsApi';
import { createRecord, documentPaths, preparednessApi, removeRecord, updateRecord, type Contact, type ContactChart as Chart, type ContactFields, type ContactKind, type Reference, type Summary } from './api';
import { useWarningText } from './Overview';
import { FirstPassSteps } from './FirstPassSteps';
import { DownloadLinks, loadingOrRefused, RecordPageHead } from './PageFrame';
import { cardClass, Facts, formBoxClass, FormButtons, FormProblem, japanNow, RecordHistory, RemoveButton, submitWith, TextArea, useCodeLabel, useRecordForm, useReloadable, useWhen, WhenField } from './ui';

const kinds: readonly ContactKind[] = ['internal', 'vendor', 'external'];

const contactKeys = ['kind', 'role', 'department', 'system_id', 'system_name', 'body', 'organisation_name', 'person_name', 'phone', 'email', 'note', 'position'] as const;

function emptyContact(kind: ContactKind, position: number): ContactFields {
  return { kind, role: null, department: '', system_id: null, system_name: '', body: null, organisation_name: '', person_name: '', phone: '', email: '', note: '', position };
}

function fieldsOf(contact: Contact): ContactFields {
  const out = emptyContact(contact.kind, contact.position) as unknown as Record<string, unknown>;
  for (const key of contactKeys) out[key] = contact[key];
  return out as unknown as ContactFields;
}

function labelsOf(t: Messages): Record<string, string> {
  const f = t.preparedness.contacts.fields;
  return { ...f };
}

function ContactForm({
  reference,
  systems,
  initial,
  existing,
  onDone,
  onCancel,
}: {
  reference: Reference;
  systems: RegisteredSystem[];
  initial: ContactFields;
  existing?: Contact;
  onDone: (message: string) => void;
  onCancel: () => void;
}) {
  const { t, language } = useI18n();
  const c = t.preparedness.contacts;
  const f = c.fields;
  const form = useRecordForm<ContactFields>(initial);
  const { fields, set, errors } = form;
  const labels = labelsOf(t);
  const pickLabel = (code: { label_ja: string; label_en: string }) => (language === 'ja' ? code.label_ja : code.label_en);
  const submit = (event: Event) => {
    event.preventDefault();
    const body: ContactFields = {
      ...fields,
      role: fields.kind === 'internal' ? fields.role : null,
      body: fields.kind === 'external' ? fields.body : null,
      system_id: fields.kind === 'vendor' ? fields.system_id : null,
      system_name: fields.kind === 'vendor' ? fields.system_name : '',
    };
    submitWith(
      t,
      form,
      labels,
      () => (existing === undefined ? createRecord('contacts', body) : updateRecord('contacts', existing.id, existing.version, body)),
      () => onDone(existing === undefined ? c.added : c.saved),
    );
  };
  return (
    <form onSubmit={submit} noValidate class={formBoxClass} data-testid="contact-form" aria-labelledby="contact-form-heading">
      <h3 id="contact-form-heading" class="text-std-18B-160 text-solid-gray-900">
        {existing === undefined ? c.addHeading[fields.kind] : c.editHeading}
      </h3>
      <FormProblem problem={form.problem} errors={errors} labels={labels} />
      {fields.kind === 'internal' && (
        <>
          <SelectField
            id="role"
            label={f.role}
            value={fields.role ?? ''}
            onChange={(value) => set('role', value === '' ? null : value)}
            options={reference.internal_roles.map((code) => ({ value: code.code, label: pickLabel(code) }))}
            placeholder={c.choose}
            error={errors['role']}
            required
          />
          <TextField id="department" label={f.department} value={fields.department} onInput={(value) => set('department', value)} maxLength={100} help={c.help.department} error={errors['department']} />
        </>
      )}
      {fields.kind === 'vendor' && (
        <>
          <SelectField
            id="system_id"
            label={f.system_id}
            value={fields.system_id === null ? '' : String(fields.system_id)}
            onChange={(value) => {
              const system = systems.find((s) => String(s.id) === value);
              form.setFields((current) => ({
                ...current,
                system_id: system === undefined ? null : system.id,
                system_name: system === undefined ? current.system_name : system.name,
                organisation_name: current.organisation_name === '' && system !== undefined ? system.vendor_name : current.organisation_name,
              }));
            }}
            options={systems.map((s) => ({ value: String(s.id), label: s.name, lang: langOf(s.name) }))}
            placeholder={c.notInRegister}
            help={c.help.system}
            error={errors['system_id']}
          />
          {fields.system_id === null && <TextField id="system_name" label={f.system_name} value={fields.system_name} onInput={(value) => set('system_name', value)} maxLength={100} error={errors['system_name']} required />}
        </>
      )}
      {fields.kind === 'external' && (
        <SelectField
          id="body"
          label={f.body}
          value={fields.body ?? ''}
          onChange={(value) => {
            const code = reference.external_bodies.find((b) => b.code === value);
            form.setFields((current) => ({ ...current, body: value === '' ? null : value, organisation_name: current.organisation_name === '' && code !== undefined && code.code !== 'other' ? code.label_ja : current.organisation_name }));
          }}
          options={reference.external_bodies.map((code) => ({ value: code.code, label: pickLabel(code) }))}
          placeholder={c.choose}
          error={errors['body']}
          required
        />
      )}
      {fields.kind !== 'internal' && (
        <TextField id="organisation_name" label={fields.kind === 'vendor' ? f.vendor_name : f.organisation_name} value={fields.organisation_name} onInput={(value) => set('organisation_name', value)} maxLength={100} error={errors['organisation_name']} required />
      )}
      <TextField id="person_name" label={f.person_name} value={fields.person_name} onInput={(value) => set('person_name', value)} maxLength={100} error={errors['person_name']} />
      <TextField id="phone" label={f.phone} value={fields.phone} onInput={(value) => set('phone', value)} maxLength={30} inputMode="numeric" help={c.help.phone} error={errors['phone']} />
      <TextField id="email" label={f.email} value={fields.email} onInput={(value) => set('email', value)} maxLength={254} type="email" error={errors['email']} />
      <TextArea id="note" label={f.note} value={fields.note} onInput={(value) => set('note', value)} maxLength={1000} error={errors['note']} />
      <FormButtons busy={form.busy} onCancel={onCancel} />
    </form>
  );
}

function ReviewForm({ chart, onDone, onCancel }: { chart: Chart['chart']; onDone: () => void; onCancel: () => void }) {
  const { t } = useI18n();
  const c = t.preparedness.contacts;
  const session = useSession();
  const me = session.status === 'active' ? session.user.display_name.slice(0, 100) : '';
  const form = useRecordForm({ reviewed_on: japanNow().day as string | null, reviewer: chart.reviewer === '' ? me : chart.reviewer });
  const labels = { reviewed_on: c.reviewedOn, reviewer: c.reviewer };
  return (
    <form
      noValidate
      class={formBoxClass}
      data-testid="review-form"
      aria-labelledby="review-form-heading"
      onSubmit={(event) => {
        event.preventDefault();
        submitWith(t, form, labels, () => preparednessApi.review(chart.version, form.fields), onDone);
      }}
    >
      <h3 id="review-form-heading" class="text-std-18B-160 text-solid-gray-900">
        {c.reviewHeading}
      </h3>
      <p class="mt-1 text-std-16N-170">{c.reviewLead}</p>
      <FormProblem problem={form.problem} errors={form.errors} labels={labels} />
      <WhenField id="reviewed_on" label={c.reviewedOn} value={form.fields.reviewed_on} onInput={(value) => form.set('reviewed_on', value)} error={form.errors['reviewed_on']} required />
      <TextField id="reviewer" label={c.reviewer} value={form.fields.reviewer} onInput={(value) => form.set('reviewer', value)} maxLength={100} error={form.errors['reviewer']} required />
      <FormButtons busy={form.busy} onCancel={onCancel} saveLabel={c.reviewSave} />
    </form>
  );
}

type Editing = { mode: 'add'; kind: ContactKind } | { mode: 'edit'; id: number } | { mode: 'review' } | null;

export function ContactChart() {
  const { t } = useI18n();
  const p = t.preparedness;
  const c = p.contacts;
  const [data, again] = useReloadable('preparedness-contacts', (signal) =>
    Promise.all([preparednessApi.contacts(signal), preparednessApi.reference(signal), loadSystems(signal).then((l) => l.systems, () => [] as RegisteredSystem[]), preparednessApi.summary(signal).then((s) => s, () => null as Summary | null)]),
  );
  const [editing, setEditing] = useState<Editing>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const label = useCodeLabel();
  const when = useWhen();
  const warningText = useWarningText(data.state === 'ready' ? data.data[1] : null);
  const reload = (message: string) => {
    setNotice(message);
    setProblem(null);
    setEditing(null);
    again();
  };
  const refused = loadingOrRefused(t, data);
  if (refused !== null || data.state !== 'ready') return refused;
  const [chart, reference, systems, summary] = data.data;
  const contacts = chart.contacts.filter((contact) => !contact.removed);
  const nextPosition = Math.min(10000, contacts.reduce((max, contact) => Math.max(max, contact.position), 0) + 1);
  const chartWarnings = (summary?.warnings ?? []).filter((w) => w.kind === 'chart');

  const title = (contact: Contact): string => {
    if (contact.kind === 'internal') return contact.role === 'department' && contact.department !== '' ? contact.department : label(reference.internal_roles, contact.role);
    if (contact.kind === 'vendor') return contact.organisation_name;
    return contact.organisation_name === '' ? label(reference.external_bodies, contact.body) : contact.organisation_name;
  };
  const card = (contact: Contact) => {
    if (editing !== null && editing.mode === 'edit' && editing.id === contact.id)
      return (
        <li key={contact.id}>
          <ContactForm reference={reference} systems={systems} initial={fieldsOf(contact)} existing={contact} onDone={reload} onCancel={() => setEditing(null)} />
        </li>
      );
    const f = c.fields;
    return (
      <li key={contact.id} class={cardClass} data-testid="contact" data-contact-id={contact.id}>
        <h3 class="text-std-18B-160 text-solid-gray-900" lang={langOf(title(contact))}>
          {title(contact)}
        </h3>
        <Facts
          rows={[
            [f.role, contact.kind === 'internal' && contact.role === 'department' ? label(reference.internal_roles, contact.role) : ''],
            [f.department, contact.kind === 'internal' && contact.role !== 'department' ? contact.department : ''],
            [f.system_name, contact.kind === 'vendor' ? contact.system_name : ''],
            [f.body, contact.kind === 'external' && label(reference.external_bodies, contact.body) !== title(contact) ? label(reference.external_bodies, contact.body) : ''],
            [f.person_name, contact.person_name],
            [f.phone, contact.phone === '' ? <span class="font-bold text-error-1">{c.noPhone}</span> : <a href={`tel:${contact.phone.replace(/[^0-9+]/g, '')}`} class={linkClass}>{contact.phone}</a>],
            [f.email, contact.email],
            [f.note, contact.note],
          ]}
        />
        {chart.can_write && (
          <div class="mt-3 flex flex-wrap items-start gap-3">
            <button type="button" class={buttonClass} onClick={() => setEditing({ mode: 'edit', id: contact.id })} data-testid="edit-contact">
              {c.edit}
            </button>
            <RemoveButton
              testId="remove-contact"
              label={c.remove}
              question={c.removeQuestion(title(contact))}
              onRemove={() =>
                removeRecord('contacts', contact.id, contact.version).then(
                  () => reload(c.removed),
                  () => setProblem(p.problems.failed),
                )
              }
            />
          </div>
        )}
        <RecordHistory history={contact.history} />
      </li>
    );
  };

  return (
    <div data-testid="contact-chart">
      <RecordPageHead title={c.title} lead={c.lead}>
        <DownloadLinks
          testId="chart-documents"
          links={[
            { href: documentPaths.chartPdf, label: c.printPdf, testId: 'chart-pdf' },
            { href: documentPaths.chartCsv, label: c.listCsv, testId: 'chart-csv' },
          ]}
        />
      </RecordPageHead>
      {notice !== null && <SuccessNotice testId="saved">{notice}</SuccessNotice>}
      {problem !== null && <WarningNotice testId="problem">{problem}</WarningNotice>}
      {!chart.can_write && <InfoNotice testId="read-only">{p.readOnly}</InfoNotice>}
      {chartWarnings.length > 0 && (
        <WarningNotice heading={p.overview.warningsHeading} testId="chart-warnings">
          <ul class="list-disc pl-6">
            {chartWarnings.map((w) => (
              <li key={w.code}>{warningText(w, '')}</li>
            ))}
          </ul>
        </WarningNotice>
      )}
      <section aria-labelledby="review" class="mt-8 max-w-3xl rounded-8 border border-solid-gray-420 p-4 md:p-5" data-testid="review">
        <h2 id="review" class="text-std-20B-150 text-solid-gray-900">
          {c.reviewTitle}
        </h2>
        <p class="mt-2 text-std-16N-170" data-testid="review-state">
          {chart.chart.reviewed_on === null ? c.neverReviewed : c.reviewedBy(when(chart.chart.reviewed_on), chart.chart.reviewer)}
        </p>
        {chart.can_write &&
          (editing !== null && editing.mode === 'review' ? (
            <ReviewForm chart={chart.chart} onDone={() => reload(c.reviewSaved)} onCancel={() => setEditing(null)} />
          ) : (
            <p class="mt-3">
              <button type="button" class={primaryButtonClass} onClick={() => setEditing({ mode: 'review' })} data-testid="record-review">
                {c.reviewButton}
              </button>
            </p>
          ))}
        <RecordHistory history={chart.chart.history} />
      </section>
      {kinds.map((kind) => {
        const group = contacts.filter((contact) => contact.kind === kind);
        return (
          <section key={kind} aria-labelledby={`group-${kind}`} class="mt-10 max-w-3xl" data-testid={`group-${kind}`}>
            <h2 id={`group-${kind}`} class={h2Class}>
              {c.groups[kind]}
            </h2>
            <p class="mt-1 text-std-16N-170 text-solid-gray-700">{c.groupHelp[kind]}</p>
            {group.length === 0 && <p class="mt-3 text-std-16N-170">{c.emptyGroup}</p>}
            <ul>{group.map(card)}</ul>
            {chart.can_write &&
              (editing !== null && editing.mode === 'add' && editing.kind === kind ? (
                <ContactForm reference={reference} systems={systems} initial={emptyContact(kind, nextPosition)} onDone={reload} onCancel={() => setEditing(null)} />
              ) : (
                <p class="mt-4">
                  <button type="button" class={buttonClass} onClick={() => setEditing({ mode: 'add', kind })} data-testid={`add-${kind}`}>
                    {c.add[kind]}
                  </button>
                </p>
              ))}
          </section>
        );
      })}
      <FirstPassSteps step={1} />
    </div>
  );
}
