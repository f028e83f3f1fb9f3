// The vulnerabilities that apply to one asset of the ledger now (its findings still true), shown on the asset's
// page; each links to the finding, where it is triaged.
import { useResource } from '../../api/useResource';
import { useI18n } from '../../i18n';
import { FindingsTable } from './FindingsDashboard';
import { loadAssetFindings } from './findingsApi';

export function AssetFindings({ assetId, hasCpe }: { assetId: number; hasCpe: boolean }) {
  const { t } = useI18n();
  const f = t.findings;
  const [found] = useResource(`asset-findings/${assetId}`, (signal) => loadAssetFindings(assetId, signal));
  if (found.state === 'loading') return <p role="status" class="mt-2 text-std-16N-170 text-solid-gray-700">{f.loading}</p>;
  if (found.state === 'error') return <p class="mt-2 text-std-16N-170">{f.loadFailed}</p>;
  const current = found.data.findings.filter((finding) => finding.active);
  if (current.length === 0)
    return (
      <p class="mt-2 text-std-16N-170" data-testid="asset-findings-none">
        {hasCpe ? f.assetNone : f.assetNoCpe}
      </p>
    );
  return (
    <div data-testid="asset-findings">
      <FindingsTable findings={current} />
    </div>
  );
}
