// Drives Chromium against `mamori serve --demo` through the first hour's setup and recovery: first-run setup
// picks the institution from the facility master with the setup code (the prefecture choice shown too), the
// enrolment page keeps its key across a reload and offers to show it again after a wrong code, focus moves
// to the recovery codes' heading; an administrator resets a second administrator's account and revokes an
// invitation, the reset user sets a new password with the code, is told about the reset and enrols again;
// after the password step of a login, focus is on the code step's heading. Screenshots at desktop and 390 px.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { ApiClient, screenshotDir, startSession, totpCode } from './support.mjs';

const sleep = (ms) => new Promise((done) => setTimeout(done, ms));
const currentStep = () => Math.floor(Date.now() / 30_000);
// The server refuses a step it has accepted for the same secret: take the next unused one.
const usedSteps = new Map();
async function freshCode(secret) {
  const last = usedSteps.get(secret) ?? -Infinity;
  while (Math.max(currentStep(), last + 1) > currentStep() + 1) await sleep(1_000);
  const step = Math.max(currentStep(), last + 1);
  usedSteps.set(secret, step);
  return totpCode(secret, step);
}

const provoked = /^\/api\/v1\/(session|session\/mfa|me\/mfa\/confirmation|invitations\/accept|setup|setup\/facilities|organisations\/\d+\/profile)$/;
function expectedError(message) {
  try {
    const path = new URL(message.location().url).pathname;
    return provoked.test(path) && /status of (400|401|403)/.test(message.text());
  } catch {
    return false;
  }
}

const admin = { name: '院長 さくら', login: 'director@sakura.example', password: 'sakura director password 1' };
const second = { name: '事務長 もみじ', login: 'office@sakura.example', password: 'second administrator pw 2', newPassword: 'a new password after reset' };

describe('first-run setup by purpose and account recovery', () => {
  let session;
  let page;
  let adminSecret;
  let resetCode;
  let other; // the reset user's own browser

  const shots = async (name, target = page) => {
    await target.screenshot({ path: join(screenshotDir, `recovery-${name}-desktop.png`), fullPage: true });
    const viewport = target.viewportSize();
    await target.setViewportSize({ width: 390, height: 844 });
    await sleep(150);
    const overflow = await target.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `${name} is ${overflow} px wider than a 390 px screen`);
    await target.screenshot({ path: join(screenshotDir, `recovery-${name}-390.png`), fullPage: true });
    await target.setViewportSize(viewport);
  };
  // Where focus is once the page has settled (a new step's effects run just after it appears): polls for a
  // second, then answers with what has focus.
  const focused = async (target = page, expected = null) => {
    const now = () => target.evaluate(() => document.activeElement?.getAttribute('data-testid') ?? document.activeElement?.tagName);
    const deadline = Date.now() + 1000;
    let seen = await now();
    while (seen !== expected && Date.now() < deadline) {
      await sleep(50);
      seen = await now();
    }
    return seen;
  };
  const waitForPath = async (target, path) => {
    const deadline = Date.now() + 10_000;
    while (new URL(target.url()).pathname !== path && Date.now() < deadline) await sleep(50);
    assert.equal(new URL(target.url()).pathname, path);
  };
  const adminApi = async () => {
    const api = new ApiClient(session.baseUrl);
    await api.expectOk('POST', '/api/v1/session', { login: admin.login, password: admin.password });
    await api.expectOk('POST', '/api/v1/session/mfa', { code: await freshCode(adminSecret) });
    return api;
  };

  before(async () => {
    session = await startSession({ expectedError });
    ({ page } = session);
  });

  after(async () => {
    await session?.close();
    if (session) assert.deepEqual(session.problems, []);
  });

  it('sets up one institution picked from the facility master', async () => {
    await session.open('/setup');
    await page.getByRole('heading', { level: 1, name: 'はじめての設定' }).waitFor();
    assert.equal(await page.getByText('例: さくら内科クリニック').count(), 0, 'the example name is gone');
    await page.getByLabel('セットアップコード').fill(session.setupCode);
    await page.getByLabel('都道府県（管内の医療機関を見守る）').check();
    await page.locator('#prefecture_code').waitFor();
    await shots('setup-prefecture');
    await page.getByLabel('1 つの医療機関・薬局', { exact: false }).check();
    await page.getByLabel('施設マスタから選ぶ').check();
    await page.getByLabel('名前または医療機関コード').fill('さくら');
    await page.getByTestId('facility-search-button').click();
    const found = page.getByLabel('さくら内科クリニック', { exact: false });
    await found.waitFor();
    await page.getByText('医療機関コード 9913000000002', { exact: false }).waitFor();
    await found.check();
    await page.getByLabel('お名前').fill(admin.name);
    await page.getByLabel('ログイン名（メールアドレス）').fill(admin.login);
    await page.getByRole('textbox', { name: 'パスワード', exact: true }).fill(admin.password);
    await page.getByLabel('パスワード（確認のため、もう一度）').fill(admin.password);
    await shots('setup-institution');
    await page.getByRole('button', { name: '登録して、二要素認証の設定へ進む' }).click();
    await waitForPath(page, '/account/mfa');
  });

  it('keeps the enrolment key across a reload and explains a wrong code', async () => {
    const secretBox = page.getByTestId('totp-secret');
    await secretBox.waitFor();
    const first = await secretBox.getAttribute('data-secret');
    await page.reload();
    await secretBox.waitFor();
    assert.equal(await secretBox.getAttribute('data-secret'), first, 'a reload must show the same key');
    adminSecret = first;

    await page.getByLabel('確認コード（6 桁の数字）').fill(totpCode(adminSecret, currentStep() + 5));
    await page.getByRole('button', { name: '確認する' }).click();
    await page.getByTestId('problem').getByText('この画面のキーと一致しません', { exact: false }).first().waitFor();
    await page.getByTestId('show-key-again').click();
    assert.equal(await page.locator('details').first().getAttribute('open'), '');
    await shots('enrolment-mismatch');

    await page.getByLabel('確認コード（6 桁の数字）').fill(await freshCode(adminSecret));
    await page.getByRole('button', { name: '確認する' }).click();
    await page.getByTestId('recovery-heading').waitFor();
    assert.equal(await focused(page, 'recovery-heading'), 'recovery-heading', 'focus moves to the new step');
    await page.getByLabel('リカバリーコードを印刷するか書き写して、保管しました').check();
    await page.getByTestId('continue').click();
    await waitForPath(page, '/');
    await page.getByRole('banner').getByTestId('user-organisation').getByText('さくら内科クリニック').waitFor();
  });

  it('lets the administrator reset another administrator and revoke an invitation', async () => {
    const api = await adminApi();
    const me = await api.expectOk('GET', '/api/v1/me');
    const org = me.organisation_id;
    const invitation = await api.expectOk('POST', `/api/v1/organisations/${org}/invitations`, {
      display_name: second.name,
      login: second.login,
      roles: ['administrator'],
    });
    const user = new ApiClient(session.baseUrl);
    await user.expectOk('POST', '/api/v1/invitations/accept', { code: invitation.code, password: second.password });
    await user.enrolTotp();
    await api.expectOk('POST', `/api/v1/organisations/${org}/invitations`, {
      display_name: '受付 未登録',
      login: 'reception@sakura.example',
      roles: ['viewer'],
    });
    const again = await api.call('POST', `/api/v1/organisations/${org}/invitations`, {
      display_name: second.name,
      login: second.login,
      roles: ['viewer'],
    });
    assert.equal(again.status, 409);

    await session.open('/admin/users');
    const row = page.locator(`[data-testid="user-row"][data-login="${second.login}"]`);
    await row.waitFor();
    assert.equal(await page.locator(`[data-testid="user-row"][data-login="${admin.login}"]`).getByTestId('reset-account').count(), 0,
      'nobody resets themselves');
    await row.getByTestId('reset-account').click();
    const confirm = page.getByTestId('reset-confirm');
    await confirm.getByText('リセットしますか', { exact: false }).waitFor();
    await confirm.getByRole('button', { name: 'アカウントをリセット' }).click();
    const code = page.getByTestId('reset-code');
    await code.waitFor();
    resetCode = ((await code.textContent()) ?? '').trim();
    assert.match(resetCode, /^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    await row.getByTestId('user-mfa').getByText('リセット済み', { exact: false }).waitFor();
    const pending = page.getByTestId('pending-invitations');
    await pending.getByText('アカウントのリセット', { exact: false }).waitFor();
    await shots('reset-code');

    const reception = pending.locator('[data-testid="pending-invitation"][data-login="reception@sakura.example"]');
    await reception.getByTestId('revoke-invitation').click();
    await page.getByTestId('revoke-confirm').getByRole('button', { name: '取り消す' }).click();
    await page.getByTestId('pending-notice').getByText('reception@sakura.example への招待を取り消しました。').waitFor();
    await pending.locator('[data-testid="pending-invitation"][data-login="reception@sakura.example"]').waitFor({ state: 'detached' });

    const old = await new ApiClient(session.baseUrl).call('POST', '/api/v1/session', { login: second.login, password: second.password });
    assert.equal(old.status, 401, 'the old password stops working');
  });

  it("lets the administrator correct the organisation's profile", async () => {
    await page.getByRole('link', { name: '組織の情報' }).click();
    await page.getByRole('heading', { level: 1, name: '組織の情報' }).waitFor();
    const form = page.getByTestId('organisation-form');
    assert.equal(await form.locator('#facility_id').inputValue(), '9913000000002');
    await form.locator('#municipality_code').fill('271004');
    await form.getByRole('button', { name: '保存する' }).click();
    await page.getByTestId('problem').getByText('選んだ都道府県のもの', { exact: false }).first().waitFor();
    assert.equal(await form.locator('#municipality_code').getAttribute('aria-invalid'), 'true');
    await form.locator('#municipality_code').fill('131016');
    await form.locator('#address').fill('東京都千代田区デモ町2-4');
    await form.getByRole('button', { name: '保存する' }).click();
    await page.getByTestId('organisation-saved').waitFor();
    await sleep(300);
    assert.equal(await page.getByTestId('organisation-saved').count(), 1, 'the notice stays');
    await shots('organisation');
  });

  it('lets the reset user set a new password, tells them, and enrols them again', async () => {
    other = await session.newBrowser();
    await other.open('/invitation');
    await other.page.getByLabel('招待コード').fill(resetCode);
    await other.page.getByRole('textbox', { name: 'パスワード', exact: true }).fill(second.newPassword);
    await other.page.getByLabel('パスワード（確認のため、もう一度）').fill(second.newPassword);
    await other.page.getByRole('button', { name: '登録する' }).click();
    await waitForPath(other.page, '/account/mfa');
    await other.page.getByTestId('account-reset-notice').getByText('組織の管理者によってリセットされました', { exact: false }).waitFor();
    const secretBox = other.page.getByTestId('totp-secret');
    await secretBox.waitFor();
    const secret = await secretBox.getAttribute('data-secret');
    await shots('reset-enrolment', other.page);
    await other.page.reload();
    await secretBox.waitFor();
    assert.equal(await secretBox.getAttribute('data-secret'), secret);
    await other.page.getByLabel('確認コード（6 桁の数字）').fill(await freshCode(secret));
    await other.page.getByRole('button', { name: '確認する' }).click();
    await other.page.getByTestId('recovery-heading').waitFor();
    assert.equal(await focused(other.page, 'recovery-heading'), 'recovery-heading');
    await other.page.getByLabel('リカバリーコードを印刷するか書き写して、保管しました').check();
    await other.page.getByTestId('continue').click();
    await waitForPath(other.page, '/');

    // The next login: after the password step, focus is on the code step's heading.
    await other.page.getByRole('banner').getByRole('button', { name: 'ログアウト' }).click();
    await waitForPath(other.page, '/login');
    await other.page.getByLabel('ログイン名（メールアドレス）').fill(second.login);
    await other.page.getByRole('textbox', { name: 'パスワード', exact: true }).fill(second.newPassword);
    await other.page.getByRole('button', { name: 'ログインする' }).click();
    await other.page.getByTestId('code-heading').waitFor();
    assert.equal(await focused(other.page, 'code-heading'), 'code-heading', 'focus moves to the code step');
    await other.page.getByRole('status').getByText('パスワードを確認しました', { exact: false }).waitFor();
    await shots('login-code-step', other.page);
    assert.deepEqual(other.problems, []);
  });
});
