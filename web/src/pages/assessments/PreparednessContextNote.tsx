// What the institution's preparedness records say beside 3-① (contact chart), 3-② (backups and recovery) and
// 3-③ (cyber-BCP), and where the answer contradicts them. Shown only to the institution's own users (the server
// answers 404 to anyone else, and then nothing is shown).
import { useEffect, useState } from 'preact/hooks';
import { isRecord } from '../../api/http';
import { send } from '../../auth/request';
import { useI18n } from '../../i18n';
import { InfoNotice, WarningNotice } from '../account/ui';
import { preparednessPaths } from '../preparedness/routes';
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

interface PreparednessContext {
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
  items: { canonical_id: string; warnings: PreparednessWarning[] }[];
}

function isContext(body: unknown): body is PreparednessContext {
  return isRecord(body) && isRecord(body.facts) && Array.isArray(body.items);
}

/** Loads the context again whenever `answerKey` (the saved answer) changes. */
export function PreparednessContextNote({ assessmentId, canonicalId, answerKey }: { assessmentId: number; canonicalId: string; answerKey: string }) {
  const { t, language } = useI18n();
  const p = t.preparednessContext;
  const [context, setContext] = useState<PreparednessContext | null>(null);

  useEffect(() => {
    const controller = new AbortController();
    send('GET', `/api/v1/assessments/${assessmentId}/preparedness-context`, isContext, { signal: controller.signal })
      .then(setContext)
      .catch(() => setContext(null));
    return () => controller.abort();
  }, [assessmentId, answerKey]);

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

  return (
    <div class="grid gap-3" data-testid="preparedness-context">
      <InfoNotice testId="preparedness-facts">
        <p class="text-std-16B-170">{p.heading}</p>
        {facts.map((line) => (
          <p key={line} class="text-std-16N-170">
            {line}
          </p>
        ))}
        <p class="mt-2 text-std-16N-170">
          <a href={link.href} class="text-blue-1000 underline">
            {link.label}
          </a>
        </p>
      </InfoNotice>
      {warnings.length > 0 && (
        <WarningNotice heading={p.warningHeading} testId="preparedness-warnings">
          {warnings.map((line) => (
            <p key={line} class="text-std-16N-170">
              {line}
            </p>
          ))}
        </WarningNotice>
      )}
    </div>
  );
}
