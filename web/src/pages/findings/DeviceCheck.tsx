// /findings/check: 「この機器は影響を受けるか」: one device's CPE names, one per line, against the stored feeds.
import { useState } from 'preact/hooks';
import { ProblemError } from '../../auth/request';
import { useI18n } from '../../i18n';
import { cardCellClass, cardHeadClass, cardRowClass, cardTableClass, CellLabel, h1Class, InfoNotice, leadClass, WarningNotice } from '../account/ui';
import { primaryButtonClass } from '../catalog/ui';
import { checkDevice, type DeviceCheck as Result } from './findingsApi';
import { Badges, score } from './ui';

const textareaClass =
  'mt-2 block w-full max-w-4xl rounded-8 border border-solid-gray-600 bg-white px-3 py-2 font-mono text-std-16N-170 focus-visible:outline focus-visible:outline-4 focus-visible:outline-offset-2 focus-visible:outline-yellow-300';

export function DeviceCheck() {
  const { t } = useI18n();
  const f = t.findings;
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [result, setResult] = useState<Result | null>(null);
  const submit = async (event: Event) => {
    event.preventDefault();
    setError(null);
    const cpes = text
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line !== '');
    if (cpes.length === 0) {
      setError(f.checkEmpty);
      return;
    }
    setBusy(true);
    try {
      setResult(await checkDevice(cpes));
    } catch (problem) {
      setResult(null);
      const field = problem instanceof ProblemError ? /^cpes\[(\d+)\]/.exec(problem.fields[0]?.field ?? '') : null;
      setError(field !== null && field !== undefined ? f.checkBad(Number(field[1]) + 1) : f.checkFailed);
    } finally {
      setBusy(false);
    }
  };
  return (
    <div data-testid="device-check-page">
      <h1 class={h1Class}>{f.checkTitle}</h1>
      <p class={leadClass}>{f.checkLead}</p>
      <form class="mt-6" onSubmit={submit} noValidate>
        <label for="device-cpes" class="block text-std-16B-170 text-solid-gray-900">
          {f.checkLabel}
        </label>
        <p id="device-cpes-help" class="mt-1 text-std-16N-170 text-solid-gray-700">
          {f.checkHelp}
        </p>
        <textarea
          id="device-cpes"
          name="cpes"
          rows={4}
          spellcheck={false}
          class={textareaClass}
          value={text}
          aria-describedby="device-cpes-help"
          {...(error === null ? {} : { 'aria-invalid': true })}
          onInput={(event) => setText((event.currentTarget as HTMLTextAreaElement).value)}
        />
        {error !== null && <WarningNotice testId="check-problem">{error}</WarningNotice>}
        <p class="mt-6">
          <button type="submit" class={primaryButtonClass} disabled={busy} data-testid="check-submit">
            {busy ? f.checkBusy : f.checkSubmit}
          </button>
        </p>
      </form>
      {result !== null && result.cves.length === 0 && <InfoNotice testId="check-none">{f.checkNone}</InfoNotice>}
      {result !== null && result.cves.length > 0 && (
        <>
          <p class="mt-8 text-std-16B-170" role="status" data-testid="check-count">
            {f.checkResults(result.cves.length)}
          </p>
          <table class={`${cardTableClass} mt-4`} data-testid="check-results">
            <thead class={cardHeadClass}>
              <tr class="border-b-2 border-solid-gray-600">
                <th scope="col" class="px-2 py-2">{f.columns.cve}</th>
                <th scope="col" class="px-2 py-2">{f.columns.flags}</th>
                <th scope="col" class="px-2 py-2">{f.columns.cvss}</th>
                <th scope="col" class="px-2 py-2">{f.facts.matched}</th>
              </tr>
            </thead>
            <tbody class="block md:table-row-group">
              {result.cves.map((cve) => (
                <tr key={cve.cve_id} class={cardRowClass} data-testid="check-row">
                  <td class={`${cardCellClass} font-bold tabular-nums`}>
                    <CellLabel>{f.columns.cve}</CellLabel>
                    {cve.cve_id}
                  </td>
                  <td class={cardCellClass}>
                    <CellLabel>{f.columns.flags}</CellLabel>
                    <Badges finding={{ kev: cve.kev ? { date_added: '', due_date: null, ransomware_use: cve.ransomware_use } : null, exposed: false }} />
                  </td>
                  <td class={`${cardCellClass} tabular-nums`}>
                    <CellLabel>{f.columns.cvss}</CellLabel>
                    {score(cve.cvss_score, f.noScore)}
                  </td>
                  <td class={`${cardCellClass} break-all font-mono text-dns-14N-130`}>
                    <CellLabel>{f.facts.matched}</CellLabel>
                    {cve.matched_cpes.join(' ')}
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
