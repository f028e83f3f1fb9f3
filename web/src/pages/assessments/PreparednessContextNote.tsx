// What the institution's preparedness records say beside 3-① (contact chart), 3-② (backups and recovery) and
// 3-③ (cyber-BCP), and where the answer contradicts them (only to the institution's own users: ContextNote).
import { useI18n } from '../../i18n';
import { preparednessPaths } from '../preparedness/routes';
import { ContextBoxes, isItemContexts, useItemContext, type ItemContexts } from './ContextNote';
import { formatDate } from './model';

/** The items the preparedness records speak to. */
export const preparednessItems = ['IR-01', 'IR-02', 'IR-03'];

type PreparednessWarning =
  | 'chart_incomplete_though_yes'
  | 'chart_not_reviewed_though_yes'
  | 'no_backup_though_yes'
  | 'no_offline_copy_though_yes'
  | 'no_restore_test_though_yes'
  | 'bcp_not_done_though_yes'
  | 'records_ready_though_no';

interface Labelled {
  code: string;
  label_ja: string;
  label_en: string;
}

interface PreparednessContext extends ItemContexts<PreparednessWarning> {
  facts: {
    contacts: number;
    roles_missing: Labelled[];
    bodies_missing: Labelled[];
    chart_reviewed_on: string | null;
    chart_reviewed_within_year: boolean;
    backups: number;
    backups_without_offline: number;
    backups_untested: number;
    last_restore_test_on: string | null;
    bcp_rows: number;
    bcp_done: number;
    bcp_not_done: number;
    bcp_not_applicable: number;
    last_drill_on: string | null;
  };
}

/** Loads the context again whenever `answerKey` (the saved answer) changes. */
export function PreparednessContextNote({ assessmentId, canonicalId, answerKey }: { assessmentId: number; canonicalId: string; answerKey: string }) {
  const { t, language } = useI18n();
  const p = t.preparednessContext;
  const context = useItemContext(`/api/v1/assessments/${assessmentId}/preparedness-context`, isItemContexts<PreparednessContext>, answerKey);

  const item = context?.items.find((i) => i.canonical_id === canonicalId);
  if (!context || !item) return null;
  const f = context.facts;
  const date = (iso: string) => formatDate(iso, language);
  const missing = [...f.roles_missing, ...f.bodies_missing].map((m) => (language === 'ja' ? m.label_ja : m.label_en));
  const facts: string[] = [];
  let link = { href: preparednessPaths.contacts, label: p.openChart };
  if (canonicalId === 'IR-01') {
    facts.push(f.contacts === 0 ? p.chartEmpty : p.contacts(f.contacts));
    if (missing.length > 0) facts.push(p.missing(missing));
    facts.push(f.chart_reviewed_on === null ? p.notReviewed : p.reviewed(date(f.chart_reviewed_on)));
  } else if (canonicalId === 'IR-02') {
    link = { href: preparednessPaths.backups, label: p.openBackups };
    facts.push(f.backups === 0 ? p.backupsNone : p.backups(f.backups, f.backups_without_offline, f.backups_untested));
    if (f.last_restore_test_on !== null) facts.push(p.lastRestore(date(f.last_restore_test_on)));
  } else {
    link = { href: preparednessPaths.bcp, label: p.openBcp };
    facts.push(p.bcp(f.bcp_rows, f.bcp_done, f.bcp_not_done, f.bcp_not_applicable));
    facts.push(f.last_drill_on === null ? p.noDrill : p.lastDrill(date(f.last_drill_on)));
  }
  const warnings = item.warnings.map((w) => {
    switch (w) {
      case 'chart_incomplete_though_yes':
        return p.warnings.chart_incomplete_though_yes(missing);
      case 'no_offline_copy_though_yes':
        return p.warnings.no_offline_copy_though_yes(f.backups_without_offline);
      case 'no_restore_test_though_yes':
        return p.warnings.no_restore_test_though_yes(f.backups_untested);
      default:
        return p.warnings[w]();
    }
  });

  return <ContextBoxes testId="preparedness" heading={p.heading} facts={facts} link={link} warningHeading={p.warningHeading} warnings={warnings} />;
}
