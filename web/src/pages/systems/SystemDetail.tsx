// /systems/{id}: one system's fields, its warnings, the history of changes (who changed what, when) and,
// for those who write, changing it and retiring it with a confirmation.
import { useState } from 'preact/hooks';
import { useResource } from '../../api/useResource';
import { formatJst } from '../../auth/format';
import { ProblemError } from '../../auth/request';
import { langOf, useI18n } from '../../i18n';
import { Link, useSearch } from '../../router';
import { cardCellClass, cardHeadClass, cardRowClass, cardTableClass, CellLabel, ConfirmBox, dangerButtonClass, h1Class, h2Class, InfoNotice, primaryButtonClass, SuccessNotice, WarningNotice } from '../account/ui';
import { buttonClass, linkClass } from '../catalog/ui';
import { roleSharingPaths } from '../role-sharing/routes';
import { vendorPaths } from '../vendor-requests/routes';
import { systemsPaths } from './routes';
import { loadKinds, loadSystem, loadSystems, retireSystem, type RegisteredSystem, type SystemFields, type SystemKind } from './systemsApi';
import { useDay, useFieldLabel, useFieldValue, useKindLabel, useRemoteText, Warnings } from './ui';

function Facts({ system, kinds }: { system: SystemFields; kinds: SystemKind[] }) {
  const { t } = useI18n();
  const s = t.systemsRegister;
  const f = s.fields;
  const kindLabel = useKindLabel(kinds);
  const day = useDay();
  const remote = useRemoteText();
  const text = (value: string) => (value === '' ? s.noDate : <span lang={langOf(value)}>{value}</span>);
  const rows: [string, preact.ComponentChildren][] = [
    [f['kind'] ?? '', kindLabel(system.kind)],
    [f['product_name'] ?? '', text(system.product_name)],
    [f['product_version'] ?? '', text(system.product_version)],
    [f['vendor_name'] ?? '', text(system.vendor_name)],
    [f['contract_start'] ?? '', day(system.contract_start)],
    [f['contract_end'] ?? '', day(system.contract_end)],
    [f['maintenance_contract'] ?? '', system.maintenance_contract ? s.yes : s.no],
    [f['subcontracting'] ?? '', system.subcontracting ? s.yes : s.no],
    [f['data_location'] ?? '', s.dataLocations[system.data_location] ?? ''],
    [f['backup_responsibility'] ?? '', s.backups[system.backup_responsibility] ?? ''],
    [f['remote_maintenance'] ?? '', remote(system)],
  ];
  if (system.remote_maintenance) {
    rows.push([f['remote_method_note'] ?? '', text(system.remote_method_note)]);
    rows.push([f['remote_device'] ?? '', text(system.remote_device)]);
    rows.push([f['connection_point'] ?? '', text(system.connection_point)]);
  }
  if (system.note !== '') rows.push([f['note'] ?? '', text(system.note)]);
  return (
    <dl class="mt-6 grid max-w-3xl grid-cols-1 gap-x-6 gap-y-2 md:grid-cols-[14rem_1fr]" data-testid="system-facts">
      {rows.map(([label, value]) => (
        <div key={label} class="contents">
          <dt class="text-std-16B-170 text-solid-gray-800">{label}</dt>
          <dd class="mb-2 whitespace-pre-wrap text-std-16N-170 md:mb-0">{value}</dd>
        </div>
      ))}
    </dl>
  );
}

/** The system names a linked vendor organisation (the register's API sends vendor_organisation_id). */
function hasLinkedVendor(system: RegisteredSystem): boolean {
  const vendor = (system as RegisteredSystem & { vendor_organisation_id?: unknown }).vendor_organisation_id;
  return typeof vendor === 'number';
}

function Value({ text }: { text: string }) {
  return <span lang={langOf(text)}>{text}</span>;
}

function History({ system, kinds }: { system: RegisteredSystem; kinds: SystemKind[] }) {
  const { t, language } = useI18n();
  const s = t.systemsRegister;
  const value = useFieldValue(kinds);
  const fieldLabel = useFieldLabel();
  // The version before `version` (the history is newest first).
  const older = (version: number) => system.history.find((candidate) => candidate.version === version - 1);
  const valueText = (record: SystemFields | undefined, field: string) => (record === undefined ? s.noDate : value(record, field));
  return (
    <section class="mt-10">
      <h2 class={h2Class}>{s.historyHeading}</h2>
      <table class={`${cardTableClass} mt-4`} data-testid="system-history">
        <thead class={cardHeadClass}>
          <tr class="border-b-2 border-solid-gray-600">
            <th scope="col" class="px-2 py-2">{s.historyColumns.version}</th>
            <th scope="col" class="px-2 py-2">{s.historyColumns.at}</th>
            <th scope="col" class="px-2 py-2">{s.historyColumns.by}</th>
            <th scope="col" class="px-2 py-2">{s.historyColumns.what}</th>
          </tr>
        </thead>
        <tbody class="block md:table-row-group">
          {system.history.map((version) => (
            <tr key={version.version} class={cardRowClass} data-testid={`history-${version.version}`}>
              <td class={`${cardCellClass} tabular-nums`}>
                <CellLabel>{s.historyColumns.version}</CellLabel>
                {version.version}
              </td>
              <td class={`${cardCellClass} tabular-nums`}>
                <CellLabel>{s.historyColumns.at}</CellLabel>
                {formatJst(version.at, language)}
              </td>
              <td class={cardCellClass}>
                <CellLabel>{s.historyColumns.by}</CellLabel>
                {version.by === '' ? s.someone : <span lang={langOf(version.by)}>{version.by}</span>}
              </td>
              <td class={cardCellClass}>
                <CellLabel>{s.historyColumns.what}</CellLabel>
                <div>
                <span>
                  <span class="font-bold">{s.actions[version.action] ?? ''}</span>
                  {version.action === 'changed' && version.changed_fields.length > 0 && (
                    <>
                      {language === 'ja' ? '：' : ': '}
                      {s.changedFields(version.changed_fields.map((field) => fieldLabel(field)))}
                    </>
                  )}
                </span>
                {version.action === 'changed' && older(version.version) !== undefined && (
                  <ul class="mt-1 text-dns-14N-130 text-solid-gray-800" data-testid="history-values">
                    {version.changed_fields.map((field) => (
                      <li key={field}>
                        {fieldLabel(field)}
                        {language === 'ja' ? '：' : ': '}
                        <Value text={valueText(older(version.version)?.record, field)} /> → <Value text={valueText(version.record, field)} />
                      </li>
                    ))}
                  </ul>
                )}
                </div>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

export function SystemDetail({ id }: { id: number }) {
  const { t } = useI18n();
  const s = t.systemsRegister;
  const search = useSearch();
  const [attempt, setAttempt] = useState(0);
  const [resource] = useResource(`system/${id}/${attempt}`, (signal) => Promise.all([loadSystem(id, signal), loadKinds(signal), loadSystems(signal)]));
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const saved = new URLSearchParams(search).get('saved');
  if (resource.state === 'loading') return <p role="status" class="text-std-16N-170 text-solid-gray-700">{t.identity.loading}</p>;
  if (resource.state === 'error') return <InfoNotice testId="system-unavailable">{resource.error.status === 404 ? s.notFound : s.loadFailed}</InfoNotice>;
  const [system, kinds, list] = resource.data;
  const retire = () => {
    setBusy(true);
    retireSystem(system.id, system.version).then(
      () => {
        setBusy(false);
        setConfirming(false);
        setNotice(s.retired);
        setAttempt((n) => n + 1);
      },
      (error: unknown) => {
        setBusy(false);
        setConfirming(false);
        setProblem(error instanceof ProblemError && error.status === 409 ? s.stale : s.loadFailed);
      },
    );
  };
  return (
    <div data-testid="system-detail">
      <p>
        <Link href={systemsPaths.list} class={linkClass}>
          {s.back}
        </Link>
      </p>
      <h1 class={`${h1Class} mt-4`} lang={langOf(system.name)}>
        {system.name}
      </h1>
      {notice === null && saved === 'created' && <SuccessNotice testId="saved">{s.created}</SuccessNotice>}
      {notice === null && saved === 'changed' && <SuccessNotice testId="saved">{s.saved}</SuccessNotice>}
      {notice !== null && <SuccessNotice testId="retired-notice">{notice}</SuccessNotice>}
      {problem !== null && <WarningNotice testId="system-problem">{problem}</WarningNotice>}
      {system.status === 'retired' && <InfoNotice testId="retired">{s.retiredNotice}</InfoNotice>}
      {(system.contract_ended || system.contract_ends_soon) && (
        <div class="mt-4">
          <Warnings system={system} />
        </div>
      )}
      <Facts system={system} kinds={kinds} />
      {hasLinkedVendor(system) && (
        <p class="mt-6" data-testid="role-sharing-link">
          <Link href={roleSharingPaths.table(system.id)} class={linkClass}>
            {t.roleSharing.linkFromSystem}
          </Link>
          <span class="ml-2 text-std-16N-170 text-solid-gray-700">{t.roleSharing.linkFromSystemHelp}</span>
        </p>
      )}
      {list.can_write && system.status === 'in_use' && (
        <div class="mt-8 flex flex-wrap items-start gap-4">
          <Link href={systemsPaths.edit(system.id)} class={primaryButtonClass} data-testid="edit-system">
            {s.edit}
          </Link>
          <Link href={vendorPaths.ask(system.id)} class={buttonClass} data-testid="ask-vendor">
            {t.vendorRequests.requestForm.button}
          </Link>
          {confirming ? (
            <ConfirmBox
              class="max-w-xl rounded-8 border-2 border-red-900 bg-red-50 p-4"
              label={s.retireConfirm}
              testId="retire-confirm"
              message={s.retireQuestion}
              confirmClass={dangerButtonClass}
              onConfirm={retire}
              onCancel={() => setConfirming(false)}
              busy={busy}
            />
          ) : (
            <button type="button" class="inline-flex min-h-11 items-center justify-center rounded-8 border border-red-900 bg-white px-4 text-dns-16B-120 text-red-900 hover:bg-red-50 hover:underline" onClick={() => setConfirming(true)} data-testid="retire-system">
              {s.retire}
            </button>
          )}
        </div>
      )}
      <History system={system} kinds={kinds} />
    </div>
  );
}
