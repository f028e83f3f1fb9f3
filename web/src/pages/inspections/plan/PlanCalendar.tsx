// The planned inspections of one month as a calendar (Sunday first), each day listing its inspections.
import { langOf, useI18n } from '../../../i18n';
import { Link } from '../../../router';
import { buttonClass, linkClass } from '../../catalog/ui';
import { StatusBadge } from './PlanPage';
import type { PlanParams } from './PlanFrame';
import type { Visit } from './planApi';
import { planPaths } from './routes';

/** The month the calendar opens on: the chosen one, this month when it lies in the fiscal year, else April. */
export function calendarMonth(params: PlanParams, today: Date = new Date()): { year: number; month: number } {
  let month = params.month;
  if (month === 0) {
    const now = today.getMonth() + 1;
    const fy = now >= 4 ? today.getFullYear() : today.getFullYear() - 1;
    month = fy === params.fiscalYear ? now : 4;
  }
  return { year: month >= 4 ? params.fiscalYear : params.fiscalYear + 1, month };
}

/** The weeks of a month: seven day numbers each, null outside the month. */
export function weeksOf(year: number, month: number): (number | null)[][] {
  const first = new Date(Date.UTC(year, month - 1, 1)).getUTCDay();
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const cells: (number | null)[] = [...Array<null>(first).fill(null), ...Array.from({ length: days }, (_, i) => i + 1)];
  while (cells.length % 7 !== 0) cells.push(null);
  const weeks: (number | null)[][] = [];
  for (let i = 0; i < cells.length; i += 7) weeks.push(cells.slice(i, i + 7));
  return weeks;
}

export function PlanCalendar({ params, visits, onMonth }: { params: PlanParams; visits: Visit[]; onMonth: (month: number) => void }) {
  const { t } = useI18n();
  const p = t.inspectionPlan;
  const { year, month } = calendarMonth(params);
  const prefix = `${year}-${String(month).padStart(2, '0')}-`;
  const byDay = new Map<number, Visit[]>();
  for (const v of visits) {
    if (v.planned_on === null || !v.planned_on.startsWith(prefix)) continue;
    const day = Number(v.planned_on.slice(8, 10));
    byDay.set(day, [...(byDay.get(day) ?? []), v]);
  }
  const order = [4, 5, 6, 7, 8, 9, 10, 11, 12, 1, 2, 3];
  const index = order.indexOf(month);
  return (
    <div class="mt-4" data-testid="plan-calendar">
      <div class="flex items-center justify-between gap-4">
        <button type="button" class={buttonClass} disabled={index <= 0} onClick={() => onMonth(order[index - 1] ?? 4)}>
          {p.previousMonth}
        </button>
        <p class="text-std-20B-150" aria-live="polite" data-testid="plan-calendar-caption">{p.calendarCaption(year, month)}</p>
        <button type="button" class={buttonClass} disabled={index >= order.length - 1} onClick={() => onMonth(order[index + 1] ?? 3)}>
          {p.nextMonth}
        </button>
      </div>
      <div class="mt-4 overflow-x-auto">
        <table class="w-full min-w-[42rem] table-fixed border-collapse text-left">
          <caption class="sr-only">{p.calendarCaption(year, month)}</caption>
          <thead>
            <tr>
              {p.weekdays.map((day) => (
                <th key={day} scope="col" class="border border-solid-gray-420 bg-solid-gray-50 px-1 py-1 text-center text-dns-14B-120">
                  {day}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {weeksOf(year, month).map((week, w) => (
              <tr key={w}>
                {week.map((day, d) => (
                  <td key={d} class="h-24 border border-solid-gray-420 px-1 py-1 align-top">
                    {day !== null && (
                      <>
                        <span class="text-dns-14N-130 text-solid-gray-700">{day}</span>
                        <ul class="mt-1 space-y-1">
                          {(byDay.get(day) ?? []).map((v) => (
                            <li key={v.id} class="text-dns-14N-130" data-testid={`plan-calendar-visit-${v.id}`}>
                              <Link href={planPaths.visit(v.id)} class={linkClass}>
                                <span lang={langOf(v.institution_name)}>{v.institution_name}</span>
                              </Link>
                              <span class="block">
                                <StatusBadge status={v.status} />
                              </span>
                            </li>
                          ))}
                        </ul>
                      </>
                    )}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p class="mt-2 text-std-16N-170 text-solid-gray-700">{p.undatedInMonth}</p>
    </div>
  );
}
