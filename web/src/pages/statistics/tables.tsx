// The tables of the statistics views: one line's answers per group (asked, はい, いいえ, 記入不要, 未回答,
// each with its denominator), and the submission and completion rates. A suppressed cell says 「秘匿」.
import { useI18n } from '../../i18n';
import { cardCellClass, cardHeadClass, cardRowClass, cardTableClass, CellLabel } from '../account/ui';
import { CountText, ShareText, useLabel } from './format';
import { answers, type Group, type RateGroup } from './statisticsApi';

const headClass = 'px-2 py-2 align-bottom';

export function GroupTable({ groups, total, groupHeading, k, testId }: { groups: Group[]; total: Group; groupHeading: string; k: number; testId: string }) {
  const { t } = useI18n();
  const s = t.statistics;
  const label = useLabel();
  const row = (group: Group, isTotal: boolean) => (
    <tr key={group.key} class={`${cardRowClass} ${isTotal ? 'font-bold md:border-t-2 md:border-solid-gray-600' : ''}`} data-group={group.key}>
      <th scope="row" class={`${cardCellClass} text-left font-bold`}>
        <CellLabel>{groupHeading}</CellLabel>
        {isTotal ? s.total : label(group)}
      </th>
      <td class={`${cardCellClass} md:text-right`} data-column="asked">
        <CellLabel>{s.asked}</CellLabel>
        <CountText count={group.asked} k={k} />
      </td>
      {answers.map((answer) => (
        <td key={answer} class={`${cardCellClass} md:text-right`} data-column={answer}>
          <CellLabel>{s.answers[answer]}</CellLabel>
          <ShareText share={group[answer]} k={k} />
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
          {answers.map((answer) => (
            <th key={answer} scope="col" class={`${headClass} md:text-right`}>{s.answers[answer]}</th>
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

export function RatesTable({ groups, total, groupHeading, k, testId }: { groups: RateGroup[]; total: RateGroup; groupHeading: string; k: number; testId: string }) {
  const { t } = useI18n();
  const s = t.statistics;
  const label = useLabel();
  const row = (group: RateGroup, isTotal: boolean) => (
    <tr key={group.key} class={`${cardRowClass} ${isTotal ? 'font-bold md:border-t-2 md:border-solid-gray-600' : ''}`} data-group={group.key}>
      <th scope="row" class={`${cardCellClass} text-left font-bold`}>
        <CellLabel>{groupHeading}</CellLabel>
        {isTotal ? s.total : label(group)}
      </th>
      <td class={`${cardCellClass} md:text-right`}>
        <CellLabel>{s.asked}</CellLabel>
        <CountText count={group.asked} k={k} />
      </td>
      <td class={`${cardCellClass} md:text-right`}>
        <CellLabel>{s.submitted}</CellLabel>
        <ShareText share={group.submitted} k={k} />
      </td>
      <td class={`${cardCellClass} md:text-right`}>
        <CellLabel>{s.complete}</CellLabel>
        <ShareText share={group.complete} k={k} />
      </td>
    </tr>
  );
  return (
    <table class={cardTableClass} data-testid={testId}>
      <thead class={cardHeadClass}>
        <tr class="border-b-2 border-solid-gray-600">
          <th scope="col" class={headClass}>{groupHeading}</th>
          <th scope="col" class={`${headClass} md:text-right`}>{s.asked}</th>
          <th scope="col" class={`${headClass} md:text-right`}>{s.submitted}</th>
          <th scope="col" class={`${headClass} md:text-right`}>{s.complete}</th>
        </tr>
      </thead>
      <tbody class="block md:table-row-group">
        {groups.map((group) => row(group, false))}
        {row(total, true)}
      </tbody>
    </table>
  );
}
