// Drives Debian's Chromium against `mamori serve` (binary from MAMORI_BIN, fresh SQLite, --demo) through
// identity and access: first-run setup with the setup code the server printed, TOTP enrolment (codes computed here with RFC 6238), recovery
// codes, account page (API token, password change), logout, login with password + TOTP and the way back
// to the page asked for, inviting an editor, the editor accepting in a second browser, changing their
// roles, disabling them (their page then falls back to the login), the audit log in Japanese and English,
// and the lockout message after five wrong passwords. Screenshots at desktop width and 768 px (the setup page
// at 390 px).
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { screenshotDir, startSession, totpCode } from './support.mjs';

const totp = totpCode;  // RFC 6238, from support.mjs
const currentStep = () => Math.floor(Date.now() / 30_000);
const sleep = (ms) => new Promise((done) => setTimeout(done, ms));

// The server refuses a step it has already accepted and accepts one step either side of now: take the
// next unused step, waiting only if even "now + 1" has been used.
const usedSteps = new Map();
async function freshCode(secret) {
  const last = usedSteps.get(secret) ?? -Infinity;
  let step = Math.max(currentStep(), last + 1);
  while (step > currentStep() + 1) await sleep(1_000);
  step = Math.max(currentStep(), last + 1);
  usedSteps.set(secret, step);
  return totp(secret, step);
}

// Known test vector (RFC 6238 appendix B, SHA-1, T = 59 s → 94287082, last 6 digits).
assert.equal(totp('GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ', 1), '287082');

// ---- the test ----

const admin = {
  organisation: 'テスト内科クリニック',
  name: '佐藤 花子',
  login: 'sato@example.jp',
  password: 'sakura no hana ga saku 2025',
  newPassword: 'kiwi-7-tree',
};
const editor = { name: '鈴木 一郎', login: 'suzuki@example.jp', password: 'umi to yama to kawa 77' };

// Answers the tests provoke on purpose (wrong password or code, lockout, an ended session); Chromium logs
// each as "Failed to load resource".
const provoked = /^\/api\/v1\/(session|session\/mfa|me\/mfa\/confirmation|me\/password|setup)$/;
function expectedError(message) {
  try {
    const path = new URL(message.location().url).pathname;
    return provoked.test(path) && /status of (400|401|403|429)/.test(message.text());
  } catch {
    return false;
  }
}

describe('identity and access', () => {
  let session;
  let page;
  let problems;
  let secret;
  let invitationCode;
  let recoveryCodes;
  let second; // the editor's own browser

  const open = (path) => session.open(path);
  const pathname = () => new URL(page.url()).pathname;
  const heading = (name, target = page) => target.getByRole('heading', { level: 1, name }).waitFor();
  // Desktop, then 768 px (a tablet, or a narrow window at the clinic's reception).
  const screenshots = async (name, target = page) => {
    await target.screenshot({ path: join(screenshotDir, `identity-${name}-desktop.png`), fullPage: true });
    const viewport = target.viewportSize();
    await target.setViewportSize({ width: 768, height: 1024 });
    await sleep(100);
    await target.screenshot({ path: join(screenshotDir, `identity-${name}-768.png`), fullPage: true });
    await target.setViewportSize(viewport);
  };
  // The setup page at desktop width and at 390 px (a phone: the operator may set up from one).
  const setupScreenshots = async (name) => {
    await page.screenshot({ path: join(screenshotDir, `identity-${name}-desktop.png`), fullPage: true });
    const viewport = page.viewportSize();
    await page.setViewportSize({ width: 390, height: 844 });
    await sleep(100);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `the setup page is ${overflow} px wider than a 390 px screen`);
    await page.screenshot({ path: join(screenshotDir, `identity-${name}-390.png`), fullPage: true });
    await page.setViewportSize(viewport);
  };
  const waitForUrl = async (target, predicate, what) => {
    const deadline = Date.now() + 10_000;
    while (!predicate(new URL(target.url())) && Date.now() < deadline) await sleep(50);
    assert.ok(predicate(new URL(target.url())), `${what}: at ${target.url()}`);
  };

  before(async () => {
    session = await startSession({ expectedError });
    ({ page, problems } = session);
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: session.baseUrl.origin });
  });

  after(async () => {
    await session?.close();
  });

  it('sends the first visitor from /login to the first-run setup and checks the form', async () => {
    await open('/login');
    await waitForUrl(page, (url) => url.pathname === '/setup', 'not redirected to /setup');
    await heading('はじめての設定');
    await page.getByText('13 文字以上', { exact: false }).first().waitFor();
    // Nothing filled in: every mistake is listed at the top and next to its field.
    // The setup code: where to find it is said on the page, in Japanese.
    const codeHelp = (await page.locator('#setup_code-help').textContent()) ?? '';
    assert.match(codeHelp, /サーバーの画面（コンソール）とログ/);
    assert.match(codeHelp, /mamori setup-code/);
    await setupScreenshots('setup');
    // Nothing on the Japanese form is in English, but for the product's name and the command to type.
    const formText = (await page.getByTestId('setup-form').innerText()).replace(/mamori( setup-code)?|ABCD-EFGH-JKMN/g, '');
    assert.doesNotMatch(formText, /[A-Za-z]{2,}/, `English on the Japanese setup form: ${formText}`);
    await page.getByRole('button', { name: '登録して、二要素認証の設定へ進む' }).click();
    const summary = page.getByTestId('form-errors');
    await summary.waitFor();
    await summary.getByText('「セットアップコード」を入力してください。').waitFor();
    await summary.getByText('組織の用途を選んでください。').waitFor();
    // One institution, entered by its codes (setup.test.mjs picks one from the facility master).
    await page.getByLabel('1 つの医療機関・薬局', { exact: false }).check();
    await page.getByLabel('医療機関コードなどを入力する').check();
    await page.getByLabel('医療機関コード（13 桁）').fill('9913000000077');
    await page.getByLabel('医療機関の種類').selectOption('clinic');
    await page.getByLabel('医療機関の名前').fill(admin.organisation);
    await page.locator('#prefecture_code').selectOption('13');
    await page.getByLabel('市区町村コード（6 桁）').fill('131016');
    await page.getByLabel('お名前').fill(admin.name);
    await page.getByLabel('ログイン名（メールアドレス）').fill(admin.login);
    await page.getByRole('textbox', { name: 'パスワード', exact: true }).fill('tooshort');
    await page.getByLabel('パスワード（確認のため、もう一度）').fill('tooshort');
    await page.getByRole('button', { name: '登録して、二要素認証の設定へ進む' }).click();
    await summary.getByText('パスワードは 13 文字以上にしてください。').waitFor();
    await screenshots('setup-errors');
    await page.getByRole('textbox', { name: 'パスワード', exact: true }).fill(admin.password);
    await page.getByLabel('パスワード（確認のため、もう一度）').fill(admin.password);
    // A code that is not the server's is refused, and the page says where the right one is.
    await page.getByLabel('セットアップコード').fill('ABCD-EFGH-JKMN');
    await page.getByRole('button', { name: '登録して、二要素認証の設定へ進む' }).click();
    await page.getByTestId('problem-message').getByText('セットアップコードが違います。', { exact: false }).waitFor();
    assert.equal(await page.locator('#setup_code').getAttribute('aria-invalid'), 'true');
    await setupScreenshots('setup-wrong-code');
    assert.ok(session.setupCode, 'the server printed no setup code');
    await page.getByLabel('セットアップコード').fill(session.setupCode.toLowerCase());
    await page.getByRole('button', { name: '登録して、二要素認証の設定へ進む' }).click();
    await waitForUrl(page, (url) => url.pathname === '/account/mfa', 'not on the enrolment page after setup');
  });

  it('enrols TOTP with the secret shown on the page and shows the recovery codes once', async () => {
    await heading('二要素認証の設定');
    await page.getByText('あなたの役割では二要素認証が必須です。', { exact: false }).waitFor();
    const qr = page.getByTestId('totp-qr');
    await qr.waitFor();
    assert.match((await qr.getAttribute('src')) ?? '', /^data:image\/svg\+xml/);
    const secretBox = page.getByTestId('totp-secret');
    const shown = (await secretBox.textContent()) ?? '';
    secret = shown.replace(/\s/g, '');
    assert.match(secret, /^[A-Z2-7]{16,}$/, `secret on the page: ${shown}`);
    // Shown in groups of four for typing by hand.
    assert.equal(await secretBox.locator('span').first().textContent(), secret.slice(0, 4));
    assert.ok(await qr.evaluate((img) => img.complete && img.naturalWidth > 0), 'the QR image did not load');
    await screenshots('enrolment');

    // A wrong code is explained; the right one passes.
    const wrong = totp(secret, currentStep() + 5);
    await page.getByLabel('確認コード（6 桁の数字）').fill(wrong);
    await page.getByRole('button', { name: '確認する' }).click();
    await page.getByTestId('problem').getByText('この画面のキーと一致しません', { exact: false }).first().waitFor();
    await page.getByTestId('show-key-again').waitFor();
    await page.getByLabel('確認コード（6 桁の数字）').fill(await freshCode(secret));
    await page.getByRole('button', { name: '確認する' }).click();

    await page.getByTestId('recovery-screen').waitFor();
    await page.getByRole('heading', { name: 'リカバリーコードを保管してください' }).waitFor();
    await page.getByText('このコードが表示されるのは、今回だけです').waitFor();
    const codes = await page.getByTestId('recovery-code').allTextContents();
    recoveryCodes = codes;
    assert.equal(codes.length, 10);
    for (const code of codes) assert.match(code, /^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    await page.getByRole('button', { name: '印刷する' }).waitFor();
    await page.getByTestId('copy-codes').click();
    await page.getByText('コピーしました。').waitFor();
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), codes.join('\n'));
    await screenshots('recovery-codes');

    // Continuing needs the "kept them" box.
    await page.getByTestId('continue').click();
    await page.getByText('保管したら、上のチェックを入れてください。').waitFor();
    await page.getByLabel('リカバリーコードを印刷するか書き写して、保管しました').check();
    await page.getByTestId('continue').click();
    // An institution's administrator lands on the institution's dashboard, where the work is.
    await waitForUrl(page, (url) => url.pathname === '/', 'not on the dashboard after enrolment');
    await open('/account');
  });

  it('shows the account: profile, the header, API tokens and a password change', async () => {
    await heading('アカウント');
    await page.getByTestId('profile-name').getByText(admin.name).waitFor();
    await page.getByTestId('profile-roles').getByText('管理者').waitFor();
    await page.getByTestId('profile-mfa').getByText('設定済み').waitFor();
    const header = page.getByRole('banner');
    await header.getByTestId('user-name').getByText(admin.name).waitFor();
    await header.getByTestId('user-organisation').getByText(admin.organisation).waitFor();
    await header.getByRole('button', { name: 'ログアウト' }).waitFor();
    await page.getByRole('navigation', { name: 'メインメニュー' }).getByRole('link', { name: '管理' }).waitFor();

    // An API token: shown once with a copy button, listed, revoked after a confirmation.
    await page.getByLabel('名前').fill('電子カルテ連携');
    await page.getByLabel('有効期間（日数）').fill('30');
    await page.getByRole('button', { name: '作成する' }).click();
    const created = page.getByTestId('token-created');
    await created.waitFor();
    assert.ok(((await created.getByTestId('token-value').textContent()) ?? '').length >= 20, 'no token shown');
    await created.getByRole('button', { name: 'コピーする' }).waitFor();
    await page.getByTestId('token').getByText('電子カルテ連携').waitFor();
    await page.getByTestId('token').getByText('読み取りのみ').waitFor();
    await screenshots('account');
    await created.getByRole('button', { name: '閉じる' }).click();
    await page.getByTestId('token').getByRole('button', { name: '取り消す' }).click();
    await page.getByTestId('revoke-confirm').getByText('「電子カルテ連携」を取り消しますか？', { exact: false }).waitFor();
    await page.getByTestId('revoke-confirm').getByRole('button', { name: '取り消す' }).click();
    await page.getByTestId('token-revoked').waitFor();
    await page.getByTestId('tokens-empty').waitFor();

    // Password: with two-factor on, 8 characters are enough; a wrong current password is explained.
    const form = page.getByTestId('password-form');
    await form.getByText('8 文字以上で構いません', { exact: false }).waitFor();
    await form.getByLabel('現在のパスワード').fill('not the password');
    await form.getByRole('textbox', { name: '新しいパスワード', exact: true }).fill(admin.newPassword);
    await form.getByLabel('新しいパスワード（確認のため、もう一度）').fill(admin.newPassword);
    await form.getByRole('button', { name: 'パスワードを変更する' }).click();
    await form.getByTestId('problem').getByText('現在のパスワードが違います。').waitFor();
    await form.getByLabel('現在のパスワード').fill(admin.password);
    await form.getByRole('textbox', { name: '新しいパスワード', exact: true }).fill(admin.newPassword);
    await form.getByLabel('新しいパスワード（確認のため、もう一度）').fill(admin.newPassword);
    await form.getByRole('button', { name: 'パスワードを変更する' }).click();
    await form.getByTestId('password-changed').getByText('ほかの端末やブラウザでのログインは終了しました', { exact: false }).waitFor();
    await screenshots('password-changed');
    const viewport = page.viewportSize();
    await page.setViewportSize({ width: 390, height: 844 });
    await page.screenshot({ path: join(screenshotDir, 'identity-password-changed-phone.png'), fullPage: true });
    await page.getByRole('button', { name: 'English' }).click();
    await form.getByTestId('password-changed').getByText('logged out everywhere else', { exact: false }).waitFor();
    await page.screenshot({ path: join(screenshotDir, 'identity-password-changed-en-phone.png'), fullPage: true });
    await page.setViewportSize(viewport);
    await page.screenshot({ path: join(screenshotDir, 'identity-password-changed-en-desktop.png'), fullPage: true });
    await page.getByRole('button', { name: '日本語' }).click();
    await form.getByTestId('password-changed').waitFor();
  });

  it('logs out, then back in with password and TOTP, returning to the page asked for', async () => {
    await page.getByRole('banner').getByRole('button', { name: 'ログアウト' }).click();
    await page.getByTestId('signed-out').waitFor();
    await heading('ログイン');
    await page.getByRole('banner').getByRole('link', { name: 'ログイン' }).waitFor();
    assert.equal(await page.getByRole('navigation', { name: 'メインメニュー' }).getByRole('link', { name: '管理' }).count(), 0);

    await open('/admin/users');
    await waitForUrl(page, (url) => url.pathname === '/login' && url.searchParams.get('next') === '/admin/users', 'not sent to the login');
    await heading('ログイン');
    await screenshots('login');
    await page.getByLabel('ログイン名（メールアドレス）').fill(admin.login);
    await page.getByRole('textbox', { name: 'パスワード', exact: true }).fill(admin.password);
    await page.getByRole('button', { name: 'ログインする' }).click();
    await page.getByTestId('problem').getByText('ログイン名またはパスワードが違います。').waitFor();
    await page.getByRole('textbox', { name: 'パスワード', exact: true }).fill(admin.newPassword);
    await page.getByRole('button', { name: 'ログインする' }).click();

    await heading('確認コードの入力');
    const code = page.getByLabel('確認コード（6 桁の数字）');
    assert.equal(await code.getAttribute('inputmode'), 'numeric');
    assert.equal(await code.getAttribute('autocomplete'), 'one-time-code');
    await page.getByRole('button', { name: /リカバリーコードを使う/ }).waitFor();
    await screenshots('totp-step');
    await code.fill('000000' === totp(secret, currentStep()) ? '111111' : '000000');
    await page.getByRole('button', { name: '確認する' }).click();
    await page.getByTestId('problem').getByText('コードが違うか、すでに使われています。', { exact: false }).waitFor();
    await code.fill(await freshCode(secret));
    await page.getByRole('button', { name: '確認する' }).click();
    await waitForUrl(page, (url) => url.pathname === '/admin/users', 'not back on /admin/users after login');
  });

  it('invites an editor and shows the one-time code once', async () => {
    await heading('利用者の管理');
    const nav = page.getByRole('navigation', { name: 'メインメニュー' }).getByRole('link', { name: '管理' });
    assert.equal(await nav.getAttribute('aria-current'), 'page');
    const rows = page.getByTestId('user-row');
    await rows.first().waitFor();
    assert.equal(await rows.count(), 1);
    await rows.first().getByText('（あなた）').waitFor();
    // Roles offered for a clinic, as checkboxes.
    const form = page.getByTestId('invite-form');
    for (const role of ['管理者', '医療情報システム安全管理責任者', '編集者', '閲覧者']) {
      await form.getByRole('checkbox', { name: role, exact: true }).waitFor();
    }
    assert.equal(await form.getByRole('checkbox', { name: '検査担当者' }).count(), 0);
    await screenshots('users');

    await form.getByLabel('名前').fill(editor.name);
    await form.getByLabel('ログイン名（本人のメールアドレス）').fill(editor.login);
    await form.getByRole('checkbox', { name: '編集者', exact: true }).check();
    await form.getByRole('button', { name: '招待コードを発行する' }).click();
    const result = page.getByTestId('invitation-result');
    await result.waitFor();
    invitationCode = ((await result.getByTestId('invitation-code').textContent()) ?? '').trim();
    assert.match(invitationCode, /^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    await result.getByText(`${editor.name} さん（${editor.login}）の招待コード`).waitFor();
    await result.getByText(/有効期限: \d{4}年\d{1,2}月\d{1,2}日 \d{2}:\d{2}（日本時間）/).waitFor();
    await result.getByText('安全な方法で伝えてください', { exact: false }).waitFor();
    await result.getByText(`${session.baseUrl.origin}/invitation`, { exact: false }).waitFor();
    await screenshots('invite-result');
  });

  it('lets the editor accept the invitation in another browser', async () => {
    second = await session.newBrowser();
    await second.open('/invitation');
    await heading('招待を受ける', second.page);
    // Typed in lower case with spaces, as people do: the page tidies it up.
    await second.page.getByLabel('招待コード').fill(invitationCode.toLowerCase().replace(/-/g, ' '));
    await second.page.getByRole('textbox', { name: 'パスワード', exact: true }).fill(editor.password);
    await second.page.getByLabel('パスワード（確認のため、もう一度）').fill(editor.password);
    await second.page.getByRole('button', { name: '登録する' }).click();
    await waitForUrl(second.page, (url) => url.pathname === '/account', 'the editor did not land on /account');
    await heading('アカウント', second.page);
    await second.page.getByRole('banner').getByTestId('user-name').getByText(editor.name).waitFor();
    await second.page.getByTestId('profile-roles').getByText('編集者').waitFor();
    await second.page.getByTestId('profile-mfa').getByText('未設定').waitFor();
    assert.equal(await second.page.getByRole('navigation', { name: 'メインメニュー' }).getByRole('link', { name: '管理' }).count(), 0);
    await second.open('/admin/users');
    await second.page.getByTestId('not-administrator').waitFor();

    // Logging out and in again with the new password works (no two-factor step for an editor).
    await second.page.getByRole('banner').getByRole('button', { name: 'ログアウト' }).click();
    await second.page.getByTestId('signed-out').waitFor();
    await second.page.getByLabel('ログイン名（メールアドレス）').fill(editor.login);
    await second.page.getByRole('textbox', { name: 'パスワード', exact: true }).fill(editor.password);
    await second.page.getByRole('button', { name: 'ログインする' }).click();
    await waitForUrl(second.page, (url) => url.pathname === '/', 'the editor did not land on the home page');
    await second.page.getByRole('banner').getByTestId('user-name').getByText(editor.name).waitFor();
  });

  it("changes the editor's roles and disables the editor", async () => {
    await open('/admin/users');
    const row = page.locator(`[data-testid="user-row"][data-login="${editor.login}"]`);
    await row.waitFor();
    await row.getByTestId('user-roles').getByText('編集者').waitFor();
    await row.getByTestId('edit-roles').click();
    const editorForm = page.getByTestId('role-editor');
    await editorForm.getByRole('checkbox', { name: '医療情報システム安全管理責任者' }).check();
    await editorForm.getByRole('button', { name: '保存する' }).click();
    await page.getByTestId('user-notice').getByText(`${editor.name} さんの役割を変更しました。`).waitFor();
    await row.getByTestId('user-roles').getByText('医療情報システム安全管理責任者、編集者').waitFor();

    await row.getByTestId('change-state').click();
    const confirm = page.getByTestId('state-confirm');
    await confirm.getByText('すぐにログアウトされ', { exact: false }).waitFor();
    await screenshots('disable-confirm');
    await confirm.getByRole('button', { name: '無効にする' }).click();
    await page.getByTestId('user-notice').getByText(`${editor.name} さんを無効にしました。`).waitFor();
    await row.getByTestId('user-state').getByText('無効').waitFor();
    assert.equal(await row.getAttribute('data-disabled'), 'true');
  });

  it("sends the disabled editor's page back to the login", async () => {
    await second.open('/account');
    await waitForUrl(second.page, (url) => url.pathname === '/login', 'the disabled editor was not sent to the login');
    await heading('ログイン', second.page);
    await second.page.getByTestId('session-ended').waitFor();
    await second.page.getByRole('banner').getByRole('link', { name: 'ログイン' }).waitFor();
  });

  it('shows the audit log, newest first, in Japanese and in English', async () => {
    await page.getByRole('navigation', { name: '管理のメニュー' }).getByRole('link', { name: '操作記録' }).click();
    await heading('操作記録');
    const rows = page.getByTestId('audit-row');
    await rows.first().waitFor();
    const seqs = (await rows.evaluateAll((nodes) => nodes.map((node) => Number(node.getAttribute('data-seq')))));
    assert.deepEqual(seqs, [...seqs].sort((x, y) => y - x), 'entries are not newest first');
    const actions = await page.getByTestId('audit-action').allTextContents();
    for (const name of ['ログイン', '招待', '利用者の変更', '利用者登録', '二要素認証の設定', 'パスワード変更', '初期設定']) {
      assert.ok(actions.some((text) => text.trim().endsWith(name)), `no "${name}" in the audit log: ${actions.join(' / ')}`);
    }
    assert.ok(actions.some((text) => text.includes('ログイン失敗')), 'the wrong password is not in the audit log');
    // Who did it is a name, and the change's details open with before and after.
    const change = page.locator('[data-testid="audit-row"][data-action="user.changed"]').first();
    await change.getByText(admin.name).first().waitFor();
    await change.getByTestId('audit-detail-toggle').click();
    const detail = page.locator(`#audit-detail-${await change.getAttribute('data-seq')}`);
    await detail.getByText('変更前').waitFor();
    await detail.getByText('変更後').waitFor();
    await detail.getByText('リクエスト ID').waitFor();
    await screenshots('audit');

    await page.getByRole('button', { name: 'English' }).click();
    await heading('Audit log');
    await page.getByTestId('audit-action').getByText('User changed').first().waitFor();
    await page.getByTestId('audit-action').getByText('Invitation').first().waitFor();
    await page.getByRole('columnheader', { name: 'Time (Japan)' }).waitFor();
    await page.screenshot({ path: join(screenshotDir, 'identity-audit-en-desktop.png'), fullPage: true });
    await page.getByRole('link', { name: 'Users' }).click();
    await heading('Users');
    await page.getByRole('button', { name: 'Issue an invitation code' }).waitFor();
    await page.screenshot({ path: join(screenshotDir, 'identity-users-en-desktop.png'), fullPage: true });
    await page.getByRole('button', { name: '日本語' }).click();
    await heading('利用者の管理');
  });

  it('locks an account after five wrong passwords and says until when, in Japan time', async () => {
    const other = second.page;
    await second.open('/login');
    await heading('ログイン', other);
    const lockedLogin = 'tanaka@example.jp';
    for (let attempt = 1; attempt <= 5; attempt++) {
      await other.getByLabel('ログイン名（メールアドレス）').fill(lockedLogin);
      await other.getByRole('textbox', { name: 'パスワード', exact: true }).fill(`wrong password ${attempt}`);
      await other.getByRole('button', { name: 'ログインする' }).click();
      const expected = attempt < 5 ? 'ログイン名またはパスワードが違います。' : /一時的にログインできなくしています。.*（日本時間）を過ぎてから/;
      await other.getByTestId('problem-message').getByText(expected).waitFor();
      // Wait for the button to come back before the next attempt.
      await other.getByRole('button', { name: 'ログインする' }).waitFor();
    }
    const message = (await other.getByTestId('problem-message').textContent()) ?? '';
    const match = /(\d{4})年(\d{1,2})月(\d{1,2})日 (\d{2}):(\d{2})/.exec(message);
    assert.ok(match, `no time in the lockout message: ${message}`);
    // About 15 minutes from now, in Japan time (UTC+9).
    const [, y, mo, d, h, mi] = match.map(Number);
    const until = Date.UTC(y, mo - 1, d, h - 9, mi);
    const minutes = (until - Date.now()) / 60_000;
    assert.ok(minutes > 13 && minutes <= 15.1, `lockout ends in ${minutes.toFixed(1)} minutes`);
    // The server's English detail ("locked until …") stays out of the Japanese UI.
    assert.equal(await other.getByTestId('problem-detail').count(), 0);
    await screenshots('lockout', other);
  });

  it('logs in with a recovery code when the phone is not at hand', async () => {
    await page.getByRole('banner').getByRole('button', { name: 'ログアウト' }).click();
    await page.getByTestId('signed-out').waitFor();
    await page.getByLabel('ログイン名（メールアドレス）').fill(admin.login);
    await page.getByRole('textbox', { name: 'パスワード', exact: true }).fill(admin.newPassword);
    await page.getByRole('button', { name: 'ログインする' }).click();
    await heading('確認コードの入力');
    await page.getByRole('button', { name: /リカバリーコードを使う/ }).click();
    // Typed without dashes and in lower case: the page writes it as the server does.
    await page.getByLabel('リカバリーコード').fill(recoveryCodes[0].replace(/-/g, '').toLowerCase());
    await page.getByRole('button', { name: '確認する' }).click();
    await waitForUrl(page, (url) => url.pathname === '/', 'not logged in with the recovery code');
    await page.getByRole('banner').getByTestId('user-name').getByText(admin.name).waitFor();
  });

  it('fits a phone', async () => {
    await page.setViewportSize({ width: 375, height: 812 });
    for (const [path, name] of [['/account', 'account'], ['/admin/users', 'users'], ['/admin/audit', 'audit']]) {
      await open(path);
      await page.getByRole('heading', { level: 1 }).waitFor();
      // Every part of the page has loaded (/admin/users has two: the users and the pending invitations).
      await page.waitForFunction(() => document.querySelector('[data-testid="identity-loading"]') === null);
      await sleep(200);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      assert.ok(overflow <= 0, `${path} is ${overflow}px wider than a 375px phone screen`);
      await page.screenshot({ path: join(screenshotDir, `identity-${name}-phone.png`), fullPage: true });
    }
    await page.setViewportSize({ width: 1280, height: 800 });
  });

  it('logged no console errors and no CSP violations', () => {
    assert.deepEqual(problems, []);
    assert.deepEqual(second?.problems ?? [], []);
  });
});
