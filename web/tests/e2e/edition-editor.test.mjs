// The edition editor (issue 14) against `mamori serve --demo` (binary from MAMORI_BIN): the ministry's
// administrator drafts 令和8年度版 (FY2026, this fiscal year) from 令和7年度版 with 医療機関確認用 and 薬局確認用
// merged into one form, rewords an item, adds one, is pointed at the new item's empty 意味 by the validation
// panel and fills it in, compares the draft with R7 and publishes it. Then the pharmacy and the clinic start
// their FY2026 checklists on it and look for the new item marked 新規. The ministry's analyst sees no way in
// and gets a plain refusal at /catalog/drafts. Last, the administrator starts a corrected revision of the new
// edition, splits, merges and removes items, meets another tab's save (409), exports and discards it.
// Screenshots of each step at 1280 px and 390 px
// (build/screenshots/edition-editor-*.png).
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { screenshotDir, startSession } from './support.mjs';

const sleep = (ms) => new Promise((done) => setTimeout(done, ms));

const logins = {
  ministryAdmin: 'mhlw-admin@demo.example',
  analyst: 'mhlw@demo.example',
  pharmacy: 'aoba@demo.example',
  clinic: 'sakura@demo.example',
};

const reworded = '（令和8年度 文言を変更）';
const newItemText = '【テスト】保守を委託する事業者との契約で、サーバの更新の責任分担を定めている。';

async function shoot(page, name) {
  await page.screenshot({ path: join(screenshotDir, `edition-editor-${name}-desktop.png`), fullPage: true });
  const viewport = page.viewportSize();
  await page.setViewportSize({ width: 390, height: 844 });
  await sleep(150);
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(width <= 390, `${name}: the page is ${width}px wide at 390 px`);
  await page.screenshot({ path: join(screenshotDir, `edition-editor-${name}-390.png`), fullPage: true });
  await page.setViewportSize(viewport);
  await sleep(50);
}

// signIn: from the login page's demo panel (its button fills the form), then ログインする.
async function signIn(browser, login) {
  const { page, open } = browser;
  await open('/login');
  const row = page.getByTestId(`demo-persona-${login}`);
  await row.getByRole('button').click();
  assert.equal(await page.getByLabel('ログイン名（メールアドレス）').inputValue(), login);
  await page.getByRole('button', { name: 'ログインする' }).click();
  await page.waitForURL((url) => url.pathname !== '/login');
}

/** Starts this fiscal year's checklist from the dashboard and returns its id. */
async function startThisYear(page) {
  await page.getByRole('link', { name: '自己点検を始める' }).click();
  await page.getByTestId('start-assessment').click();
  await page.waitForURL(/\/assessments\/\d+\/wizard(\/\d+)?$/);
  return Number(/\/assessments\/(\d+)\//.exec(page.url())?.[1]);
}

describe('edition editor: the ministry drafts and publishes 令和8年度版; institutions start on it', () => {
  let session;
  const browsers = {};
  let newItemId = null;
  let rewordedId = null;

  before(async () => {
    // The browser logs the 403 (a clinic's administrator), the 409 (stale save) and the 400s (a taken year, a file
    // that is no edition) that the tests provoke on purpose.
    session = await startSession({ personas: true, expectedError: (message) => /status of (409|400|403)/.test(message.text()) });
  });

  after(async () => {
    for (const browser of Object.values(browsers)) assert.deepEqual(browser.problems, []);
    assert.deepEqual(session?.problems ?? [], []);
    await session?.close();
  });

  it('the ministry’s analyst sees no way in and gets a plain refusal', async () => {
    const browser = (browsers.analyst = await session.newBrowser());
    const { page, open } = browser;
    await signIn(browser, logins.analyst);
    await open('/catalog');
    await page.getByRole('heading', { level: 1 }).first().waitFor();
    assert.equal(await page.getByRole('link', { name: 'チェックリストの版の編集' }).count(), 0);
    await open('/catalog/drafts');
    await page.getByTestId('not-editor').getByText('このページは使えません').waitFor();
    assert.equal(await page.getByTestId('new-draft-form').count(), 0);
    await shoot(page, 'refused');

    // An institution's administrator is an editor only on a single-institution installation: the server
    // says no here, and the page says it plainly.
    const clinic = await session.newBrowser();
    await signIn(clinic, logins.clinic);
    await clinic.open('/catalog/drafts');
    await clinic.page.getByTestId('not-editor').waitFor();
    assert.equal(await clinic.page.getByTestId('new-draft-form').count(), 0);
    await clinic.context.close();
  });

  it('the ministry’s administrator drafts 令和8年度版 from 令和7年度版 with one merged form', async () => {
    const browser = (browsers.admin = await session.newBrowser());
    const { page, open } = browser;
    await signIn(browser, logins.ministryAdmin);
    // Where they land (the administration pages) leads to the editor, and so does the catalog.
    await page.getByTestId('admin-edition-editor').waitFor();
    await shoot(page, 'admin-landing');
    await open('/catalog');
    await page.getByRole('link', { name: 'チェックリストの版の編集' }).click();
    await page.waitForURL((url) => url.pathname === '/catalog/drafts');
    await page.getByRole('heading', { level: 1, name: '版の編集' }).waitFor();
    await page.getByTestId('new-draft-form').waitFor();
    await shoot(page, 'list');

    // The demo may already hold an open 令和8年度 draft: continue it; otherwise start one.
    const open8 = page.getByTestId('draft-row').filter({ hasText: '令和8年度' }).filter({ has: page.locator('[data-testid="draft-status"]', { hasText: '編集中' }) });
    if ((await open8.count()) > 0) {
      await open8.first().getByRole('link').click();
    } else {
      const form = page.getByTestId('new-draft-form');
      await form.getByLabel('元にする版').selectOption({ label: '令和7年度版（第1刷）' });
      await form.getByLabel('新しい年度の版', { exact: false }).check();
      await form.getByLabel('新しい版の年度（西暦）').fill('2026');
      await form.getByText('令和8年度版として作ります。').waitFor();
      await form.getByTestId('merge-forms').check();
      await shoot(page, 'new-draft');
      await form.getByRole('button', { name: '下書きを作る' }).click();
    }
    await page.waitForURL(/\/catalog\/drafts\/\d+$/);
    await page.getByRole('heading', { level: 1, name: '令和8年度版の下書き' }).waitFor();
    const picker = page.getByLabel('様式', { exact: true });
    const options = await picker.locator('option').allTextContents();
    assert.ok(options.some((o) => o.startsWith('医療機関・薬局確認用')), `forms: ${options.join(' / ')}`);
    assert.ok(!options.some((o) => o.startsWith('薬局確認用')), 'the pharmacy form is merged away');
    await picker.selectOption({ label: options.find((o) => o.startsWith('医療機関・薬局確認用')) });
    const list = page.getByTestId('item-list');
    await list.getByTestId('kind-badge').first().waitFor();
    assert.ok((await list.locator('[data-kind="unchanged"]').count()) > 0, 'items copied from R7 are 変更なし');
    // Earlier items the draft no longer has are listed apart as 削除 (R7's pharmacy items all live on in the
    // merged form, so there may be none).
    for (const removed of await page.getByTestId('removed-item').all()) await removed.locator('[data-kind="removed"]').waitFor();
    await shoot(page, 'draft');
  });

  it('rewords an item: its badge becomes 文言変更', async () => {
    const { page } = browsers.admin;
    const first = page.getByTestId('draft-item').first();
    rewordedId = await first.getAttribute('data-canonical-id');
    await first.click();
    const editor = page.getByTestId('item-editor');
    const wording = editor.getByLabel('文言', { exact: true });
    await wording.fill(`${await wording.inputValue()}${reworded}`);
    await editor.getByText('まだ保存していない変更があります。').waitFor();
    await editor.getByTestId('save-item').click();
    await editor.getByText('保存しました。').waitFor();
    await page.locator(`[data-testid="draft-item"][data-canonical-id="${rewordedId}"] [data-kind="reworded"]`).first().waitFor();
    await shoot(page, 'reworded');
  });

  it('adds an item after it, is pointed at the field the new item lacks, and fills it in', async () => {
    const { page } = browsers.admin;
    const before = new Set(await page.getByTestId('draft-item').evaluateAll((items) => items.map((i) => i.dataset.canonicalId)));
    await page.getByRole('button', { name: '後ろに項目を追加' }).click();
    const form = page.getByTestId('add-item-form');
    await form.getByLabel('文言', { exact: true }).fill(newItemText);
    await form.getByLabel('英語の文言', { exact: true }).fill('[TEST] The maintenance contract says who is responsible for server updates.');
    await form.getByLabel('短い名前（任意）').fill('【テスト】サーバ更新の責任分担');
    await shoot(page, 'add-item');
    await form.getByRole('button', { name: '追加する' }).click();
    await page.getByTestId('draft-item').filter({ hasText: newItemText }).waitFor();
    const after = await page.getByTestId('draft-item').evaluateAll((items) => items.map((i) => i.dataset.canonicalId));
    newItemId = after.find((id) => !before.has(id)) ?? null;
    assert.ok(newItemId, 'a new canonical id');
    const added = page.locator(`[data-testid="draft-item"][data-canonical-id="${newItemId}"]`);
    await added.locator('[data-kind="new"]').first().waitFor();
    assert.equal(await added.getAttribute('aria-pressed'), 'true', 'the new item is the one being edited');

    // The new item has no explanation yet: the panel says so in Japanese, naming form, item and field.
    const panel = page.getByTestId('validation-panel');
    const meaning = panel.locator('[data-testid="validation-error"][data-path$="explanation_ja.meaning_ja"]').first();
    await meaning.waitFor();
    const sentence = await meaning.getByRole('button').textContent();
    assert.match(sentence ?? '', /^「医療機関・薬局確認用」の項目 .+ の「意味」を直してください。$/);
    await shoot(page, 'validation');
    // Away from the field, then back to it through the panel.
    await page.getByLabel('様式', { exact: true }).focus();
    await meaning.getByRole('button').click();
    await page.waitForFunction(() => document.activeElement?.id === 'draft-item-meaning_ja');
    const editor = page.getByTestId('item-editor');
    await page.keyboard.type('保守を委託する事業者と、サーバの更新を誰が行うかを契約で決めておくことです。');
    await editor.getByLabel('やり方', { exact: true }).fill('契約書の保守の範囲を読み、サーバの更新が事業者の責任かどうかを確かめます。');
    await editor.getByLabel('証拠', { exact: true }).fill('保守契約書の該当する条項。');
    await editor.getByLabel('意味（英語）').fill('Agree in the contract who updates the servers.');
    await editor.getByLabel('やり方（英語）').fill('Read the maintenance scope of the contract.');
    await editor.getByLabel('証拠（英語）').fill('The clause of the maintenance contract.');
    await editor.getByTestId('save-item').click();
    await editor.getByText('保存しました。').waitFor();
    await page.getByTestId('validation-ok').waitFor();
    await shoot(page, 'valid');
  });

  it('gives the edition its title', async () => {
    const { page } = browsers.admin;
    const fields = page.getByTestId('edition-fields');
    await fields.getByLabel('題名', { exact: true }).fill('医療機関・薬局におけるサイバーセキュリティ対策チェックリスト（令和8年度版）');
    await fields.getByRole('button', { name: '版の情報を保存する' }).click();
    await fields.getByText('保存しました。').waitFor();
    await page.getByTestId('validation-ok').waitFor();
  });

  it('compares the draft with 令和7年度版 in the catalog’s comparison view', async () => {
    const { page } = browsers.admin;
    await page.getByRole('link', { name: '前の版と比べる' }).click();
    await page.waitForURL(/\/catalog\/drafts\/\d+\/compare/);
    const table = page.getByTestId('compare-table');
    await table.waitFor();
    await table.locator(`[data-testid="compare-row"][data-canonical-id="${newItemId}"][data-status="added"]`).waitFor();
    await table.locator(`[data-testid="compare-row"][data-canonical-id="${rewordedId}"][data-kind="reworded"]`).waitFor();
    await shoot(page, 'compare');
    await page.getByRole('link', { name: '下書きに戻る' }).click();
    await page.getByRole('heading', { level: 1, name: '令和8年度版の下書き' }).waitFor();
  });

  it('publishes after a confirmation that says what publishing means', async () => {
    const { page } = browsers.admin;
    await page.getByTestId('publish-draft').click();
    const dialog = page.getByTestId('publish-dialog');
    await dialog.getByText('あとから変更できなくなります', { exact: false }).waitFor();
    await dialog.getByText('この版で始めるようになります', { exact: false }).waitFor();
    await shoot(page, 'publish-confirm');
    await dialog.getByRole('button', { name: '公開する' }).click();
    await page.getByTestId('published').getByText('令和8年度版（第1刷）を公開しました').waitFor();
    await shoot(page, 'published');
  });

  it('a corrected revision: split, merge and remove record their mapping; a stale save is caught; export; discard', async () => {
    const { page, open, context } = browsers.admin;
    await open('/catalog/drafts');
    const form = page.getByTestId('new-draft-form');
    await form.getByLabel('元にする版').selectOption({ label: '令和8年度版（第1刷）' });
    await form.getByLabel('令和8年度版の訂正版', { exact: false }).check();
    await form.getByRole('button', { name: '下書きを作る' }).click();
    await page.waitForURL(/\/catalog\/drafts\/\d+$/);
    const draftUrl = page.url();
    await page.getByTestId('validation-ok').waitFor();
    const item = (id) => page.locator(`[data-testid="draft-item"][data-canonical-id="${id}"]`);
    const actions = page.getByTestId('item-actions');

    await item('AST-01').click();
    await actions.getByRole('button', { name: '項目を分割' }).click();
    await actions.getByLabel('文言', { exact: true }).fill('【テスト】端末の台帳を作成し、管理している。');
    await actions.getByLabel('英語の文言', { exact: true }).fill('[TEST] Terminals are listed in an inventory.');
    await actions.getByRole('button', { name: '分割する' }).click();
    await item('AST-01').locator('[data-kind="split"]').waitFor();
    assert.equal(await page.locator('[data-testid="draft-item"] [data-kind="split"]').count(), 2, 'both halves are 分割');

    await item('IAM-03').click();
    await actions.getByRole('button', { name: 'ほかの項目と統合' }).click();
    await actions.getByLabel('統合する相手の項目').selectOption('IAM-04');
    await actions.getByRole('button', { name: '統合する' }).click();
    await item('IAM-03').locator('[data-kind="merged"]').waitFor();
    assert.equal(await item('IAM-04').count(), 0);

    await item('GOV-02').click();
    await actions.getByRole('button', { name: '項目を削除' }).click();
    await actions.getByRole('button', { name: '削除する' }).click();
    await page.getByTestId('removed-list').getByTestId('removed-item').filter({ hasText: '医療機関確認用 3-④' }).waitFor();
    await shoot(page, 'revision-operations');

    // Another tab saves the edition's title; this one still holds the older version.
    const other = await context.newPage();
    await other.goto(draftUrl);
    const otherTitle = other.getByLabel('題名', { exact: true });
    await otherTitle.fill(`${await otherTitle.inputValue()}（訂正）`);
    await other.getByRole('button', { name: '版の情報を保存する' }).click();
    await other.getByTestId('edition-fields').getByText('保存しました。').waitFor();
    await other.close();
    await item('AST-01').click();
    const editor = page.getByTestId('item-editor');
    await editor.getByLabel('証拠', { exact: true }).fill('機器の台帳。');
    await editor.getByTestId('save-item').click();
    await page.getByTestId('draft-conflict').getByText('ほかの人が先に保存しました').waitFor();
    await shoot(page, 'conflict');
    await page.getByRole('button', { name: '読み込み直す' }).click();
    await page.waitForFunction(() => document.getElementById('draft-edition-title_ja')?.value.endsWith('（訂正）'));

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-draft').click()]);
    assert.match(download.suggestedFilename(), /^r8-draft-\d+\.json$/);

    await page.getByRole('button', { name: '下書きを破棄する' }).click();
    await page.getByTestId('discard-dialog').getByRole('button', { name: '破棄する' }).click();
    await page.waitForURL((url) => url.pathname === '/catalog/drafts');
    await page.getByRole('heading', { name: '公開済み・破棄した下書き' }).waitFor();
    await page.getByTestId('draft-row').filter({ has: page.getByTestId('draft-status').getByText('破棄') }).waitFor();
    await shoot(page, 'list-after');

    // 令和8年度版 exists now: a second "new" edition for 2026 is refused in plain words.
    await form.getByLabel('元にする版').selectOption({ label: '令和7年度版（第1刷）' });
    await form.getByLabel('新しい年度の版', { exact: false }).check();
    await form.getByLabel('新しい版の年度（西暦）').fill('2026');
    await form.getByRole('button', { name: '下書きを作る' }).click();
    await form.getByTestId('year-taken').waitFor();

    // A file that is not an edition is refused; the exported draft comes back as a new draft.
    const importForm = page.getByTestId('import-draft-form');
    await importForm.getByLabel('版のファイル（JSON）').setInputFiles({ name: 'not-an-edition.json', mimeType: 'application/json', buffer: Buffer.from('[1, 2, 3]') });
    await importForm.getByRole('button', { name: '読み込んで下書きにする' }).click();
    await importForm.getByTestId('import-refused').waitFor();
    await shoot(page, 'import-refused');
    await importForm.getByLabel('版のファイル（JSON）').setInputFiles(await download.path());
    await importForm.getByRole('button', { name: '読み込んで下書きにする' }).click();
    await page.waitForURL(/\/catalog\/drafts\/\d+$/);
    await page.getByRole('heading', { level: 1, name: '令和8年度版の下書き' }).waitFor();
    assert.notEqual(page.url(), draftUrl, 'the import is a draft of its own');
    await item('IAM-03').locator('[data-kind="merged"]').waitFor();
  });

  for (const [who, login] of [
    ['pharmacy', logins.pharmacy],
    ['clinic', logins.clinic],
  ]) {
    it(`the ${who} starts its FY2026 checklist on the merged form and sees the new item`, async () => {
      const browser = (browsers[who] = await session.newBrowser());
      const { page, open } = browser;
      await signIn(browser, login);
      const id = await startThisYear(page);
      await open(`/assessments/${id}/table`);
      const row = page.getByTestId('table-row').filter({ hasText: newItemText });
      await row.waitFor();
      await page.getByText('医療機関・薬局確認用', { exact: false }).first().waitFor();
      await shoot(page, `${who}-checklist`);
    });

    it(`the ${who} sees the new item marked 新規`, async () => {
      const { page } = browsers[who];
      const row = page.getByTestId('table-row').filter({ hasText: newItemText });
      await row.getByTestId('new-badge').waitFor({ timeout: 3_000 });
    });
  }
});
