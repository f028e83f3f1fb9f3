// The tables of the statistics views: one line's answers per group (asked, はい, いいえ, 記入不要, 未回答,
// each with its denominator), and the submission and completion rates. A suppressed cell says 「秘匿」.
import { useI18n } from '../../i18n';
import { cardCellClass, cardHeadClass, cardRowClass, cardTableClass, CellLabel } from '../account/ui';
import { CountText, ShareText, useLabel } from './format';
import { answers, type Group, type Labelled, type RateGroup, type Share, type TargetGroup } from './statisticsApi';

const headClass = 'px-2 py-2 align-bottom';

type Row = Labelled & { asked: number | null };

// A share column: its heading, its data-column name and the share it shows of a group.
interface ShareColumn<G> {
  name: string;
  title: string;
  share: (group: G) => Share;
}

function SharesTable<G extends Row>({ groups, total, groupHeading, k, testId, columns }: { groups: G[]; total: G; groupHeading: string; k: number; testId: string; columns: ShareColumn<G>[] }) {
  const { t } = useI18n();
  const s = t.statistics;
  const label = useLabel();
  const row = (group: G, isTotal: boolean) => (
    <tr key={group.key} class={`${cardRowClass} ${isTotal ? 'font-bold md:border-t-2 md:border-solid-gray-600' : ''}`} data-group={group.key}>
      <th scope="row" class={`${cardCellClass} text-left font-bold`}>
        <CellLabel>{groupHeading}</CellLabel>
        {isTotal ? s.total : label(group)}
      </th>
      <td class={`${cardCellClass} md:text-right`} data-column="asked">
        <CellLabel>{s.asked}</CellLabel>
        <CountText count={group.asked} k={k} />
      </td>
      {columns.map((column) => (
        <td key={column.name} class={`${cardCellClass} md:text-right`} data-column={column.name}>
          <CellLabel>{column.title}</CellLabel>
          <ShareText share={column.share(group)} k={k} />
        </td>
      ))}
    </tr>
  );
  return (
    <table class={cardTableClass} data-testid={testId}>
      <thead class={cardHeadClass}>
        <tr class="border-b-2 border-solid-gray-600">
          <th scope="col" class={headClass}>{groupHeading}</th>
          <th scope="col" class={`${headClass} md:text-right`}>{s.asked}</th>
          {columns.map((column) => (
            <th key={column.name} scope="col" class={`${headClass} md:text-right`}>{column.title}</th>
          ))}
        </tr>
      </thead>
      <tbody class="block md:table-row-group">
        {groups.map((group) => row(group, false))}
        {row(total, true)}
      </tbody>
    </table>
  );
}

type TableProps<G> = { groups: G[]; total: G; groupHeading: string; k: number; testId: string };

export function GroupTable(props: TableProps<Group>) {
  const { t } = useI18n();
  const columns = answers.map((answer) => ({ name: answer, title: t.statistics.answers[answer], share: (group: Group) => group[answer] }));
  return <SharesTable {...props} columns={columns} />;
}

export function RatesTable(props: TableProps<RateGroup>) {
  const { t } = useI18n();
  const s = t.statistics;
  const columns: ShareColumn<RateGroup>[] = [
    { name: 'submitted', title: s.submitted, share: (group) => group.submitted },
    { name: 'complete', title: s.complete, share: (group) => group.complete },
  ];
  return <SharesTable {...props} columns={columns} />;
}

export function TargetsTable(props: TableProps<TargetGroup>) {
  const { t } = useI18n();
  const s = t.statistics.targets;
  const columns: ShareColumn<TargetGroup>[] = [
    { name: 'open', title: s.open, share: (group) => group.open },
    { name: 'overdue', title: s.overdue, share: (group) => group.overdue },
  ];
  return <SharesTable {...props} columns={columns} />;
}
