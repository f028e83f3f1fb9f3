// Drives Debian's Chromium against `mamori serve` (binary from MAMORI_BIN) and checks the public
// checklist catalog pages: the editions list, a form with its items in printed order and the
// unconfirmed markers, an item's explanation and guideline references, an item's history, the R6 → R7
// comparison (five new items, the merged security-patch item) in Japanese and English, the error
// state, the print stylesheet, narrow screens, and that nothing was blocked by the CSP.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startSession } from './support.mjs';

// docs/catalog-format.md §10: R7 medical, in printed order.
const r7Medical = [
  ['1-①', 'GOV-01'],
  ['2-①', 'AST-01'],
  ['2-②', 'VND-01'],
  ['2-③', 'VND-02'],
  ['2-④', 'IAM-01'],
  ['2-⑤', 'IAM-02'],
  ['2-⑥', 'VUL-01'],
  ['2-⑦', 'IAM-03'],
  ['2-⑧', 'IAM-04'],
  ['2-⑨', 'DEV-01'],
  ['2-⑩', 'IAM-05'],
  ['2-⑪', 'LOG-01'],
  ['2-⑫', 'HRD-01'],
  ['2-⑬', 'NET-01'],
  ['3-①', 'IR-01'],
  ['3-②', 'IR-02'],
  ['3-③', 'IR-03'],
  ['3-④', 'GOV-02'],
];
const newInR7 = ['IAM-03', 'IAM-04', 'DEV-01', 'IAM-05', 'GOV-02'];
const missingEdition = '/api/v1/catalog/editions/r99/';

describe('checklist catalog', () => {
  let session;
  let page;
  let problems;

  const open = (path) => session.open(path);
  const screenshot = (name) => session.screenshot(name);
  const attributes = (locator, name) => locator.evaluateAll((nodes, attr) => nodes.map((node) => node.getAttribute(attr)), name);
  // Preact re-renders asynchronously after an event, so counts after an interaction are polled.
  const expectCount = async (locator, expected, what) => {
    const deadline = Date.now() + 5_000;
    let count = await locator.count();
    while (count !== expected && Date.now() < deadline) {
      await new Promise((done) => setTimeout(done, 50));
      count = await locator.count();
    }
    assert.equal(count, expected, what);
  };
  const horizontalOverflow = () => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);

  before(async () => {
    // The error-state test asks for an edition that does not exist; Chromium logs that 404 as a
    // console error, which is expected there and nowhere else.
    session = await startSession({
      expectedError: (message) => message.location().url.includes(missingEdition) && /404/.test(message.text()),
    });
    ({ page, problems } = session);
  });

  after(async () => {
    await session?.close();
  });

  it('lists the editions, newest first, with their forms and item counts', async () => {
    const response = await open('/catalog');
    assert.ok(response?.ok(), `GET /catalog answered ${response?.status()}`);
    assert.match(response.headers()['content-security-policy'] ?? '', /script-src 'self'/);
    await page.getByRole('heading', { level: 1, name: 'サイバーセキュリティ対策チェックリスト' }).waitFor();
    const editions = page.getByTestId('edition');
    await editions.first().waitFor();
    assert.deepEqual(await attributes(editions, 'data-edition'), ['r7', 'r6', 'r5']);
    const r7 = page.locator('[data-edition="r7"]');
    await r7.getByRole('heading', { name: /令和7年度版/ }).waitFor();
    await r7.getByText('2025年5月16日').waitFor();
    await r7.getByRole('link', { name: /医療機関確認用\s*18 項目/ }).waitFor();
    // 令和8年度版 is known to be published but not loaded: 令和7年度版 is the newest loaded, not simply 最新.
    assert.equal((await r7.getByTestId('newest-badge').textContent())?.trim(), '登録済みの最新版');
    await r7.getByTestId('newer-known').getByText('令和8年度版（2026年6月公表）が公表されていますが、まだ登録されていません。', { exact: false }).waitFor();
    assert.equal(await page.locator('[data-edition="r6"] [data-testid="newer-known"]').count(), 0);
    await page.getByRole('heading', { level: 3, name: 'どの様式をだれが記入するか' }).waitFor();
    const navLink = page.getByRole('navigation', { name: 'メインメニュー' }).getByRole('link', { name: 'チェックリスト' });
    assert.equal(await navLink.getAttribute('aria-current'), 'page');
    await screenshot('catalog-ja-desktop');
  });

  it('shows the R7 medical form: 18 items in printed order, unconfirmed items marked', async () => {
    await page.locator('[data-edition="r7"]').getByRole('link', { name: /医療機関確認用/ }).click();
    await page.getByRole('heading', { level: 1, name: /令和7年度版\s*医療機関確認用/ }).waitFor();
    assert.equal(new URL(page.url()).pathname, '/catalog/r7/medical');
    const items = page.getByTestId('catalog-item');
    await items.first().waitFor();
    assert.equal(await items.count(), 18);
    assert.deepEqual(await attributes(items, 'data-number'), r7Medical.map(([number]) => number));
    assert.deepEqual(await attributes(items, 'data-canonical-id'), r7Medical.map(([, id]) => id));
    assert.equal((await items.first().getByTestId('item-number').textContent())?.trim(), '1-①');
    await page.getByRole('heading', { level: 3, name: /^1-①\s*医療情報システム安全管理責任者を設置している。/ }).waitFor();

    const unconfirmed = page.getByTestId('unconfirmed');
    assert.ok((await unconfirmed.count()) >= 1, 'no item is marked 未確認');
    assert.equal((await unconfirmed.first().textContent())?.includes('未確認'), true);
    assert.match((await unconfirmed.first().getAttribute('title')) ?? '', /推定/);
    // 2-⑩ (two-factor authentication) is inferred, and has its own target year 令和9年度.
    const twoFactor = page.locator('#item-IAM-05');
    await twoFactor.getByTestId('unconfirmed').waitFor();
    await twoFactor.getByText('目標: 令和9年度').waitFor();
    await page.locator('#item-GOV-01').getByText('目標: 令和7年度中').waitFor();
    // The catalog's internal notes (English, with source tags) never reach the page; sources stay as links.
    for (const details of await page.getByTestId('item-details').all()) await details.evaluate((element) => element.setAttribute('open', ''));
    const text = await page.locator('main').innerText();
    for (const internal of ['[V]', '[S]', '[I]', 'hckn', 'TOC 19102']) assert.ok(!text.includes(internal), `the page shows the internal note text ${internal}`);
    await page.locator('#item-GOV-01').getByRole('link', { name: /^https:\/\// }).first().waitFor();
    for (const details of await page.getByTestId('item-details').all()) await details.evaluate((element) => element.removeAttribute('open'));
    await page.locator('#item-VUL-01 [data-row="general"]').getByText('医療情報システム全般').waitFor();

    const current = page.getByTestId('switchers').getByRole('link', { name: '令和7年度版' });
    assert.equal(await current.getAttribute('aria-current'), 'page');
    await screenshot('catalog-r7-medical-ja-desktop');
  });

  it('opens an item to show the explanation, guideline references and source', async () => {
    const item = page.locator('#item-GOV-01');
    const details = item.getByTestId('item-details');
    assert.equal(await details.evaluate((node) => node.open), false);
    await details.locator('summary').click();
    assert.equal(await details.evaluate((node) => node.open), true);
    await details.getByText('意味', { exact: true }).waitFor();
    await details.getByText('やり方', { exact: true }).waitFor();
    await details.getByText('証拠として残すもの', { exact: true }).waitFor();
    await details.getByText(/責任者を1人決めておくことです/).waitFor();
    const refs = details.getByTestId('guideline-refs');
    await refs.locator('[data-guideline="M-1"]').getByText('経営管理編 1').waitFor();
    await details.getByRole('link', { name: 'https://wic-net.com/material/document/19102/5' }).waitFor();
    await screenshot('catalog-r7-medical-item-open-ja-desktop');
  });

  it('shows the English translation on demand in Japanese, and switches edition and form', async () => {
    assert.equal(await page.getByTestId('english-translation').count(), 0);
    const toggle = page.getByRole('button', { name: /英語訳も表示/ });
    await toggle.click();
    await page.getByRole('button', { name: /英語訳も表示/, pressed: true }).waitFor();
    await page.locator('#item-GOV-01').getByText('A medical information system security manager has been appointed.').waitFor();

    await page.getByTestId('switchers').getByRole('link', { name: '令和6年度版' }).click();
    await page.getByRole('heading', { level: 1, name: /令和6年度版\s*医療機関確認用/ }).waitFor();
    assert.equal(new URL(page.url()).pathname, '/catalog/r6/medical');
    await page.getByTestId('gate').getByText('医療情報システムを導入、運用している。').waitFor();
    await page.locator('#item-VUL-01 [data-row="network"]').getByText('目標: 令和6年度中').waitFor();
    await page.locator('#item-VND-01').getByText(/記入不要/).first().waitFor();

    await page.getByTestId('switchers').getByRole('link', { name: '事業者確認用' }).click();
    await page.getByRole('heading', { level: 1, name: /令和6年度版\s*事業者確認用/ }).waitFor();
    await expectCount(page.getByTestId('catalog-item'), 12, 'items on the R6 vendor form');
  });

  it('prints without navigation and with whole items', async () => {
    await open('/catalog/r7/medical');
    await page.getByTestId('catalog-item').first().waitFor();
    await page.emulateMedia({ media: 'print' });
    assert.equal(await page.getByRole('navigation', { name: 'メインメニュー' }).isVisible(), false);
    assert.equal(await page.getByTestId('switchers').isVisible(), false);
    const breakInside = await page.getByTestId('catalog-item').first().evaluate((node) => getComputedStyle(node).breakInside);
    assert.equal(breakInside, 'avoid');
    await screenshot('catalog-r7-medical-ja-print');
    await page.emulateMedia({ media: 'screen' });
  });

  it("shows an item's history across editions", async () => {
    await open('/catalog/items/VUL-01');
    await page.getByRole('heading', { level: 1, name: /VUL-01/ }).waitFor();
    const medical = page.locator('[data-testid="history-form"][data-form="medical"]');
    await medical.getByTestId('history-row').first().waitFor();
    assert.deepEqual(await attributes(medical.getByTestId('history-row'), 'data-edition'), ['r7', 'r6', 'r5']);
    await medical.locator('[data-edition="r7"]').getByText('2-⑥').waitFor();
    await medical.locator('[data-edition="r6"]').getByText('2-(7)').waitFor();
    await medical.locator('[data-edition="r5"]').getByText('目標: 令和5年度中').waitFor();
    await screenshot('catalog-item-history-ja-desktop');
  });

  it('compares R6 with R7 (medical): five new items and the merged security-patch item', async () => {
    await open('/catalog/compare?from=r6&to=r7&form=medical');
    await page.getByRole('heading', { level: 1, name: '年度版の比較' }).waitFor();
    const rows = page.getByTestId('compare-row');
    await rows.first().waitFor();
    assert.equal(await rows.count(), 18);

    const added = page.locator('[data-testid="compare-row"][data-status="added"]');
    assert.equal(await added.count(), 5);
    assert.deepEqual(await attributes(added, 'data-canonical-id'), newInR7);
    for (let i = 0; i < 5; i++) {
      assert.equal((await added.nth(i).getByTestId('status-badge').textContent())?.trim(), '+新規');
    }

    const vul = page.locator('[data-testid="compare-row"][data-canonical-id="VUL-01"]');
    assert.equal(await vul.getAttribute('data-status'), 'changed');
    assert.equal((await vul.getByTestId('kind-badge').textContent())?.trim(), '統合');
    // Left: the R6 item with its three device-class rows; right: the single R7 question.
    await vul.locator('td').nth(0).getByText('2-(7)').waitFor();
    assert.equal(await vul.locator('td').nth(0).locator('[data-row]').count(), 3);
    await vul.locator('td').nth(1).getByText('2-⑥').waitFor();
    await vul.locator('td').nth(1).locator('[data-row="general"]').getByText('医療情報システム全般').waitFor();

    const summary = page.getByTestId('compare-summary');
    assert.equal((await summary.locator('[data-status="added"] [data-testid="summary-count"]').textContent())?.trim(), '5項目');
    assert.equal((await summary.locator('[data-status="changed"] [data-testid="summary-count"]').textContent())?.trim(), '2項目');
    assert.equal((await summary.locator('[data-status="unchanged"] [data-testid="summary-count"]').textContent())?.trim(), '11項目');
    // GOV-01 only moved to the new numbering and target year: its row says the content is the same, not 変更なし
    // above a list of changes.
    const gov = page.locator('[data-testid="compare-row"][data-canonical-id="GOV-01"]');
    assert.equal(await gov.getAttribute('data-status'), 'unchanged');
    assert.equal((await gov.getByTestId('status-badge').textContent())?.trim(), '=内容の変更なし');
    assert.equal((await gov.getByTestId('changes').textContent())?.trim(), '内容は同じです。変わったのは番号・目標年度だけです。');
    assert.ok(!(await gov.innerText()).includes('変わった点'));
    await screenshot('catalog-compare-r6-r7-medical-ja-desktop');

    await page.getByTestId('hide-unchanged').check();
    await expectCount(rows, 7, 'rows shown with unchanged items hidden');
    await page.getByText('変更なしの 11 項目を隠しています。').waitFor();
    await page.getByTestId('hide-unchanged').uncheck();
    await expectCount(rows, 18, 'rows shown with unchanged items shown again');
  });

  it('changes the comparison with the selectors', async () => {
    await page.getByLabel('様式').selectOption('vendor');
    await page.getByRole('button', { name: '表示する' }).click();
    await page.waitForURL((url) => url.search.includes('form=vendor'));
    // The vendor form has no 3-④ GOV-02, so one new item fewer.
    await page.locator('[data-testid="compare-row"][data-canonical-id="GOV-02"]').waitFor({ state: 'detached' });
    await expectCount(page.locator('[data-testid="compare-row"][data-status="added"]'), 4, 'new items on the vendor form');

    await page.getByLabel('前の版').selectOption('r7');
    await page.getByLabel('後の版').selectOption('r6');
    await page.getByRole('button', { name: '表示する' }).click();
    await page.getByTestId('compare-invalid').waitFor();
  });

  it('works in English on the comparison page', async () => {
    await open('/catalog/compare?from=r6&to=r7&form=medical');
    await page.getByTestId('compare-row').first().waitFor();
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { level: 1, name: 'Compare editions' }).waitFor();
    assert.equal(await page.locator('html').getAttribute('lang'), 'en');
    const added = page.locator('[data-testid="compare-row"][data-status="added"]');
    assert.equal(await added.count(), 5);
    assert.equal((await added.first().getByTestId('status-badge').textContent())?.trim(), '+New');
    const vul = page.locator('[data-testid="compare-row"][data-canonical-id="VUL-01"]');
    assert.equal((await vul.getByTestId('kind-badge').textContent())?.trim(), 'Merged');
    await vul.getByText('Security patches (latest firmware and updates) are applied.').first().waitFor();
    await page.getByRole('columnheader', { name: 'FY2024 edition' }).waitFor();
    await screenshot('catalog-compare-r6-r7-medical-en-desktop');

    await open('/catalog/r7/medical');
    await page.getByRole('heading', { level: 1, name: /FY2025 edition\s*For medical institutions/ }).waitFor();
    await page.locator('#item-IAM-05').getByText('Unconfirmed').first().waitFor();
    await page.locator('#item-GOV-01').getByText('Target: within FY2025').waitFor();
    await screenshot('catalog-r7-medical-en-desktop');
    await page.getByRole('button', { name: '日本語' }).click();
    await page.getByRole('heading', { level: 1, name: /令和7年度版/ }).waitFor();
  });

  it('explains a missing page in Japanese, without the server\'s English detail', async () => {
    await open('/catalog/r99/medical');
    const error = page.getByTestId('catalog-error');
    await error.waitFor();
    await error.getByText('お探しの情報は見つかりませんでした。', { exact: false }).waitFor();
    assert.equal(await error.getByTestId('problem-detail').count(), 0, 'the English detail reached the Japanese UI');
    await screenshot('catalog-error-ja-desktop');
  });

  it('fits a tablet and a phone', async () => {
    const pages = [
      ['/catalog', 'catalog'],
      ['/catalog/r7/medical', 'catalog-r7-medical'],
      ['/catalog/compare?from=r6&to=r7&form=medical', 'catalog-compare-r6-r7-medical'],
      ['/catalog/items/VUL-01', 'catalog-item-history'],
    ];
    for (const [width, height, label] of [
      [768, 1024, 'tablet'],
      [375, 812, 'phone'],
    ]) {
      await page.setViewportSize({ width, height });
      for (const [path, name] of pages) {
        await open(path);
        await page.getByRole('heading', { level: 1 }).waitFor();
        await page.locator('[data-testid="edition"], [data-testid="catalog-item"], [data-testid="compare-row"], [data-testid="history-row"]').first().waitFor();
        const overflow = await horizontalOverflow();
        assert.ok(overflow <= 0, `${path} is ${overflow}px wider than a ${width}px screen`);
        await screenshot(`${name}-ja-${label}`);
      }
    }
    await page.setViewportSize({ width: 1280, height: 800 });
  });

  it('moves keyboard focus visibly through the comparison controls', async () => {
    await open('/catalog/compare?from=r6&to=r7&form=medical');
    await page.getByTestId('compare-row').first().waitFor();
    await page.getByLabel('前の版').focus();
    const outline = await page.getByLabel('前の版').evaluate((node) => getComputedStyle(node).outlineStyle);
    assert.equal(outline, 'solid');
  });

  it('logged no console errors and no CSP violations', () => {
    assert.deepEqual(problems, []);
  });
});
