// The preview of an import: one row per device of the file with what the import does to it (新規 / 更新 with
// the fields that change / 変更なし / エラー with the place in the file and the field).
import { langOf, useI18n } from '../../i18n';
import type { Messages } from '../../i18n/ja';
import { cardCellClass, cardHeadClass, cardRowClass, cardTableClass, CellLabel } from '../account/ui';
import type { PlanIssue, PlannedDevice } from './ledgerImportApi';

/** "scan.xml line 40 <NAME>" / "a.csv line 3 column 名称" in the page's words (file names and paths stay). */
export function placeText(t: Messages, where: string): string {
  const l = t.ledgerImport;
  const found = /^(.*?) line (\d+)(?: column (.+))?(.*)$/.exec(where);
  if (found === null) return where;
  const [, file = '', line = '', column, rest = ''] = found;
  return `${file} ${l.line(line)}${column === undefined ? '' : ` ${l.column(column)}`}${rest}`;
}

function issueText(t: Messages, issue: PlanIssue): string {
  const l = t.ledgerImport;
  const field = issue.field === '' ? '' : `${l.fields[issue.field.replace(/[[.].*$/, '')] ?? ''}：`;
  return `${field}${l.problems[issue.code] ?? l.otherProblem}`;
}

function Issues({ issues, testId }: { issues: PlanIssue[]; testId: string }) {
  const { t } = useI18n();
  if (issues.length === 0) return null;
  return (
    <ul class="list-disc pl-5" data-testid={testId}>
      {issues.map((issue, index) => (
        <li key={index}>
          <span class="text-solid-gray-700">{placeText(t, issue.where)}</span> {issueText(t, issue)}
        </li>
      ))}
    </ul>
  );
}

/** What the device is: class, maker and model, OS or firmware (product names as written: lang en). */
function DeviceFacts({ device }: { device: PlannedDevice }) {
  const { t } = useI18n();
  const l = t.ledgerImport;
  const r = device.record;
  const product = [r.manufacturer, r.model].filter((part) => part !== '').join(' ');
  const system = r.os_name !== '' ? r.os_name : r.firmware_version;
  const named = (text: string) => <span lang={langOf(text) ?? 'en'}>{text}</span>;
  return (
    <p data-testid="device-facts">
      {l.classes[r.asset_class] ?? ''}
      {product !== '' && <>{l.separator}{named(product)}</>}
      {system !== '' && <>{l.separator}{named(system)}</>}
      <br />
      {l.addresses(r.ip_addresses.length, r.mac_addresses.length)}
      {l.separator}
      {l.cpeCount(r.cpes.length)}
      {r.software.length > 0 && <>{l.separator}{l.softwareCount(r.software.length)}</>}
    </p>
  );
}

const actionClass: Record<string, string> = {
  create: 'bg-blue-50 text-blue-1000',
  update: 'bg-yellow-50 text-solid-gray-900',
  unchanged: 'bg-solid-gray-50 text-solid-gray-800',
  error: 'bg-red-50 text-error-1',
};

export function PlanTable({ devices }: { devices: PlannedDevice[] }) {
  const { t } = useI18n();
  const l = t.ledgerImport;
  return (
    <table class={`${cardTableClass} mt-4`} data-testid="import-plan">
      <thead class={cardHeadClass}>
        <tr class="border-b-2 border-solid-gray-600">
          <th scope="col" class="px-2 py-2">{l.columns.action}</th>
          <th scope="col" class="px-2 py-2">{l.columns.name}</th>
          <th scope="col" class="px-2 py-2">{l.columns.where}</th>
          <th scope="col" class="px-2 py-2">{l.columns.detail}</th>
        </tr>
      </thead>
      <tbody class="block md:table-row-group">
        {devices.map((device) => (
          <tr key={device.index} class={cardRowClass} data-action={device.action} data-testid={`plan-row-${device.index}`}>
            <td class={cardCellClass}>
              <CellLabel>{l.columns.action}</CellLabel>
              <span class={`whitespace-nowrap rounded px-2 py-0.5 text-std-16B-170 ${actionClass[device.action] ?? ''}`}>{l.actions[device.action] ?? ''}</span>
            </td>
            <td class={`${cardCellClass} font-bold`}>
              <CellLabel>{l.columns.name}</CellLabel>
              <span lang={langOf(device.name)}>{device.name}</span>
            </td>
            <td class={cardCellClass}>
              <CellLabel>{l.columns.where}</CellLabel>
              {placeText(t, device.where)}
            </td>
            <td class={cardCellClass}>
              <CellLabel>{l.columns.detail}</CellLabel>
              <div>
                {device.action !== 'error' && <DeviceFacts device={device} />}
                {device.match !== '' && <p>{l.matchedBy[device.match] ?? ''}</p>}
                {device.action === 'update' && (
                  <p data-testid="changed-fields">
                    {l.changed} {device.changed_fields.map((field) => l.fields[field] ?? field).join('、')}
                  </p>
                )}
                {device.os_accuracy !== null && <p>{l.osAccuracy(device.os_accuracy)}</p>}
                {device.platform_facts.includes('smb1') && <p>{l.smb1}</p>}
                <Issues issues={device.errors} testId="device-errors" />
                <Issues issues={device.warnings} testId="device-warnings" />
              </div>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
