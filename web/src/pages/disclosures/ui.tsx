// Small pieces shared by the MDS/SDS pages: a disclosure in a line of words, its state badge, the date input.
import { useI18n } from '../../i18n';
import { badgeClass, useDay } from '../systems/ui';
import type { Disclosure, DisclosureState, SystemStatus } from './disclosuresApi';

const tones: Record<string, string> = {
  current: 'border-success-2 bg-green-50 text-solid-gray-900',
  outdated: 'border-yellow-700 bg-yellow-50 text-solid-gray-900',
  missing: 'border-error-1 bg-red-50 text-error-1',
  superseded: 'border-solid-gray-420 bg-solid-gray-50 text-solid-gray-800',
  withdrawn: 'border-solid-gray-420 bg-solid-gray-50 text-solid-gray-800',
  no_vendor: 'border-solid-gray-420 bg-solid-gray-50 text-solid-gray-800',
  product_unknown: 'border-solid-gray-420 bg-solid-gray-50 text-solid-gray-800',
};

export function StateBadge({ state, label }: { state: DisclosureState | SystemStatus; label: string }) {
  return (
    <span class={`${badgeClass} ${tones[state] ?? ''}`} data-testid={`state-${state}`}>
      {label}
    </span>
  );
}

/** "MDS Ver.5.0（2025年4月1日発行）". */
export function useDisclosureText(): (d: Disclosure) => string {
  const { t } = useI18n();
  const v = t.vendorDisclosures;
  const day = useDay();
  return (d) => `${v.kindShort[d.kind] ?? ''} ${d.version_label}（${v.issued(day(d.issued_on))}）`;
}

export function DateInput({ id, label, value, onInput, error, max }: { id: string; label: string; value: string; onInput: (value: string) => void; error?: string | undefined; max: string }) {
  return (
    <div class="mt-6">
      <label for={id} class="block text-std-16B-170 text-solid-gray-900">
        {label}
      </label>
      <input
        id={id}
        name={id}
        type="date"
        max={max}
        value={value}
        onInput={(event) => onInput((event.currentTarget as HTMLInputElement).value)}
        class={`mt-2 block min-h-14 rounded-8 border bg-white px-4 py-2 text-std-16N-170 ${error === undefined ? 'border-solid-gray-600' : 'border-2 border-error-1'}`}
        {...(error === undefined ? {} : { 'aria-invalid': true, 'aria-describedby': `${id}-error` })}
      />
      {error !== undefined && (
        <p id={`${id}-error`} class="mt-2 text-std-16N-170 text-error-1" data-testid="field-error">
          <span aria-hidden="true">＊</span>
          {error}
        </p>
      )}
    </div>
  );
}

/** Today in Japan as YYYY-MM-DD (the server's rule for "not in the future"). */
export function todayInJapan(): string {
  return new Date(Date.now() + 9 * 3600 * 1000).toISOString().slice(0, 10);
}
