// The jurisdiction list's filters (issue 15 item 1) against `mamori serve --demo`: the health-centre
// inspector narrows its list by kind, bed band, status and answers; last year's pharmacy shows its いいえ
// past their target date; the prefecture picks one of its health centres; the address keeps the filters.
// Screenshots at 1280 px and 390 px (build/screenshots/jurisdiction-*.png).
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { loginInPage, screenshotDir, startSession } from './support.mjs';

// The Japanese fiscal year (April to March) of today in Japan.
const currentFiscalYear = () => {
  const japan = new Date(Date.now() + 9 * 3600 * 1000);
  return japan.getUTCMonth() < 3 ? japan.getUTCFullYear() - 1 : japan.getUTCFullYear();
};

async function shoot(page, name) {
  await page.screenshot({ path: join(screenshotDir, `jurisdiction-${name}-desktop.png`), fullPage: true });
  const viewport = page.viewportSize();
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: join(screenshotDir, `jurisdiction-${name}-390.png`), fullPage: true });
  await page.setViewportSize(viewport);
}

const rowNames = (page) => page.getByTestId('jurisdiction-table').locator('tbody tr td:first-child').allInnerTexts();
const names = async (page) => (await rowNames(page)).map((text) => text.replace(/^施設名\s*/, '').trim()).sort();

describe('jurisdiction list filters', () => {
  let session;

  before(async () => {
    session = await startSession({ personas: true });
  });

  after(async () => {
    assert.deepEqual(session?.problems ?? [], []);
    await session?.close();
  });

  it('health centre: narrows by kind and bed band, by status and by answers, and keeps them in the address', async () => {
    const { page, baseUrl } = session;
    await loginInPage(page, baseUrl, 'hokenjo@demo.example', 'hokenjo-demo-pass');
    await page.waitForURL((url) => url.pathname === '/inspections');
    await page.getByTestId('jurisdiction-total').getByText('4 件中 1〜4 件目').waitFor();
    const filters = page.getByTestId('jurisdiction-filters');
    assert.equal(await filters.getByLabel('市区町村').count(), 0, 'one municipality: nothing to choose');

    await filters.getByLabel('種類').selectOption({ label: '病院' });
    await page.getByTestId('jurisdiction-total').getByText('1 件中 1〜1 件目').waitFor();
    assert.deepEqual(await names(page), ['デモ総合病院']);
    await page.getByTestId('jurisdiction-table').getByText('318床').waitFor();
    await filters.getByLabel('病床規模').selectOption({ label: '病院 500床以上' });
    await page.getByTestId('jurisdiction-total').getByText('該当する医療機関はありません。').waitFor();
    assert.match(page.url(), /kind=hospital/);
    assert.match(page.url(), /bed_band=hospital_500_plus/);

    await filters.getByRole('button', { name: '条件をすべて外す' }).click();
    await filters.getByLabel('チェックリストの状況').selectOption({ label: '未着手' });
    await page.getByTestId('jurisdiction-total').getByText('3 件中 1〜3 件目').waitFor();
    assert.deepEqual(await names(page), ['あおば薬局', 'さくら内科クリニック', 'ひまわり歯科医院']);
    await shoot(page, 'not-started');

    // Last year: the pharmacy's submitted checklist has いいえ whose target (the year's last day) passed.
    await filters.getByRole('button', { name: '条件をすべて外す' }).click();
    await page.getByLabel('年度').selectOption(String(currentFiscalYear() - 1));
    await filters.getByLabel('目標日を過ぎた「いいえ」がある').check();
    await page.getByTestId('jurisdiction-total').getByText('1 件中 1〜1 件目').waitFor();
    assert.deepEqual(await names(page), ['あおば薬局']);
    await page.getByTestId('overdue-count').getByText(/うち目標日超過 \d+ 件/).waitFor();
    await shoot(page, 'overdue');

    // The address holds the filters: reloading shows the same list and the same choices.
    await page.reload();
    await page.getByTestId('jurisdiction-total').getByText('1 件中 1〜1 件目').waitFor();
    assert.equal(await filters.getByLabel('目標日を過ぎた「いいえ」がある').isChecked(), true);
  });

  it('prefecture: picks one of its health centres', async () => {
    const browser = await session.newBrowser();
    const { page } = browser;
    await loginInPage(page, session.baseUrl, 'tokyo@demo.example', 'tokyo-demo-pass');
    await page.goto(new URL('/inspections', session.baseUrl).href);
    const filters = page.getByTestId('jurisdiction-filters');
    await filters.getByLabel('保健所').selectOption({ label: 'デモ区保健所' });
    await page.getByTestId('jurisdiction-total').getByText('4 件中 1〜4 件目').waitFor();
    assert.match(page.url(), /health_centre=\d+/);
    await shoot(page, 'prefecture');
    assert.deepEqual(browser.problems, []);
    await browser.context.close();
  });
});
