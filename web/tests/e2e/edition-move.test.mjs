// Moving a checklist onto the edition published for its year (ADR 0017) and Guideline 第7.0版 per
// institution, in the browser against `mamori serve --demo`. The FICTIONAL "R8-like" bundle
// tests/fixtures/catalog/r8-merged-bundle.json is imported with `mamori catalog import` while the server runs
// (as the ministry's operator would on the day the edition appears):
//   hospital security manager  dashboard: 令和8年度版が公開されました… → the checklist page → 新しい版に移す;
//                              the answers are carried and 要再確認, the move is in the history
//   hospital security manager  the guideline page: あなたの施設に当てはまる編, answers はい → 概説編 + 保守委託機関編
//   clinic director            管理 › 組織の情報: the same question, answered いいえ → four volumes
//   pharmacy                   its dashboard (this year's checklist started on R7 before the import) →
//                              今の版のまま続ける; the choice in the history, also in English
// Screenshots: build/screenshots/edition-move-*.png.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { ApiClient, loginInPage, screenshotDir, startSession } from './support.mjs';

const fixture = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'tests', 'fixtures', 'catalog', 'r8-merged-bundle.json');
const sleep = (ms) => new Promise((done) => setTimeout(done, ms));

describe('a newer edition of this year: moving the checklist, and the guideline volumes that apply', () => {
  let session;
  let clinic;
  let pharmacy;

  before(async () => {
    session = await startSession({ personas: true });
    // The pharmacy starts this year's checklist from last year's while R7 is the newest edition.
    const api = new ApiClient(session.baseUrl);
    const me = await api.login('aoba@demo.example', 'aoba-demo-pass');
    const [year, month] = new Date(Date.now() + 9 * 3600_000).toISOString().slice(0, 7).split('-').map(Number);
    const fiscalYear = month >= 4 ? year : year - 1;
    await api.expectOk('POST', `/api/v1/organisations/${me.organisation_id}/assessments`, { fiscal_year: fiscalYear, carry_forward: true });
    execFileSync(process.env.MAMORI_BIN, ['catalog', 'import', fixture, '--database', session.databaseUrl], { stdio: 'pipe' });
    const deadline = Date.now() + 20_000;
    for (;;) {
      const answer = await fetch(new URL('/api/v1/catalog/editions/r8', session.baseUrl));
      if (answer.status === 200) break;
      assert.ok(Date.now() < deadline, 'the running server never served r8');
      await sleep(250);
    }
  });

  after(async () => {
    assert.deepEqual(session?.problems ?? [], []);
    if (clinic) assert.deepEqual(clinic.problems, []);
    if (pharmacy) assert.deepEqual(pharmacy.problems, []);
    await session?.close();
  });

  it('offers the hospital the new edition on its dashboard and on the checklist page, and moves it', async () => {
    const { page, baseUrl } = session;
    await loginInPage(page, baseUrl, 'hospital@demo.example', 'hospital-demo-pass');
    await page.waitForURL((url) => url.pathname === '/');
    const notice = page.getByTestId('edition-move');
    await notice.getByRole('heading', { name: '令和8年度版が公開されました。この年度のチェックリストを新しい版に移しますか？' }).waitFor();
    await notice.getByText('引き継いだ回答はすべて「要再確認」になる', { exact: false }).waitFor();
    assert.equal(await notice.getByRole('button', { name: '新しい版に移す' }).count(), 1);
    assert.equal(await notice.getByRole('button', { name: '今の版のまま続ける' }).count(), 1);
    await session.screenshot('edition-move-dashboard');

    await page.getByTestId('dashboard-current').getByRole('heading').getByRole('link').click();
    await page.waitForURL((url) => /^\/assessments\/\d+$/.test(url.pathname));
    const top = page.getByTestId('edition-move');
    await top.waitFor();
    assert.equal(await page.getByTestId('edition-notice').count(), 0, 'no "not loaded yet" notice once the year\'s edition is loaded');
    await session.screenshot('edition-move-checklist-offer');

    await top.getByRole('button', { name: '新しい版に移す' }).click();
    const done = page.getByTestId('edition-move-done');
    await done.getByText('令和8年度版に移しました。', { exact: false }).waitFor();
    assert.equal(await page.getByTestId('edition-move').count(), 0, 'the offer is gone once the checklist moved');
    await page.getByTestId('events').getByText('新しい版に移行').waitFor();
    await page.getByTestId('events').getByText('令和7年度版から令和8年度版へ', { exact: false }).waitFor();
    await session.screenshot('edition-move-checklist-moved');

    // The table shows the carried answers as 要再確認 and the item the new edition added as new.
    await page.getByTestId('where').getByRole('link', { name: '表で入力する' }).click();
    await page.waitForURL((url) => url.pathname.endsWith('/table'));
    await page.getByText('要再確認').first().waitFor();
    await session.screenshot('edition-move-table');

    // Back on the dashboard nothing is offered any more.
    await session.open('/');
    await page.getByTestId('dashboard-current').waitFor();
    assert.equal(await page.getByTestId('edition-move').count(), 0);
  });

  it('shows the hospital which volumes of Guideline 7.0 apply, by its maintenance contract', async () => {
    const { page } = session;
    await session.open('/catalog/guidelines');
    const panel = page.getByTestId('guideline-volumes');
    await panel.getByRole('heading', { name: 'あなたの施設に当てはまる編' }).waitFor();
    await panel.getByText('二次資料による').waitFor();
    await panel.getByText('契約書や約款、サービスレベル合意書等に記載されている', { exact: false }).waitFor();
    assert.deepEqual(await panel.getByTestId('guideline-volumes-list').locator('li').allTextContents(), ['概説編', '経営管理編', '企画管理編', 'システム運用編']);
    await panel.getByLabel('はい(書かれている)').check();
    await panel.getByRole('button', { name: '保存する' }).click();
    await panel.getByTestId('guideline-volumes-saved').waitFor();
    assert.deepEqual(await panel.getByTestId('guideline-volumes-list').locator('li').allTextContents(), ['概説編', '保守委託機関編']);
    await panel.getByText('ガイドライン全体に従っているとみなされます', { exact: false }).waitFor();
    await session.screenshot('edition-move-guideline-volumes-yes');
  });

  it('asks the clinic director the same question on the organisation page', async () => {
    clinic = await session.newBrowser();
    await loginInPage(clinic.page, session.baseUrl, 'sakura@demo.example', 'sakura-demo-pass');
    await clinic.open('/admin/organisation');
    const panel = clinic.page.getByTestId('guideline-volumes');
    await panel.getByRole('heading', { name: 'あなたの施設に当てはまる編' }).waitFor();
    await panel.getByLabel('いいえ').check();
    await panel.getByRole('button', { name: '保存する' }).click();
    await panel.getByTestId('guideline-volumes-saved').waitFor();
    assert.deepEqual(await panel.getByTestId('guideline-volumes-list').locator('li').allTextContents(), ['概説編', '経営管理編', '企画管理編', 'システム運用編']);
    await clinic.page.screenshot({ path: join(screenshotDir, 'edition-move-organisation.png'), fullPage: true });
  });

  it('lets the pharmacy keep its edition, and says so in its history, in Japanese and in English', async () => {
    pharmacy = await session.newBrowser();
    const { page } = pharmacy;
    await loginInPage(page, session.baseUrl, 'aoba@demo.example', 'aoba-demo-pass');
    const notice = page.getByTestId('edition-move');
    await notice.getByRole('heading', { name: '令和8年度版が公開されました。この年度のチェックリストを新しい版に移しますか？' }).waitFor();
    await notice.getByRole('button', { name: '今の版のまま続ける' }).click();
    await page.getByTestId('edition-move-done').getByText('令和8年度版には移さず、今の版のまま続けます。').waitFor();
    await page.screenshot({ path: join(screenshotDir, 'edition-move-declined.png'), fullPage: true });

    await page.getByTestId('dashboard-current').getByRole('heading').getByRole('link').click();
    await page.waitForURL((url) => /^\/assessments\/\d+$/.test(url.pathname));
    await page.getByTestId('events').getByText('新しい版に移さず継続').waitFor();
    await page.getByTestId('edition-notice').getByText('令和8年度版は公開されていますが、この点検は令和7年度版のまま続けています。').waitFor();
    assert.equal(await page.getByTestId('edition-move').count(), 0, 'a declined edition is not offered again');
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByTestId('events').getByText('Kept on the current edition').waitFor();
    await page.screenshot({ path: join(screenshotDir, 'edition-move-declined-en.png'), fullPage: true });
    await page.getByRole('button', { name: '日本語' }).click();
  });

  it('compares R7 with the merged form of R8 from either earlier form', async () => {
    const browser = await session.newBrowser();
    const { page, open } = browser;
    await open('/catalog/compare?from=r7&to=r8&form=institution');
    const form = page.getByTestId('compare-form');
    const earlier = form.getByLabel('前の版の様式');
    assert.equal(await earlier.inputValue(), 'medical', 'R7 has no merged form: its first institution form is proposed');
    await page.getByRole('heading', { name: /令和7年度版の医療機関確認用 → 令和8年度版（医療機関・薬局確認用）/ }).waitFor();
    await earlier.selectOption({ label: '薬局確認用' });
    await form.getByRole('button', { name: '表示する' }).click();
    await page.waitForURL((url) => url.searchParams.get('from_form') === 'pharmacy');
    await page.getByRole('heading', { name: /令和7年度版の薬局確認用 → 令和8年度版（医療機関・薬局確認用）/ }).waitFor();
    const added = page.locator('[data-testid="status-badge"][data-status="added"]');
    await added.first().waitFor();
    assert.match(await added.first().innerText(), /新規/, 'IAM-06 is new in the merged form');
    await page.screenshot({ path: join(screenshotDir, 'edition-move-compare-merged.png'), fullPage: true });
    assert.deepEqual(browser.problems, []);
    await browser.context.close();
  });
});
