// /preparedness/incidents: the incident log, open ones first, with recording a new incident (what happened
// and when it was noticed; the rest is added on its page). A health centre's or prefecture's inspector sees
// here the incidents reported to them, read-only.
import { useState } from 'preact/hooks';
import { useResource } from '../../api/useResource';
import { langOf, useI18n } from '../../i18n';
import { Link, navigate } from '../../router';
import { cardCellClass, cardHeadClass, cardRowClass, cardTableClass, CellLabel, h1Class, InfoNotice, leadClass, primaryButtonClass, TextField } from '../account/ui';
import { linkClass } from '../catalog/ui';
import { useSession } from '../../auth/session';
import { createRecord, organisationNames, preparednessApi, type Incident } from './api';
import { loadingOrRefused } from './PageFrame';
import { preparednessPaths } from './routes';
import { formBoxClass, FormButtons, FormProblem, japanNow, submitWith, TextArea, useRecordForm, useWhen, WhenField } from './ui';

export function StatusBadge({ status }: { status: Incident['status'] }) {
  const { t } = useI18n();
  const i = t.preparedness.incidents;
  return (
    <span class={`inline-block whitespace-nowrap rounded-4 border px-2 py-0.5 text-dns-14B-120 ${status === 'open' ? 'border-error-1 bg-red-50 text-error-1' : 'border-solid-gray-536 bg-white text-solid-gray-800'}`} data-testid="incident-status">
      {i.statuses[status]}
    </span>
  );
}

function NewIncident({ onCancel }: { onCancel: () => void }) {
  const { t } = useI18n();
  const i = t.preparedness.incidents;
  const f = i.fields;
  const form = useRecordForm({ title: '', detected_at: japanNow().moment as string | null, summary: '' });
  const labels: Record<string, string> = { ...f };
  return (
    <form
      noValidate
      class={formBoxClass}
      data-testid="incident-form"
      aria-labelledby="incident-form-heading"
      onSubmit={(event) => {
        event.preventDefault();
        submitWith(t, form, labels, () => createRecord<Incident>('incidents', form.fields), (incident) => navigate(preparednessPaths.incident(incident.id)));
      }}
    >
      <h2 id="incident-form-heading" class="text-std-18B-160 text-solid-gray-900">
        {i.addHeading}
      </h2>
      <p class="mt-1 text-std-16N-170">{i.addLead}</p>
      <FormProblem problem={form.problem} errors={form.errors} labels={labels} />
      <TextField id="title" label={f.title} value={form.fields.title} onInput={(value) => form.set('title', value)} maxLength={200} help={i.help.title} error={form.errors['title']} required />
      <WhenField id="detected_at" label={f.detected_at} value={form.fields.detected_at} onInput={(value) => form.set('detected_at', value)} time error={form.errors['detected_at']} required />
      <TextArea id="summary" label={f.summary} value={form.fields.summary} onInput={(value) => form.set('summary', value)} maxLength={4000} rows={3} error={form.errors['summary']} />
      <FormButtons busy={form.busy} onCancel={onCancel} saveLabel={i.create} />
    </form>
  );
}

export function Incidents() {
  const { t } = useI18n();
  const p = t.preparedness;
  const i = p.incidents;
  const session = useSession();
  const own = session.status === 'active' ? session.user.organisation_id : null;
  // An inspector reads other institutions' incidents: their names are shown with them.
  const [data] = useResource(`preparedness-incidents/${own ?? 0}`, async (signal) => {
    const list = await preparednessApi.incidents(signal);
    const others = list.records.some((incident) => incident.organisation_id !== own);
    return { ...list, names: others ? await organisationNames(signal).catch(() => new Map<number, string>()) : null };
  });
  const [adding, setAdding] = useState(false);
  const when = useWhen();
  const refused = loadingOrRefused(t, data);
  if (refused !== null || data.state !== 'ready') return refused;
  const incidents = [...data.data.records].sort((x, y) => (x.status !== y.status ? (x.status === 'open' ? -1 : 1) : (y.detected_at ?? '') < (x.detected_at ?? '') ? -1 : 1));
  return (
    <div data-testid="incidents-page">
      <p>
        <Link href={preparednessPaths.overview} class={linkClass}>
          {p.back}
        </Link>
      </p>
      <h1 class={`${h1Class} mt-4`}>{i.title}</h1>
      <p class={leadClass}>{i.lead}</p>
      {!data.data.can_write && <InfoNotice testId="read-only">{p.readOnly}</InfoNotice>}
      {data.data.can_write &&
        (adding ? (
          <NewIncident onCancel={() => setAdding(false)} />
        ) : (
          <p class="mt-6">
            <button type="button" class={primaryButtonClass} onClick={() => setAdding(true)} data-testid="add-incident">
              {i.add}
            </button>
          </p>
        ))}
      {incidents.length === 0 ? (
        <InfoNotice testId="incidents-empty">{i.empty}</InfoNotice>
      ) : (
        <table class={`${cardTableClass} mt-6 max-w-4xl`} data-testid="incidents">
          <thead class={cardHeadClass}>
            <tr class="border-b-2 border-solid-gray-600">
              {data.data.names !== null && <th scope="col" class="px-2 py-2">{i.institution}</th>}
              <th scope="col" class="px-2 py-2">{i.fields.title}</th>
              <th scope="col" class="px-2 py-2">{i.fields.detected_at}</th>
              <th scope="col" class="px-2 py-2">{i.fields.status}</th>
            </tr>
          </thead>
          <tbody class="block md:table-row-group">
            {incidents.map((incident) => (
              <tr key={incident.id} class={cardRowClass} data-testid="incident-row">
                {data.data.names !== null && (
                  <td class={cardCellClass} data-testid="incident-institution">
                    <CellLabel>{i.institution}</CellLabel>
                    <span lang={langOf(data.data.names.get(incident.organisation_id) ?? '')}>{data.data.names.get(incident.organisation_id) ?? '—'}</span>
                  </td>
                )}
                <td class={`${cardCellClass} font-bold`}>
                  <CellLabel>{i.fields.title}</CellLabel>
                  <Link href={preparednessPaths.incident(incident.id)} class={linkClass}>
                    <span lang={langOf(incident.title)}>{incident.title}</span>
                  </Link>
                </td>
                <td class={`${cardCellClass} tabular-nums`}>
                  <CellLabel>{i.fields.detected_at}</CellLabel>
                  {when(incident.detected_at)}
                </td>
                <td class={cardCellClass}>
                  <CellLabel>{i.fields.status}</CellLabel>
                  <StatusBadge status={incident.status} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
