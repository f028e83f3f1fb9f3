// /findings/national: the ministry's national KEV exposure: numbers only, no institution named, counts under
// ten institutions shown as "10未満".
import { useResource } from '../../api/useResource';
import { useI18n } from '../../i18n';
import { cardCellClass, cardHeadClass, cardRowClass, cardTableClass, CellLabel, h1Class, h2Class, InfoNotice, leadClass } from '../account/ui';
import { loadNational } from './findingsApi';

export function NationalExposure() {
  const { t } = useI18n();
  const f = t.findings;
  const [national] = useResource('exposure-national', loadNational);
  const count = (value: string) => (value === '<10' ? f.lessThanTen : value);
  return (
    <div data-testid="national-page">
      <h1 class={h1Class}>{f.nationalTitle}</h1>
      <p class={leadClass}>{f.nationalLead}</p>
      {national.state === 'loading' && <p role="status" class="mt-6 text-std-16N-170 text-solid-gray-700">{f.loading}</p>}
      {national.state === 'error' && <InfoNotice>{national.error.status === 404 ? f.nationalNotAllowed : f.loadFailed}</InfoNotice>}
      {national.state === 'ready' && (
        <>
          <dl class="mt-6 grid grid-cols-1 gap-4 md:grid-cols-2" data-testid="national-numbers">
            <div class="rounded-8 border-2 border-solid-gray-420 p-4">
              <dt class="text-std-16B-170 text-solid-gray-800">{f.nationalInstitutions}</dt>
              <dd class="mt-1 text-std-28B-150 tabular-nums" data-testid="national-institutions">
                {count(national.data.institutions_with_open_kev)}
                <span class="ml-2 text-std-16N-170">{f.nationalOf(national.data.institutions_total)}</span>
              </dd>
            </div>
            <div class="rounded-8 border-2 border-solid-gray-420 p-4">
              <dt class="text-std-16B-170 text-solid-gray-800">{f.nationalFindings}</dt>
              <dd class="mt-1 text-std-28B-150 tabular-nums">{national.data.open_kev_findings}</dd>
            </div>
          </dl>
          <h2 class={`${h2Class} mt-10`}>{f.nationalTop}</h2>
          <table class={`${cardTableClass} mt-4`} data-testid="national-top">
            <thead class={cardHeadClass}>
              <tr class="border-b-2 border-solid-gray-600">
                <th scope="col" class="px-2 py-2">{f.nationalColumns.cve}</th>
                <th scope="col" class="px-2 py-2">{f.nationalColumns.institutions}</th>
                <th scope="col" class="px-2 py-2">{f.nationalColumns.findings}</th>
                <th scope="col" class="px-2 py-2">{f.nationalColumns.ransomware}</th>
              </tr>
            </thead>
            <tbody class="block md:table-row-group">
              {national.data.top_cves.map((cve) => (
                <tr key={cve.cve_id} class={cardRowClass}>
                  <td class={`${cardCellClass} font-bold tabular-nums`}>
                    <CellLabel>{f.nationalColumns.cve}</CellLabel>
                    {cve.cve_id}
                  </td>
                  <td class={`${cardCellClass} tabular-nums`}>
                    <CellLabel>{f.nationalColumns.institutions}</CellLabel>
                    {count(cve.institutions)}
                  </td>
                  <td class={`${cardCellClass} tabular-nums`}>
                    <CellLabel>{f.nationalColumns.findings}</CellLabel>
                    {cve.findings}
                  </td>
                  <td class={cardCellClass}>
                    <CellLabel>{f.nationalColumns.ransomware}</CellLabel>
                    {cve.ransomware ? f.yes : f.no}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </div>
  );
}
