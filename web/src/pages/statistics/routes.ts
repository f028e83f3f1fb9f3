// The addresses of the statistics pages (統計): the dashboard, the item explorer, the prefecture comparison
// and the map. The query (fiscal year, form, line, filters) lives in the address, the same for every view,
// so switching views keeps it and a view can be bookmarked.
import type { StatisticsQuery } from './statisticsApi';

export const statisticsViews = ['dashboard', 'items', 'compare', 'map', 'surveys'] as const;
export type StatisticsView = (typeof statisticsViews)[number];

export type StatisticsRoute = { kind: 'statistics'; page: StatisticsView };

const viewPaths: Record<StatisticsView, string> = {
  dashboard: '/statistics',
  items: '/statistics/items',
  compare: '/statistics/compare',
  map: '/statistics/map',
  surveys: '/statistics/surveys',
};

export function matchStatisticsRoute(path: string): StatisticsRoute | null {
  const view = statisticsViews.find((candidate) => viewPaths[candidate] === path);
  return view === undefined ? null : { kind: 'statistics', page: view };
}

export const emptyQuery: StatisticsQuery = {
  fiscal_year: '',
  form: '',
  item: '',
  row: '',
  by: '',
  answer: '',
  prefecture: '',
  bed_band: '',
  facility_kind: '',
};

const queryNames = Object.keys(emptyQuery) as (keyof StatisticsQuery)[];

// Only the shape is checked here (lengths and characters); the server answers a bad value with a 400
// naming the parameter, which the page shows.
const shapes: Record<keyof StatisticsQuery, RegExp> = {
  fiscal_year: /^[0-9]{4}$/,
  form: /^[a-z_]{1,32}$/,
  item: /^[A-Za-z0-9_.-]{1,64}$/,
  row: /^[A-Za-z0-9_.-]{1,64}$/,
  by: /^[a-z_]{1,32}$/,
  answer: /^[a-z_]{1,32}$/,
  prefecture: /^[0-9]{2}$/,
  bed_band: /^[a-z0-9_]{1,40}$/,
  facility_kind: /^[a-z_]{1,32}$/,
};

export function queryFrom(search: string): StatisticsQuery {
  const params = new URLSearchParams(search);
  const query = { ...emptyQuery };
  for (const name of queryNames) {
    const value = params.get(name) ?? '';
    if (shapes[name].test(value)) query[name] = value;
  }
  return query;
}

export function statisticsPath(view: StatisticsView, query: StatisticsQuery): string {
  const params = new URLSearchParams();
  for (const name of queryNames) {
    if (query[name] !== '') params.set(name, query[name]);
  }
  const search = params.toString();
  return search === '' ? viewPaths[view] : `${viewPaths[view]}?${search}`;
}
