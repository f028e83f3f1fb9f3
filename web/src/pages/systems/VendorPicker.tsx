// The vendor of a system: one of the vendors the institution links (取引先事業者; the vendor then sees this
// system), or a name typed for a vendor not in mamori. A vendor unlinked since stays chosen until changed.
import { useResource } from '../../api/useResource';
import { useI18n } from '../../i18n';
import { Link } from '../../router';
import { linkClass, SelectField, TextField } from '../account/ui';
import { vendorsPaths } from '../vendors/routes';
import { loadLinkedVendors } from '../vendors/vendorsApi';

const typed = 'typed';

export function VendorPicker({
  vendorId,
  vendorName,
  onChange,
  error,
}: {
  vendorId: number | null;
  vendorName: string;
  onChange: (vendorId: number | null, vendorName: string) => void;
  error: string | undefined;
}) {
  const { t } = useI18n();
  const v = t.vendorLinks;
  const s = t.systemsRegister;
  const [linked] = useResource('system-form-vendors', loadLinkedVendors);
  const vendors = linked.state === 'ready' ? linked.data : [];
  const options = vendors.map((vendor) => ({ value: String(vendor.id), label: vendor.name }));
  if (vendorId !== null && !vendors.some((vendor) => vendor.id === vendorId)) options.push({ value: String(vendorId), label: vendorName });
  options.push({ value: typed, label: v.systemsVendorTyped });
  const chosen = vendorId === null ? typed : String(vendorId);
  return (
    <div data-testid="vendor-picker">
      {(vendors.length > 0 || vendorId !== null) && (
        <SelectField
          id="vendor_organisation_id"
          label={v.systemsVendorLabel}
          value={chosen}
          onChange={(value) => {
            if (value === typed) {
              onChange(null, vendorId === null ? vendorName : '');
              return;
            }
            const vendor = vendors.find((candidate) => String(candidate.id) === value);
            onChange(Number(value), vendor?.name ?? vendorName);
          }}
          options={options}
          help={
            <>
              {v.systemsVendorHelp}{' '}
              <Link href={vendorsPaths.institution} class={linkClass}>
                {v.systemsVendorInvite}
              </Link>
            </>
          }
          error={error}
        />
      )}
      {chosen === typed && (
        <TextField id="vendor_name" label={s.fields['vendor_name'] ?? ''} value={vendorName} onInput={(value) => onChange(null, value)} maxLength={100} help={s.help.vendor_name} />
      )}
    </div>
  );
}
