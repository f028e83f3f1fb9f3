// Small pieces shared by the device ledger's pages: labels of the stored words, days, flags.
import { formatJst, formatJstDate } from '../../auth/format';
import { useI18n } from '../../i18n';
import type { Asset, AssetFields } from './ledgerApi';

export const badgeClass = 'inline-block whitespace-nowrap rounded-4 border px-2 py-0.5 text-dns-14B-120';

/** A day (from an ISO time) in the reader's language, or a dash. */
export function useDay(): (iso: string | null) => string {
  const { language, t } = useI18n();
  return (iso) => (iso === null || iso === '' ? t.ledger.empty : formatJstDate(iso, language));
}

export function useTime(): (iso: string) => string {
  const { language } = useI18n();
  return (iso) => formatJst(iso, language);
}

/** The OS with its version, or the firmware, or a dash. */
export function osText(asset: Pick<AssetFields, 'os_name' | 'os_version' | 'firmware_version'>, empty: string): string {
  const os = [asset.os_name, asset.os_version].filter((part) => part !== '').join(' ');
  if (os !== '') return os;
  return asset.firmware_version === '' ? empty : asset.firmware_version;
}

export function Flags({ asset }: { asset: Pick<Asset, 'internet_facing' | 'remote_maintenance' | 'vendor_managed' | 'status'> }) {
  const { t } = useI18n();
  const l = t.ledger;
  const none = !asset.internet_facing && !asset.remote_maintenance && !asset.vendor_managed && asset.status !== 'retired';
  if (none) return <span>{l.empty}</span>;
  return (
    <span class="inline-flex flex-wrap gap-1">
      {asset.status === 'retired' && <span class={`${badgeClass} border-solid-gray-600 bg-solid-gray-100 text-solid-gray-900`}>{l.retiredBadge}</span>}
      {asset.internet_facing && (
        <span class={`${badgeClass} border-error-1 bg-red-50 text-error-1`} data-testid="flag-internet">
          {l.flagInternet}
        </span>
      )}
      {asset.remote_maintenance && <span class={`${badgeClass} border-yellow-700 bg-yellow-50 text-solid-gray-900`}>{l.flagRemote}</span>}
      {asset.vendor_managed && <span class={`${badgeClass} border-solid-gray-600 bg-white text-solid-gray-900`}>{l.flagVendor}</span>}
    </span>
  );
}
