// What the institution's registers say beside an item of the checklist — the systems register for the vendor
// items (2-② remote maintenance, 2-③ MDS/SDS, the items 記入不要 without a vendor contract), the device ledger for
// 2-① and its findings for 2-⑥ — and where the answers contradict them. Shown only to the institution's own
// users (the server answers 404 to anyone else, and then nothing is shown).
import { useI18n } from '../../i18n';
import { ContextBoxes, isItemContexts, useItemContext, type ItemContexts } from './ContextNote';

export type RegisterWarning =
  | 'register_empty'
  | 'no_contract_but_vendors_listed'
  | 'contract_but_no_vendor_listed'
  | 'remote_points_unrecorded'
  | 'disclosure_missing_though_yes'
  | 'ledger_empty_though_yes'
  | 'ledger_stale_though_yes'
  | 'kev_open_though_yes';

export interface RegisterContext extends ItemContexts<RegisterWarning> {
  has_vendor_contract: boolean;
  facts: {
    systems_in_use: number;
    with_vendor: string[];
    with_remote_maintenance: string[];
    remote_points_unrecorded: string[];
    linked_vendor_systems: number;
    without_current_disclosure: string[];
    vendors_without_disclosure: string[];
    assets_in_use: number;
    assets_without_cpe: number;
    days_since_ledger_change: number | null;
    open_kev_findings: number;
    open_kev_assets: string[];
  };
}

/** Loads the context again whenever `answerKey` (the saved answer) changes. */
export function RegisterContextNote({ assessmentId, canonicalId, answerKey }: { assessmentId: number; canonicalId: string; answerKey: string }) {
  const { t } = useI18n();
  const r = t.registerContext;
  const context = useItemContext(`/api/v1/assessments/${assessmentId}/register-context`, isItemContexts<RegisterContext>, answerKey);

  const item = context?.items.find((i) => i.canonical_id === canonicalId);
  if (!context || !item) return null;
  const f = context.facts;
  const facts: string[] = [];
  const fromLedger = canonicalId === 'AST-01' || canonicalId === 'VUL-01';
  if (canonicalId === 'AST-01') {
    if (f.assets_in_use === 0) facts.push(r.ledgerEmpty);
    else {
      facts.push(r.ledgerAssets(f.assets_in_use, f.assets_without_cpe));
      if (f.days_since_ledger_change !== null) facts.push(r.ledgerChanged(f.days_since_ledger_change));
    }
  } else if (canonicalId === 'VUL-01') {
    if (f.assets_in_use === 0) facts.push(r.ledgerEmpty);
    else facts.push(f.open_kev_findings === 0 ? r.kevNone : r.kevOpen(f.open_kev_findings, f.open_kev_assets));
  } else if (f.systems_in_use > 0) {
    if (canonicalId === 'VND-01')
      facts.push(f.with_remote_maintenance.length === 0 ? r.remoteNone : r.remote(f.with_remote_maintenance.length, f.with_remote_maintenance));
    else if (canonicalId === 'VND-02')
      facts.push(
        f.linked_vendor_systems === 0
          ? r.noLinkedVendor
          : f.vendors_without_disclosure.length === 0
            ? r.disclosureAll(f.linked_vendor_systems)
            : r.disclosureMissing(f.vendors_without_disclosure.length, f.vendors_without_disclosure),
      );
    else facts.push(f.with_vendor.length === 0 ? r.vendorNone : r.vendorSystems(f.with_vendor.length));
  }
  const link =
    canonicalId === 'VUL-01'
      ? { href: '/findings', label: r.openFindings }
      : fromLedger
        ? { href: '/ledger', label: r.openLedger }
        : { href: '/systems', label: r.openRegister };
  const warnings = item.warnings.map((w) => r.warnings[w](f));

  return (
    <ContextBoxes
      testId="register"
      heading={fromLedger ? r.ledgerHeading : r.heading}
      facts={facts}
      link={link}
      warningHeading={fromLedger ? r.ledgerWarningHeading : r.warningHeading}
      warnings={warnings}
    />
  );
}
