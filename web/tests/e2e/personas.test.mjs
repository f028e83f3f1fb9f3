// The first hour of every demo persona (issue 13): against `mamori serve --demo` (binary from MAMORI_BIN,
// fresh SQLite or PostgreSQL), each persona signs in from the login page's デモ用アカウント panel, without a
// two-factor step, lands where their work is, and does their first task:
//   clinic director (さくら内科クリニック)   dashboard → starts this year's checklist, answers the first item
//   hospital security manager (デモ総合病院) dashboard with the draft → opens it, changes an answer
//   pharmacy (あおば薬局)                    dashboard → opens last year's submitted checklist, starts this year's
//   health-centre inspector (デモ区保健所)   the jurisdiction's list → opens デモ総合病院's checklist read-only
//   prefecture administrator (東京都)        the users page of 東京都
//   ministry analyst (厚生労働省)            the statistics dashboard
//   vendor (デモ医療システム株式会社)        the plain placeholder of the vendor's requests
// Sign-in and landing at 1280 px and at 390 px (a phone), the tasks at 1280 px; screenshots of each page at
// both widths (build/screenshots/personas-*.png).
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { screenshotDir, startSession } from './support.mjs';

const sleep = (ms) => new Promise((done) => setTimeout(done, ms));

const personas = {
  clinic: { login: 'sakura@demo.example', landing: '/', name: '山田 花子（院長）' },
  hospital: { login: 'hospital@demo.example', landing: '/', name: '佐藤 健（安全管理責任者）' },
  pharmacy: { login: 'aoba@demo.example', landing: '/', name: '鈴木 薫（薬局開設者）' },
  inspector: { login: 'hokenjo@demo.example', landing: '/inspections', name: '高橋 誠（保健所 立入検査担当）' },
  prefecture: { login: 'tokyo@demo.example', landing: '/admin/users', name: '伊藤 咲（東京都 管理者）' },
  analyst: { login: 'mhlw@demo.example', landing: '/statistics', name: '渡辺 直人（厚生労働省 分析担当）' },
  vendor: { login: 'vendor@demo.example', landing: '/vendor', name: '中村 亮（デモ医療システム）' },
};

async function shoot(page, name) {
  await page.screenshot({ path: join(screenshotDir, `personas-${name}-desktop.png`), fullPage: true });
  const viewport = page.viewportSize();
  await page.setViewportSize({ width: 390, height: 844 });
  await sleep(150);
  await page.screenshot({ path: join(screenshotDir, `personas-${name}-390.png`), fullPage: true });
  await page.setViewportSize(viewport);
  await sleep(50);
}

// signIn: from the login page's demo panel (the button fills the form), then ログインする; no code step.
async function signIn(browser, persona) {
  const { page, open } = browser;
  await open('/login');
  const panel = page.getByTestId('demo-personas');
  await panel.getByRole('heading', { name: 'デモ用アカウント' }).waitFor();
  await panel.getByRole('button', { name: `この利用者で入力（${persona.name}）` }).click();
  assert.equal(await page.getByLabel('ログイン名（メールアドレス）').inputValue(), persona.login);
  await panel.getByText(`${persona.name} のログイン名とパスワードを入力しました。`, { exact: false }).waitFor();
  await page.getByRole('button', { name: 'ログインする' }).click();
  await page.waitForURL((url) => url.pathname === persona.landing);
  assert.equal(await page.getByTestId('code-form').count(), 0, 'no two-factor step for a persona');
}

describe('demo personas: the first hour', () => {
  let session;
  const browsers = {};

  before(async () => {
    session = await startSession({ personas: true });
  });

  after(async () => {
    for (const browser of Object.values(browsers)) assert.deepEqual(browser.problems, []);
    assert.deepEqual(session?.problems ?? [], []);
    await session?.close();
  });

  it('lists the personas on the login page, at 1280 px and 390 px', async () => {
    const { page, open } = session;
    await open('/login');
    const panel = page.getByTestId('demo-personas');
    await panel.waitFor();
    for (const persona of Object.values(personas)) {
      await panel.getByTestId(`demo-persona-${persona.login}`).getByText(persona.name).waitFor();
    }
    await panel.getByText('sakura-demo-pass').waitFor();
    await panel.getByText('医療情報システム安全管理責任者').waitFor();
    await shoot(page, 'login');
  });

  it('signs every persona in at 390 px and lands on their work', async () => {
    for (const [key, persona] of Object.entries(personas)) {
      const phone = await session.newBrowser();
      await phone.page.setViewportSize({ width: 390, height: 844 });
      await signIn(phone, persona);
      const width = await phone.page.evaluate(() => document.documentElement.scrollWidth);
      assert.ok(width <= 390, `${key}: the landing page is ${width}px wide at 390 px`);
      assert.deepEqual(phone.problems, [], key);
      await phone.context.close();
    }
  });

  it('clinic director: starts this year’s checklist and answers the first item', async () => {
    const browser = (browsers.clinic = await session.newBrowser());
    const { page } = browser;
    await signIn(browser, personas.clinic);
    await page.getByTestId('dashboard').getByText('さくら内科クリニック').waitFor();
    await page.getByTestId('dashboard-empty').waitFor();
    await shoot(page, 'clinic-dashboard');
    await page.getByRole('link', { name: '自己点検を始める' }).click();
    await page.getByTestId('start-assessment').click();
    await page.waitForURL(/\/assessments\/\d+\/wizard\/1$/);
    const row = page.getByTestId('wizard-row').first();
    await row.getByRole('button', { name: 'はい', exact: true }).click();
    await row.getByTestId('save-status').getByText(/保存しました/).waitFor();
    await shoot(page, 'clinic-first-item');
  });

  it('hospital security manager: opens the draft and changes an answer', async () => {
    const browser = (browsers.hospital = await session.newBrowser());
    const { page, open } = browser;
    await signIn(browser, personas.hospital);
    await page.getByTestId('dashboard-current').waitFor();
    await shoot(page, 'hospital-dashboard');
    const href = await page.getByTestId('dashboard-continue').getAttribute('href');
    const id = Number(/\/assessments\/(\d+)\//.exec(href ?? '')?.[1]);
    assert.ok(id > 0, `no draft to continue: ${href}`);
    await open(`/assessments/${id}/wizard/1`);
    const row = page.getByTestId('wizard-row').first();
    await row.getByTestId('save-status').waitFor({ state: 'attached' });
    await row.getByRole('button', { name: 'いいえ', exact: true }).click();
    const target = row.getByLabel('目標日');
    const latest = await target.getAttribute('max');
    await target.fill(latest ?? '');
    await row.getByTestId('save-status').getByText(/保存しました/).waitFor();
    await shoot(page, 'hospital-changed');
  });

  it('pharmacy: opens last year’s submitted checklist and starts this year’s', async () => {
    const browser = (browsers.pharmacy = await session.newBrowser());
    const { page } = browser;
    await signIn(browser, personas.pharmacy);
    await page.getByTestId('dashboard').getByText('あおば薬局').waitFor();
    await shoot(page, 'pharmacy-dashboard');
    await page.getByRole('link', { name: '自己点検を始める' }).click();
    await page.getByTestId('start-panel').waitFor();
    await shoot(page, 'pharmacy-list');
    const lastYear = page.getByRole('link', { name: /令和\d+年度/ }).first();
    await lastYear.click();
    await page.waitForURL(/\/assessments\/\d+$/);
    await page.getByTestId('assessment-status').first().getByText('提出済み', { exact: false }).waitFor();
    await shoot(page, 'pharmacy-last-year');
    await page.goBack();
    await page.getByTestId('start-assessment').click();
    await page.waitForURL(/\/assessments\/\d+\/wizard\/\d+$/);
    await page.getByTestId('wizard-row').first().waitFor();
    await shoot(page, 'pharmacy-this-year');
  });

  it('health-centre inspector: the jurisdiction’s list, then one checklist', async () => {
    const browser = (browsers.inspector = await session.newBrowser());
    const { page } = browser;
    await signIn(browser, personas.inspector);
    const table = page.getByTestId('jurisdiction-table');
    await table.waitFor();
    for (const name of ['デモ総合病院', 'さくら内科クリニック', 'ひまわり歯科医院', 'あおば薬局']) await table.getByText(name).first().waitFor();
    assert.equal(await table.getByText('なにわ診療所').count(), 0, 'another prefecture’s clinic is not listed');
    await page.getByTestId('jurisdiction-total').getByText('4 件中 1〜4 件目').waitFor();
    // デモ総合病院's draft (the clinic and the pharmacy started theirs in the tests above).
    await table.getByRole('row').filter({ hasText: 'デモ総合病院' }).getByText('下書き').waitFor();
    await shoot(page, 'inspector-list');
    // Search and sort are answered by the server; the query stays in the address.
    await page.getByLabel('施設名または医療機関コードで検索').fill('あおば');
    await page.getByRole('button', { name: '検索', exact: true }).click();
    await page.waitForURL((url) => url.searchParams.get('q') === 'あおば');
    await page.getByTestId('jurisdiction-total').getByText('1 件中 1〜1 件目').waitFor();
    await page.getByLabel('年度').selectOption({ index: 1 });
    await page.getByTestId('jurisdiction-table').getByText('提出済').waitFor();
    await shoot(page, 'inspector-last-year');
    await page.goto(new URL('/inspections', session.baseUrl).href);
    await page.getByTestId('jurisdiction-table').getByRole('link', { name: 'デモ総合病院' }).click();
    await page.waitForURL(/\/assessments\/\d+$/);
    await page.getByText('デモ総合病院').first().waitFor();
    assert.equal(await page.getByTestId('submit').count(), 0, 'the inspector reads, does not submit');
    await shoot(page, 'inspector-checklist');
    // The list in English.
    await page.getByRole('button', { name: 'English' }).click();
    await page.goto(new URL('/inspections', session.baseUrl).href);
    await page.getByRole('heading', { level: 1, name: "Checklists of the jurisdiction's institutions" }).waitFor();
    await page.getByTestId('jurisdiction-table').getByRole('row').filter({ hasText: 'デモ総合病院' }).getByText('Draft').waitFor();
    await page.getByTestId('jurisdiction-total').getByText('1–4 of 4').waitFor();
    await shoot(page, 'inspector-list-en');
    await page.getByRole('button', { name: '日本語' }).click();
  });

  it('prefecture administrator: the users page of 東京都', async () => {
    const browser = (browsers.prefecture = await session.newBrowser());
    const { page } = browser;
    await signIn(browser, personas.prefecture);
    await page.getByText('伊藤 咲（東京都 管理者）').first().waitFor();
    await shoot(page, 'prefecture-users');
  });

  it('ministry analyst: the statistics dashboard; vendor: its dashboard', async () => {
    const analyst = (browsers.analyst = await session.newBrowser());
    await signIn(analyst, personas.analyst);
    const statistics = analyst.page.getByTestId('statistics-page');
    await statistics.getByRole('heading', { level: 1, name: '統計ダッシュボード' }).waitFor();
    await statistics.getByTestId('key-indicators').waitFor();
    await shoot(analyst.page, 'analyst');

    const vendor = (browsers.vendor = await session.newBrowser());
    await signIn(vendor, personas.vendor);
    const dashboard = vendor.page.getByTestId('vendor-dashboard');
    await dashboard.getByRole('heading', { level: 1, name: '事業者ダッシュボード' }).waitFor();
    await dashboard.getByTestId('dashboard-counts').waitFor();
    // A vendor's navigation is its own: the dashboard first (its home), no institution sections.
    const nav = vendor.page.getByRole('navigation', { name: 'メインメニュー' });
    assert.equal(await nav.getByRole('link', { name: '自己点検' }).count(), 0);
    await nav.getByRole('link', { name: 'チェックリスト' }).click();
    await vendor.page.waitForURL((url) => url.pathname === '/catalog');
    await nav.getByRole('link', { name: '事業者ダッシュボード' }).click();
    await vendor.page.waitForURL((url) => url.pathname === '/vendor');
    await shoot(vendor.page, 'vendor');
  });
});
