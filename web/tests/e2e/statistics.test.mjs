// Statistics (統計, issue 18) against `mamori serve --demo`: the ministry's analyst lands on the dashboard,
// filters to a bed band (the address and every request follow), sees the tile map of the 47 prefectures with
// its legend, and downloads the view as .xlsx; LibreOffice converts it to CSV and every line of the page's table
// is the file's line (where the page says 秘匿, the file's cell is empty). The other views, English, a
// prefecture's user fixed to its own prefecture, and an institution refused. Screenshots:
// build/screenshots/statistics-*.png.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { loginInPage, screenshotDir, startSession } from './support.mjs';

async function shoot(page, name, { phone = false } = {}) {
  await page.screenshot({ path: join(screenshotDir, `statistics-${name}-1280.png`), fullPage: true });
  if (!phone) return;
  const viewport = page.viewportSize();
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: join(screenshotDir, `statistics-${name}-390.png`), fullPage: true });
  await page.setViewportSize(viewport);
}

/** The rows of an .xlsx file as LibreOffice reads it (converted to CSV; cells split on commas outside quotes). */
function xlsxRows(path) {
  const outDir = mkdtempSync(join(tmpdir(), 'mamori-xlsx-'));
  try {
    const run = spawnSync('soffice', ['--headless', `-env:UserInstallation=file://${outDir}/profile`, '--convert-to', 'csv:Text - txt - csv (StarCalc):44,34,76', '--outdir', outDir, path], {
      encoding: 'utf8',
      timeout: 120_000,
    });
    assert.equal(run.status, 0, `soffice: ${run.stderr}`);
    const csv = readdirSync(outDir).find((name) => name.endsWith('.csv'));
    assert.ok(csv, `soffice wrote no CSV: ${run.stdout} ${run.stderr}`);
    return readFileSync(join(outDir, csv), 'utf8')
      .replace(/^\uFEFF/, '')
      .split(/\r?\n/)
      .filter((line) => line !== '')
      .map((line) => line.match(/("([^"]|"")*"|[^,]*)(,|$)/g).map((cell) => cell.replace(/,$/, '').replace(/^"|"$/g, '').replace(/""/g, '"')));
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
}

describe('statistics', () => {
  let session;
  const downloads = mkdtempSync(join(tmpdir(), 'mamori-stat-downloads-'));

  before(async () => {
    // The institution's visit to /statistics is refused by the API (404), which the browser logs.
    session = await startSession({ personas: true, statisticsSample: true, expectedError: (message) => /status of 404/.test(message.text()) });
  });

  after(async () => {
    assert.deepEqual(session?.problems ?? [], []);
    await session?.close();
    rmSync(downloads, { recursive: true, force: true });
  });

  it('the analyst opens the dashboard, filters to a bed band, sees the map and exports .xlsx', async () => {
    const { page, baseUrl } = session;
    await loginInPage(page, baseUrl, 'mhlw@demo.example', 'mhlw-demo-pass');
    await page.waitForURL((url) => url.pathname === '/statistics');
    const statistics = page.getByTestId('statistics-page');
    await statistics.getByRole('heading', { level: 1, name: '統計ダッシュボード' }).waitFor();
    await page.getByTestId('indicator-asked').locator('dd').filter({ hasNotText: '…' }).waitFor();
    await page.getByTestId('dashboard-map').waitFor();
    assert.equal(await page.getByTestId('dashboard-map').locator('g[data-prefecture]').count(), 47);
    // MHLW's survey beside mamori's hospitals: the cyber-attack BCP line with both shares and a source.
    const bcp = page.getByTestId('survey-cyber_bcp');
    await bcp.locator('[data-count]').waitFor();
    await bcp.getByText(/\d+%（\d{4}年調査）/).waitFor();
    await bcp.getByRole('link', { name: '出典' }).waitFor();
    await shoot(page, 'dashboard', { phone: true });
    const openData = await page.request.get(new URL(await page.getByTestId('open-data-file').getAttribute('href'), session.baseUrl).href);
    assert.equal(openData.status(), 200);
    assert.match(openData.headers()['content-type'], /text\/csv/);

    // A bed band: the address carries it and the numbers are asked again with it.
    const bedBand = page.getByLabel('病床規模');
    const requests = [];
    page.on('request', (request) => {
      if (request.url().includes('/api/v1/statistics/')) requests.push(new URL(request.url()));
    });
    await bedBand.selectOption('hospital_300_399');
    await page.waitForURL((url) => url.searchParams.get('bed_band') === 'hospital_300_399');
    await page.getByTestId('dashboard-map').waitFor();
    await page.getByTestId('indicator-asked').locator('dd').filter({ hasNotText: '…' }).waitFor();
    assert.ok(requests.some((url) => url.pathname.endsWith('/item') && url.searchParams.get('bed_band') === 'hospital_300_399'), 'the map is asked for the bed band');
    assert.ok(requests.some((url) => url.pathname.endsWith('/rates') && url.searchParams.get('bed_band') === 'hospital_300_399'), 'the indicators are asked for the bed band');
    await page.getByTestId('map-legend').getByText(/^\d+% 以上 \d+% 以下$/).waitFor();
    await page.getByTestId('map-legend').getByText('秘匿（10 施設未満など）').waitFor();
    await page.getByTestId('suppression-note').getByText('10 施設未満の集団の値', { exact: false }).waitFor();
    await shoot(page, 'dashboard-bed-band');

    // The map view keeps the filter; its table and the .xlsx hold the same total.
    await page.getByTestId('statistics-tabs').getByRole('link', { name: '地図で見る' }).click();
    await page.waitForURL((url) => url.pathname === '/statistics/map' && url.searchParams.get('bed_band') === 'hospital_300_399');
    await page.getByTestId('prefecture-map').waitFor();
    assert.equal(await page.getByTestId('prefecture-map').locator('g[data-prefecture]').count(), 47);
    await page.getByTestId('map-table').locator('tr[data-group="total"]').waitFor();
    await shoot(page, 'map', { phone: true });

    const xlsxLink = page.getByTestId('export-map-xlsx');
    assert.match(await xlsxLink.getAttribute('href'), /^\/api\/v1\/statistics\/item\?.*bed_band=hospital_300_399.*format=xlsx/);
    const [download] = await Promise.all([page.waitForEvent('download'), xlsxLink.click()]);
    const file = join(downloads, 'map.xlsx');
    await download.saveAs(file);
    // Every line of the page's table (each prefecture and the total) is the file's line of the same name:
    // the number asked and the count of はい, or an empty cell where the page says 秘匿.
    const rows = xlsxRows(file);
    const header = rows.findIndex((cells) => cells[0] === '都道府県' && cells[1] === '対象数');
    assert.ok(header >= 0, `a header line in the file: ${JSON.stringify(rows.slice(0, 10))}`);
    assert.equal(rows[header][2], 'はい 件数');
    const fileLines = new Map(rows.slice(header + 1).map((cells) => [cells[0], cells]));
    const pageLines = await page.getByTestId('map-table').locator('tbody tr').evaluateAll((trs) =>
      trs.map((tr) => {
        const cells = [...tr.querySelectorAll('td')];
        const number = (td) => {
          const counted = td.querySelector('[data-count]');
          if (counted !== null) return counted.getAttribute('data-count');
          return td.querySelector('[data-suppressed]') !== null ? '' : null;
        };
        return { name: tr.querySelector('th').textContent, asked: number(cells[0]), yes: number(cells[1]) };
      }),
    );
    assert.equal(pageLines.length, 48, 'the 47 prefectures and the total');
    assert.match(fileLines.get('合計')?.[1] ?? '', /^\d+$/, 'the demo national sample gives a published total');
    for (const line of pageLines) {
      const cells = fileLines.get(line.name);
      assert.ok(cells, `${line.name} is a line of the file`);
      assert.deepEqual([cells[1], cells[2]], [line.asked, line.yes], `${line.name}: asked and はい on the page and in the file`);
    }
  });

  it('the item explorer and the comparison, with their CSV links', async () => {
    const { page } = session;
    await page.getByTestId('statistics-tabs').getByRole('link', { name: '項目別の集計' }).click();
    await page.getByTestId('item-table').waitFor();
    await page.getByLabel('内訳').selectOption('facility_kind');
    await page.waitForURL((url) => url.searchParams.get('by') === 'facility_kind');
    await page.getByTestId('item-table').getByRole('columnheader', { name: '施設の種類' }).waitFor();
    assert.match(await page.getByTestId('export-item-csv').getAttribute('href'), /by=facility_kind.*format=csv/);
    // The line's いいえ by target date, of the same groups.
    await page.getByTestId('targets-table').locator('tr[data-group="total"] [data-column="overdue"]').waitFor();
    await shoot(page, 'items');

    await page.getByTestId('statistics-tabs').getByRole('link', { name: '地域と病床規模の比較' }).click();
    await page.getByTestId('cross-table').waitFor();
    await page.getByLabel('回答').selectOption('no');
    await page.waitForURL((url) => url.searchParams.get('answer') === 'no');
    const csv = await page.request.get(new URL(await page.getByTestId('export-cross-csv').getAttribute('href'), session.baseUrl).href);
    assert.equal(csv.status(), 200);
    assert.match(csv.headers()['content-type'], /text\/csv/);
    await shoot(page, 'compare');
  });

  it('reads in English', async () => {
    const { page } = session;
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByTestId('statistics-page').getByRole('heading', { level: 1, name: 'Regions and bed bands' }).waitFor();
    await page.getByTestId('statistics-tabs').getByRole('link', { name: 'Map' }).click();
    await page.getByTestId('prefecture-map').waitFor();
    await page.getByTestId('map-legend').getByText(/^\d+% to \d+%$/).waitFor();
    await shoot(page, 'map-en');
    await page.getByRole('button', { name: '日本語' }).click();
  });

  it('a prefecture user sees only its prefecture; an institution is refused', async () => {
    const prefecture = await session.newBrowser();
    await loginInPage(prefecture.page, session.baseUrl, 'tokyo@demo.example', 'tokyo-demo-pass');
    await prefecture.open('/statistics');
    await prefecture.page.getByTestId('stat-own-prefecture').getByText('東京都').waitFor();
    assert.equal(await prefecture.page.getByLabel('都道府県').count(), 0, 'no choice of prefecture');
    assert.equal(await prefecture.page.getByTestId('dashboard-map').count(), 0);
    assert.equal(await prefecture.page.getByTestId('open-data').count(), 0, 'the open-data file is the ministry\'s');
    await prefecture.page.getByTestId('key-indicators').waitFor();
    await shoot(prefecture.page, 'prefecture');

    const clinic = await session.newBrowser();
    await loginInPage(clinic.page, session.baseUrl, 'sakura@demo.example', 'sakura-demo-pass');
    await clinic.open('/statistics');
    await clinic.page.getByTestId('statistics-not-allowed').waitFor();
    assert.deepEqual(prefecture.problems, []);
  });
});
