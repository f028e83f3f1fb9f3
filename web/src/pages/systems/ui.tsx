// Small pieces shared by the systems register's pages: labels of the stored words, dates, warnings.
import { formatJstDate } from '../../auth/format';
import { useI18n } from '../../i18n';
import type { RegisteredSystem, SystemFields, SystemKind } from './systemsApi';

export const badgeClass = 'inline-block whitespace-nowrap rounded-4 border px-2 py-0.5 text-dns-14B-120';

/** A kind's label from the kinds data, in the reader's language (the code is never shown). */
export function useKindLabel(kinds: SystemKind[]): (code: string) => string {
  const { language, t } = useI18n();
  return (code) => {
    const kind = kinds.find((candidate) => candidate.code === code);
    if (kind === undefined) return t.systemsRegister.fields['kind'] ?? '';
    return language === 'ja' ? kind.label_ja : kind.label_en;
  };
}

/** A date (YYYY-MM-DD) as the reader's language writes a day, or a dash. */
export function useDay(): (iso: string | null) => string {
  const { language, t } = useI18n();
  return (iso) => (iso === null || iso === '' ? t.systemsRegister.noDate : formatJstDate(iso.length === 10 ? `${iso}T00:00:00+09:00` : iso, language));
}

/** "あり（VPN）" / "なし". */
export function useRemoteText(): (system: Pick<SystemFields, 'remote_maintenance' | 'remote_method'>) => string {
  const { t } = useI18n();
  const s = t.systemsRegister;
  return (system) => {
    if (!system.remote_maintenance) return s.remoteNo;
    return s.remoteYes(system.remote_method === null ? s.noMethod : (s.methods[system.remote_method] ?? ''));
  };
}

/** A field's label in the history (the link to a vendor in mamori has none in the register's own labels). */
export function useFieldLabel(): (field: string) => string {
  const { t } = useI18n();
  return (field) => t.systemsRegister.fields[field] ?? (field === 'vendor_organisation_id' ? t.vendorLinks.systemsVendorField : '');
}

/** One field of a system as the pages show it: labels for stored words, days for dates, a dash for nothing. */
export function useFieldValue(kinds: SystemKind[]): (record: SystemFields, field: string) => string {
  const { t } = useI18n();
  const s = t.systemsRegister;
  const kindLabel = useKindLabel(kinds);
  const day = useDay();
  return (record, field) => {
    const value = (record as unknown as Record<string, unknown>)[field];
    if (field === 'kind') return kindLabel(record.kind);
    if (field === 'vendor_organisation_id') return value === null || value === undefined ? s.noDate : t.vendorLinks.systemsVendorSet;
    if (field === 'data_location') return s.dataLocations[record.data_location] ?? '';
    if (field === 'backup_responsibility') return s.backups[record.backup_responsibility] ?? '';
    if (field === 'remote_method') return record.remote_method === null ? s.noDate : (s.methods[record.remote_method] ?? '');
    if (field === 'contract_start' || field === 'contract_end') return day(value as string | null);
    if (typeof value === 'boolean') return value ? s.yes : s.no;
    return typeof value === 'string' && value !== '' ? value : s.noDate;
  };
}

export function Warnings({ system }: { system: Pick<RegisteredSystem, 'contract_ended' | 'contract_ends_soon'> }) {
  const { t } = useI18n();
  const s = t.systemsRegister;
  if (!system.contract_ended && !system.contract_ends_soon) return <span>{s.noDate}</span>;
  return (
    <span class="inline-flex flex-wrap gap-2">
      {system.contract_ended && (
        <span data-testid="contract-ended" class={`${badgeClass} border-error-1 bg-red-50 text-error-1`}>
          {s.contractEnded}
        </span>
      )}
      {system.contract_ends_soon && (
        <span data-testid="contract-ends-soon" class={`${badgeClass} border-yellow-700 bg-yellow-50 text-solid-gray-900`}>
          {s.contractEndsSoon}
        </span>
      )}
    </span>
  );
}
