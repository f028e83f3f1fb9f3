// The self-assessment pages, by route (routes.ts).
import type { Messages } from '../../i18n/ja';
import { List } from './List';
import { Overview } from './Overview';
import type { AssessmentRoute } from './routes';
import { Table } from './Table';
import { Wizard } from './Wizard';

export function assessmentPageTitle(t: Messages, route: AssessmentRoute): string {
  switch (route.page) {
    case 'list':
      return t.nav.assessments;
    case 'overview':
      return `${t.assessments.overviewTitle} | ${t.nav.assessments}`;
    case 'wizard':
      return `${route.step === null ? t.assessments.wizard.crumb : t.assessments.wizard.pageTitle(route.step)} | ${t.nav.assessments}`;
    case 'table':
      return `${t.assessments.table.title} | ${t.nav.assessments}`;
  }
}

export function AssessmentsPage({ route }: { route: AssessmentRoute }) {
  switch (route.page) {
    case 'list':
      return <List />;
    case 'overview':
      return <Overview id={route.id} />;
    case 'wizard':
      return <Wizard id={route.id} step={route.step} />;
    case 'table':
      return <Table id={route.id} />;
  }
}
