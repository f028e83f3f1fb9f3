// The first two cells of a vendor's row wherever vendors are listed: its name and its 法人番号.
import { langOf, useI18n } from '../../i18n';
import { cardCellClass, CellLabel } from '../account/ui';

export function VendorIdentityCells({ vendor }: { vendor: { name: string; corporate_number: string | null } }) {
  const { t } = useI18n();
  const v = t.vendorLinks;
  return (
    <>
      <td class={`${cardCellClass} font-bold`}>
        <CellLabel>{v.columns.name}</CellLabel>
        <span lang={langOf(vendor.name)}>{vendor.name}</span>
      </td>
      <td class={`${cardCellClass} tabular-nums`}>
        <CellLabel>{v.columns.corporateNumber}</CellLabel>
        {vendor.corporate_number ?? v.noNumber}
      </td>
    </>
  );
}
