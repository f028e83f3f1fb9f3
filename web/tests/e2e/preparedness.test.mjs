// 非常時の備え (issue 19) against `mamori serve --demo`: さくら内科クリニック's director opens the overview from the
// navigation (three steps, the demo's warnings in plain Japanese), fills in the pre-filled police row's number,
// adds a contact (a wrong number first: the field says so in Japanese), records the chart's review; records a
// backup with an offline copy and then its restore test, and sees the backup's warning go; records a drill
// (a future date is refused by the field, a past one accepted); opens the demo's closed incident; records a new
// incident (a first-response item, the timeline, a report to the police) and closes it. A viewer of
// the clinic sees the records without any edit button; the health centre reads the incident reported to it.
// The BCP 確認表: 1-1 answered 対応済 and kept; the chart's PDF and the draft BCP's .docx downloaded through the links.
// The hospital's checklist: 3-② shows its backups and warns when はい contradicts them; the backups' record is
// attached as evidence with one click; 3-③ in English.
// Screenshots at 1280 and 390 px: build/screenshots/preparedness-*.png.
import assert from 'node:assert/strict';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { ApiClient, draftAssessmentId, loginInPage, screenshotDir, startSession } from './support.mjs';

async function shoot(page, name) {
  await page.screenshot({ path: join(screenshotDir, `preparedness-${name}-1280.png`), fullPage: true });
  const viewport = page.viewportSize();
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: join(screenshotDir, `preparedness-${name}-390.png`), fullPage: true });
  await page.setViewportSize(viewport);
}

// The day `days` from today in Japan, YYYY-MM-DD.
function japanDay(days) {
  return new Date(Date.now() + 9 * 3600 * 1000 + days * 86400 * 1000).toISOString().slice(0, 10);
}

describe('preparedness (非常時の備え)', () => {
  let session;

  before(async () => {
    session = await startSession({ personas: true, expectedError: (message) => /status of (400|409)/.test(message.text()) });
  });

  after(async () => {
    assert.deepEqual(session?.problems ?? [], []);
    await session?.close();
  });

  it('the clinic checks its contact chart: the police row, a new contact and the review', async () => {
    const { page, baseUrl } = session;
    await page.setViewportSize({ width: 1280, height: 800 });
    await loginInPage(page, baseUrl, 'sakura@demo.example', 'sakura-demo-pass');
    await page.waitForURL((url) => url.pathname === '/');
    await page.getByTestId('home-preparedness').getByText('確認が必要なことが2件あります。').waitFor();

    await page.getByRole('navigation', { name: 'メインメニュー' }).getByRole('link', { name: '非常時の備え' }).click();
    await page.getByTestId('first-pass').waitFor();
    // The demo's chart, backups and drill make all three steps done; its always-connected NAS gives two warnings.
    for (const step of ['step-contacts', 'step-backups', 'step-drills']) assert.equal(await page.getByTestId(step).getAttribute('data-done'), 'yes');
    const warnings = page.getByTestId('warnings').getByTestId('warning');
    assert.equal(await warnings.count(), 2);
    await warnings.first().getByText('「レセコン」のバックアップには、ネットワークから切り離した複製（オフラインの複製）がありません。').waitFor();
    await warnings.nth(1).getByText('「レセコン」のバックアップは、この1年の間に元に戻せること（復元）を確かめていません。').waitFor();
    assert.doesNotMatch(await page.getByTestId('preparedness-overview').innerText(), /backup_without|no_recent|_copy/);
    await shoot(page, 'overview');

    await page.getByRole('link', { name: '連絡体制図を開く' }).click();
    await page.getByTestId('contact-chart').waitFor();
    const external = page.getByTestId('group-external');
    assert.equal(await external.getByTestId('contact').count(), 2);
    await external.getByText('厚生労働省 医療情報技術推進室').first().waitFor();
    const police = external.getByTestId('contact').filter({ hasText: '警' });
    await police.getByText('電話番号が未入力です').waitFor();
    await shoot(page, 'chart');

    // The police row: its number is for the clinic to check and fill in.
    await police.getByTestId('edit-contact').click();
    const form = page.getByTestId('contact-form');
    await form.getByLabel('電話番号').fill('03-0000-0110');
    await form.getByRole('button', { name: '保存する' }).click();
    await page.getByTestId('saved').getByText('連絡先を保存しました。').waitFor();
    await external.getByTestId('contact').filter({ hasText: '警' }).getByRole('link', { name: '03-0000-0110' }).waitFor();

    // A new internal contact: a number with letters is refused by the field, in Japanese.
    await page.getByTestId('add-internal').click();
    await form.getByLabel('役割').selectOption({ label: '部門' });
    await form.getByLabel('部署').fill('受付');
    await form.getByLabel('担当者').fill('田中 美咲');
    await form.getByLabel('電話番号').fill('内線12');
    await form.getByRole('button', { name: '保存する' }).click();
    await form.locator('#phone-error').getByText('電話番号は、数字とハイフン（-）などで入力してください').waitFor();
    assert.doesNotMatch(await form.innerText(), /digits|telephone/);
    await shoot(page, 'contact-error');
    await form.getByLabel('電話番号').fill('03-0000-2010');
    await form.getByRole('button', { name: '保存する' }).click();
    await page.getByTestId('saved').getByText('連絡先を追加しました。').waitFor();
    await page.getByTestId('group-internal').getByTestId('contact').filter({ hasText: '田中 美咲' }).getByText('受付').first().waitFor();

    // The review: today, by the director.
    await page.getByTestId('record-review').click();
    await page.getByTestId('review-form').getByLabel('見直した方').fill('山田 花子');
    await page.getByTestId('review-form').getByRole('button', { name: '記録する' }).click();
    await page.getByTestId('saved').getByText('見直しを記録しました。').waitFor();
    const [y, m, d] = japanDay(0).split('-').map(Number);
    await page.getByTestId('review-state').getByText(`${y}年${m}月${d}日に山田 花子が見直しました。`).waitFor();

    // The first pass goes on from here to the backups, the second of its four steps.
    await page.getByTestId('first-pass-steps').getByText('はじめの手順 1／4').waitFor();
    await page.getByTestId('next-step').getByText('次へ：バックアップを記録する').click();
    await page.getByTestId('backups-page').getByTestId('first-pass-steps').getByText('はじめの手順 2／4').waitFor();

    // The audit log names these writes in Japanese.
    await session.open('/admin/audit');
    const audit = page.getByTestId('audit-table');
    await audit.getByText('連絡体制図の確認の記録').first().waitFor();
    await audit.getByText('連絡先の追加').first().waitFor();
    assert.doesNotMatch(await audit.innerText(), /preparedness\./);
  });

  it('records a backup with an offline copy and a restore test, and its warning goes', async () => {
    const { page } = session;
    await session.open('/preparedness/backups');
    await page.getByTestId('backups-page').waitFor();
    assert.equal(await page.getByTestId('backup').count(), 2);
    await page.getByTestId('backup').first().getByText('あり（別媒体・世代管理）').waitFor();
    await shoot(page, 'backups');

    await page.getByTestId('add-backup').click();
    const form = page.getByTestId('backup-form');
    await form.getByLabel('システム', { exact: true }).selectOption({ label: '（システム台帳にないシステム）' });
    await form.getByLabel('システム名').fill('予約システム');
    await form.getByLabel('複製している内容').fill('予約データ');
    await form.getByLabel('毎週').check();
    await form.getByLabel('保管する世代数').fill('4');
    await form.getByLabel('保管場所').fill('外付けディスク（受付の鍵付き棚）');
    await form.getByLabel('ネットワークから切り離した複製がある').check();
    await form.getByLabel('複製時のみ接続するNAS').check();
    await shoot(page, 'backup-form');
    await form.getByRole('button', { name: '保存する' }).click();
    await page.getByTestId('saved').getByText('バックアップを追加しました。').waitFor();

    const added = page.getByTestId('backup').filter({ hasText: '予約システム' });
    await added.getByText('あり（複製時のみ接続するNAS）').waitFor();
    assert.equal(await added.getByTestId('warning').count(), 1);
    await added.getByText('「予約システム」のバックアップは、この1年の間に元に戻せること（復元）を確かめていません。').waitFor();

    await added.getByTestId('add-restore-test').click();
    const test = page.getByTestId('restore-test-form');
    await test.getByLabel('戻したもの').fill('先週分の予約データを事務室の端末に戻した');
    await test.getByLabel('かかった時間（分）').fill('25');
    await test.getByLabel('成功').check();
    await test.getByRole('button', { name: '保存する' }).click();
    await page.getByTestId('saved').getByText('復元テストを記録しました。').waitFor();
    const again = page.getByTestId('backup').filter({ hasText: '予約システム' });
    await again.getByTestId('restore-test').getByText('25分').waitFor();
    assert.equal(await again.getByTestId('warning').count(), 0);
    await shoot(page, 'backups-after');

    // The test took longer than first written: changed in place. A second, mistaken test is removed.
    await again.getByTestId('edit-restore-test').click();
    const edit = page.getByTestId('restore-test-form');
    await edit.getByRole('heading', { name: '復元テストの記録を変更' }).waitFor();
    assert.equal(await edit.getByLabel('かかった時間（分）').inputValue(), '25');
    await edit.getByLabel('かかった時間（分）').fill('40');
    await shoot(page, 'restore-test-edit');
    await edit.getByRole('button', { name: '保存する' }).click();
    await page.getByTestId('saved').getByText('復元テストの記録を保存しました。').waitFor();
    await page.getByTestId('backup').filter({ hasText: '予約システム' }).getByTestId('restore-test').getByText('40分').waitFor();
    await page.getByTestId('backup').filter({ hasText: '予約システム' }).getByTestId('add-restore-test').click();
    const mistaken = page.getByTestId('restore-test-form');
    await mistaken.getByLabel('戻したもの').fill('誤って記録');
    await mistaken.getByLabel('失敗').check();
    await mistaken.getByRole('button', { name: '保存する' }).click();
    await page.getByTestId('saved').getByText('復元テストを記録しました。').waitFor();
    const tests = page.getByTestId('backup').filter({ hasText: '予約システム' }).getByTestId('restore-test');
    assert.equal(await tests.count(), 2);
    await tests.filter({ hasText: '誤って記録' }).getByTestId('remove-restore-test').click();
    await page.getByTestId('remove-restore-test-confirm').getByRole('button', { name: '削除する' }).click();
    await page.getByTestId('saved').getByText('復元テストの記録を削除しました。').waitFor();
    assert.equal(await page.getByTestId('backup').filter({ hasText: '予約システム' }).getByTestId('restore-test').count(), 1);
  });

  it('records a drill: a future date is refused by the field, a past one accepted', async () => {
    const { page } = session;
    await session.open('/preparedness/drills');
    await page.getByTestId('drills-page').waitFor();
    assert.equal(await page.getByTestId('drill').count(), 1);
    await page.getByTestId('add-drill').click();
    const form = page.getByTestId('drill-form');
    await form.getByLabel('実施日').fill(japanDay(3));
    await form.getByLabel('想定した場面').selectOption({ label: '職員間で連絡が取れない' });
    await form.getByLabel('参加した人').fill('院長、看護師2名、受付');
    await form.getByLabel('うまくいかなかったこと').fill('院内の連絡網の紙が古かった');
    await form.getByLabel('その後の対応').fill('連絡網を印刷し直して受付に貼る');
    await form.getByRole('button', { name: '保存する' }).click();
    await form.locator('#held_on-error').getByText('未来の日付は入力できません。今日かそれより前の日付にしてください。').waitFor();
    assert.doesNotMatch(await form.innerText(), /future/);
    await shoot(page, 'drill-error');
    await form.getByLabel('実施日').fill(japanDay(-7));
    await form.getByRole('button', { name: '保存する' }).click();
    await page.getByTestId('saved').getByText('訓練を記録しました。').waitFor();
    assert.equal(await page.getByTestId('drill').count(), 2);
    await page.getByTestId('drill').first().getByText('職員間で連絡が取れない').waitFor();
  });

  it("opens the demo's closed incident", async () => {
    const { page } = session;
    await session.open('/preparedness/incidents');
    await page.getByTestId('incidents').getByRole('link', { name: '受付PCで不審なメールの添付ファイルを開いた' }).click();
    await page.getByTestId('incident-detail').waitFor();
    await page.getByTestId('incident-status').getByText('終了').waitFor();
    const checks = page.getByTestId('first-response').locator('input[type="checkbox"]');
    assert.equal(await checks.count(), 6);
    assert.equal(await page.getByTestId('first-response').locator('input:checked').count(), 5);
    assert.equal(await page.getByTestId('check-report_police').locator('input').isChecked(), false);
    assert.equal(await checks.first().isDisabled(), true, 'a closed incident is not changed');
    assert.equal(await page.getByTestId('event').count(), 5);
    await page.getByTestId('report').getByText('保健所').waitFor();
    await page.getByTestId('incident-facts').getByText('添付ファイルを開く前に送信元を確かめる。', { exact: false }).waitFor();
    assert.equal(await page.getByTestId('add-event').count(), 0);
    await shoot(page, 'incident');
  });

  it('records a new incident: first-response items, the timeline, a report, and closes it', async () => {
    const { page } = session;
    await session.open('/preparedness/incidents');
    await page.getByTestId('add-incident').click();
    const form = page.getByTestId('incident-form');
    await form.getByLabel('何が起きたか').fill('電子カルテの画面に身代金を求める表示が出た');
    await form.getByRole('button', { name: '記録を始める' }).click();
    await page.getByTestId('incident-detail').waitFor();
    await page.getByTestId('incident-status').getByText('対応中').waitFor();

    // What happened, made more precise while it is open.
    await page.getByTestId('edit-incident').click();
    const details = page.getByTestId('details-form');
    await details.getByLabel('何が起きたか').fill('電子カルテの画面に身代金を求める表示が出た（2台）');
    await details.getByLabel('概要').fill('受付と診察室の端末');
    await shoot(page, 'incident-details');
    await details.getByRole('button', { name: '保存する' }).click();
    await page.getByTestId('saved').getByText('記録を保存しました。').waitFor();
    await page.getByRole('heading', { level: 1, name: '電子カルテの画面に身代金を求める表示が出た（2台）' }).waitFor();
    await page.getByTestId('incident-facts').getByText('受付と診察室の端末').waitFor();

    // Ticking an item records who and when; the overview warns while items remain.
    await page.getByLabel('ネットワークから切り離す（LANケーブルを抜く・Wi-Fiを切る）').check();
    await page.getByTestId('check-disconnect_network').getByText('山田 花子（院長）').waitFor();
    assert.equal(await page.getByTestId('first-response').locator('input:checked').count(), 1);

    await page.getByTestId('add-event').click();
    const event = page.getByTestId('event-form');
    await event.getByLabel('できごと').selectOption({ label: 'ネットワークから切り離し' });
    await event.getByLabel('メモ').fill('受付と診察室のLANケーブルを抜いた');
    await event.getByRole('button', { name: '保存する' }).click();
    await page.getByTestId('saved').getByText('経過を追加しました。').waitFor();
    await page.getByTestId('timeline').getByText('受付と診察室のLANケーブルを抜いた').waitFor();

    await page.getByTestId('add-report').click();
    const report = page.getByTestId('report-form');
    await report.getByLabel('報告先').selectOption({ label: '警察' });
    await report.getByLabel('受付番号など').fill('相談受理番号 0000');
    await report.getByRole('button', { name: '保存する' }).click();
    await page.getByTestId('report').getByText('相談受理番号 0000', { exact: false }).waitFor();
    await shoot(page, 'incident-open');

    await session.open('/preparedness');
    const warning = page.locator('[data-code="incident_first_response_open"]');
    await warning.getByText('電子カルテの画面に身代金を求める表示が出た', { exact: false }).waitFor();
    await warning.getByRole('link', { name: '開く' }).click();
    await page.getByTestId('incident-detail').waitFor();

    await page.getByTestId('close-incident').click();
    const close = page.getByTestId('close-form');
    await close.getByLabel('教訓').fill('バックアップから戻す手順を確かめておく');
    await close.getByLabel('BCP確認表の項目').fill('5-2, 3-1');
    await close.getByRole('button', { name: '対応を終了する' }).click();
    await page.getByTestId('saved').getByText('対応を終了しました。').waitFor();
    await page.getByTestId('incident-status').getByText('終了').waitFor();
    await page.getByTestId('incident-facts').getByText('5-2、3-1').waitFor();
    assert.equal(await page.getByTestId('add-event').count(), 0);
    assert.equal(await page.getByTestId('edit-incident').count(), 0, 'a closed record keeps what happened');

    // A test record made by mistake is removed: it leaves the list.
    await session.open('/preparedness/incidents');
    await page.getByTestId('add-incident').click();
    await page.getByTestId('incident-form').getByLabel('何が起きたか').fill('操作の練習');
    await page.getByTestId('incident-form').getByRole('button', { name: '記録を始める' }).click();
    await page.getByTestId('incident-detail').waitFor();
    await page.getByTestId('remove-incident').click();
    await page.getByTestId('remove-incident-confirm').getByRole('button', { name: '削除する' }).click();
    await page.getByTestId('incidents').waitFor();
    assert.equal(await page.getByTestId('incidents').getByText('操作の練習').count(), 0);
    await page.getByTestId('incidents').getByText('電子カルテの画面に身代金を求める表示が出た（2台）').waitFor();
  });

  it('answers the BCP 確認表 and downloads the contact chart PDF and the draft BCP', async () => {
    const { page } = session;
    await page.setViewportSize({ width: 1280, height: 800 });
    await session.open('/preparedness');
    // The demo answers three of the seven rows the data has.
    const counts = page.getByTestId('counts');
    await counts.getByText('7項目のうち 3項目に回答済み').waitFor();
    await counts.getByRole('link', { name: 'BCP確認表' }).click();
    await page.getByTestId('bcp-page').waitFor();
    assert.equal(await page.getByTestId('bcp-phase').count(), 5);
    await page.locator('[data-phase="2"]').getByText('この段階の確認項目は、まだ収録していません。', { exact: false }).waitFor();
    assert.equal(await page.locator('[data-row="5-2"]').getByLabel('対応済', { exact: true }).isChecked(), true);
    assert.equal(await page.locator('[data-row="5-5"]').getByLabel('未対応', { exact: true }).isChecked(), true);
    await page.locator('[data-row="1-1"]').getByText('確認済み').waitFor();
    const text = await page.getByTestId('bcp-page').innerText();
    assert.doesNotMatch(text, /not_done|not_applicable|Know all servers|\bV\b|\bS\b/);

    const row = page.locator('[data-row="1-1"]');
    assert.equal(await row.getByLabel('対応済', { exact: true }).isChecked(), false);
    await row.getByLabel('対応済', { exact: true }).check();
    await row.getByLabel('メモ').fill('機器の一覧と全体構成図を事務室の棚で保管している');
    await row.getByLabel('根拠資料').fill('機器台帳（2026年版）');
    await row.getByRole('button', { name: 'この項目を保存する' }).click();
    await row.getByTestId('bcp-saved').getByText('1-1の回答を保存しました。').waitFor();
    await row.getByTestId('bcp-updated').getByText('山田 花子', { exact: false }).waitFor();
    await shoot(page, 'bcp');

    // Someone else answers 5-6 first: the page's answer, made from the older version, is refused in Japanese.
    const other = new ApiClient(new URL(session.baseUrl));
    await other.login('sakura@demo.example', 'sakura-demo-pass');
    await other.expectOk('PUT', '/api/v1/preparedness/bcp/5-6', { version: 0, status: 'not_applicable', note: '', evidence: '' });
    const stale = page.locator('[data-row="5-6"]');
    await stale.getByLabel('対応済', { exact: true }).check();
    await stale.getByRole('button', { name: 'この項目を保存する' }).click();
    await stale.getByTestId('form-problem').getByText('ほかの方が先に変更しました。画面を開き直して、最新の内容から変更してください。').waitFor();

    await page.reload();
    await page.getByTestId('bcp-page').waitFor();
    const kept = page.locator('[data-row="1-1"]');
    assert.equal(await kept.getByLabel('対応済', { exact: true }).isChecked(), true);
    assert.equal(await kept.getByLabel('メモ').inputValue(), '機器の一覧と全体構成図を事務室の棚で保管している');
    assert.equal(await kept.getByLabel('根拠資料').inputValue(), '機器台帳（2026年版）');
    assert.equal(await page.locator('[data-row="5-6"]').getByLabel('該当なし', { exact: true }).isChecked(), true);

    // The contact chart for printing and the draft BCP, through the pages' links.
    const fetched = async (testId) => {
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId(testId).click()]);
      return readFile(await download.path());
    };
    await session.open('/preparedness/contacts');
    await page.getByTestId('contact-chart').waitFor();
    await page.getByTestId('chart-documents').getByRole('link', { name: '印刷用の連絡体制図（PDF）' }).waitFor();
    await page.getByTestId('chart-documents').getByRole('link', { name: '一覧（CSV）' }).waitFor();
    const pdf = await fetched('chart-pdf');
    assert.equal(pdf.subarray(0, 4).toString('latin1'), '%PDF');
    assert.ok(pdf.length > 2000, `the chart PDF has ${pdf.length} bytes`);
    await session.open('/preparedness');
    await page.getByTestId('draft-bcp').getByText('これまでの記録から作ったBCPの下書き（案）です。', { exact: false }).waitFor();
    const docx = await fetched('draft-bcp-docx');
    assert.equal(docx.subarray(0, 2).toString('latin1'), 'PK');
    assert.ok(docx.length > 2000, `the draft BCP has ${docx.length} bytes`);
    await page.getByTestId('counts').getByText('7項目のうち 5項目に回答済み').waitFor();
    // The backups with their restore tests, for printing (kept beside the screenshots to be looked at).
    await session.open('/preparedness/backups');
    const backups = await fetched('backups-pdf');
    assert.equal(backups.subarray(0, 4).toString('latin1'), '%PDF');
    await writeFile(join(screenshotDir, 'preparedness-backups.pdf'), backups);
  });

  it("the hospital's checklist shows its backups beside 3-② and attaches their record with one click", async () => {
    const { baseUrl } = session;
    const hospital = await session.newBrowser();
    await hospital.page.setViewportSize({ width: 1280, height: 800 });
    await loginInPage(hospital.page, baseUrl, 'hospital@demo.example', 'hospital-demo-pass');
    await hospital.page.waitForURL((url) => url.pathname === '/');
    const assessmentId = await draftAssessmentId(hospital.page);
    // 3-② (IR-02) is the sixteenth item of the R7 form.
    await hospital.open(`/assessments/${assessmentId}/wizard/16`);
    const facts = hospital.page.getByTestId('preparedness-facts');
    await facts.getByText('登録されたバックアップ: 2件（オフライン保管なし 1件、この12か月に成功した復元テストなし 1件）').waitFor();
    await hospital.page.getByRole('button', { name: 'はい', exact: true }).click();
    const warnings = hospital.page.getByTestId('preparedness-warnings');
    await warnings.getByText('「はい」と回答していますが、オフライン保管のないバックアップが1件あります。').waitFor();
    await warnings.getByText('この12か月に復元テストが成功していないバックアップが1件あります。', { exact: false }).waitFor();
    assert.doesNotMatch(await hospital.page.getByTestId('preparedness-context').innerText(), /_though_|IR-0/);

    await hospital.page.getByTestId('evidence-paper').click();
    const evidence = hospital.page.getByTestId('evidence-item').filter({ hasText: 'バックアップと復元テストの記録.pdf' });
    await evidence.waitFor();
    const href = await evidence.getByRole('link').getAttribute('href');
    const pdf = await hospital.page.evaluate(async (url) => {
      const response = await fetch(url);
      return { status: response.status, type: response.headers.get('content-type'), head: (await response.text()).slice(0, 5) };
    }, href);
    assert.deepEqual(pdf, { status: 200, type: 'application/pdf', head: '%PDF-' });
    await shoot(hospital.page, 'checklist-3-2');

    // 3-③ in English once: the facts and the button in English.
    await hospital.open(`/assessments/${assessmentId}/wizard/17`);
    await hospital.page.getByRole('button', { name: 'English' }).click();
    await hospital.page.getByTestId('preparedness-facts').getByText('BCP checklist (', { exact: false }).waitFor();
    await hospital.page.getByTestId('evidence-paper').getByText('Attach the draft BCP (PDF)').waitFor();
    await shoot(hospital.page, 'checklist-3-3-en');
    await hospital.page.getByRole('button', { name: '日本語' }).click();
  });

  it('a viewer of the clinic reads the records without edit buttons; the health centre reads the reported incident', async () => {
    const { baseUrl } = session;
    const admin = new ApiClient(new URL(baseUrl));
    const me = await admin.login('sakura@demo.example', 'sakura-demo-pass');
    const invitation = await admin.expectOk('POST', `/api/v1/organisations/${me.organisation_id}/invitations`, {
      display_name: '受付 閲覧',
      login: 'viewer@sakura.example',
      roles: ['viewer'],
    });
    const password = 'viewer of the clinic 2026';
    await new ApiClient(new URL(baseUrl)).expectOk('POST', '/api/v1/invitations/accept', { code: invitation.code, password });

    const viewer = await session.newBrowser();
    await viewer.page.setViewportSize({ width: 1280, height: 800 });
    await loginInPage(viewer.page, baseUrl, 'viewer@sakura.example', password);
    await viewer.open('/preparedness/contacts');
    await viewer.page.getByTestId('contact-chart').waitFor();
    await viewer.page.getByTestId('read-only').waitFor();
    assert.ok((await viewer.page.getByTestId('contact').count()) > 5);
    for (const button of ['edit-contact', 'remove-contact', 'add-internal', 'add-vendor', 'add-external', 'record-review'])
      assert.equal(await viewer.page.getByTestId(button).count(), 0, `a viewer sees no ${button}`);
    await viewer.open('/preparedness/backups');
    await viewer.page.getByTestId('backups-page').waitFor();
    for (const button of ['add-backup', 'edit-backup', 'remove-backup', 'add-restore-test'])
      assert.equal(await viewer.page.getByTestId(button).count(), 0, `a viewer sees no ${button}`);
    // The English pages once: labels in English, the clinic's own words marked as Japanese.
    await viewer.page.getByRole('button', { name: 'English' }).click();
    await viewer.page.getByRole('heading', { level: 1, name: 'Backups' }).waitFor();
    await viewer.page.getByTestId('backup').filter({ hasText: 'レセコン' }).getByText('has no copy kept off the network', { exact: false }).waitFor();
    await shoot(viewer.page, 'backups-en');
    await viewer.open('/preparedness');
    await viewer.page.getByTestId('first-pass').waitFor();
    await shoot(viewer.page, 'overview-en');
    await viewer.open('/preparedness/bcp');
    await viewer.page.getByTestId('bcp-page').waitFor();
    await shoot(viewer.page, 'bcp-en');
    await viewer.page.getByRole('button', { name: '日本語' }).click();
    await viewer.page.waitForFunction(() => document.documentElement.lang === 'ja');
    await viewer.open('/preparedness/bcp');
    await viewer.page.getByTestId('bcp-page').waitFor();
    await viewer.page.getByTestId('read-only').waitFor();
    assert.equal(await viewer.page.locator('[data-testid="bcp-page"] input').count(), 0, 'a viewer gets no answer form');
    await viewer.page.locator('[data-row="1-1"]').getByTestId('bcp-answer').getByText('対応済', { exact: true }).waitFor();
    await shoot(viewer.page, 'viewer-bcp');
    await viewer.open('/preparedness/drills');
    await viewer.page.getByTestId('drills-page').waitFor();
    assert.equal(await viewer.page.getByTestId('add-drill').count(), 0);
    await shoot(viewer.page, 'viewer-drills');

    const inspector = await session.newBrowser();
    await inspector.page.setViewportSize({ width: 1280, height: 800 });
    await loginInPage(inspector.page, baseUrl, 'hokenjo@demo.example', 'hokenjo-demo-pass');
    await inspector.page.getByRole('navigation', { name: 'メインメニュー' }).getByRole('link', { name: '報告されたインシデント' }).click();
    await inspector.page.getByTestId('incidents').waitFor();
    assert.equal(await inspector.page.getByTestId('incident-row').count(), 1, 'only the incident reported to the health centre');
    await inspector.page.getByTestId('incident-institution').getByText('さくら内科クリニック').waitFor();
    await inspector.page.getByTestId('incidents').getByRole('link', { name: '受付PCで不審なメールの添付ファイルを開いた' }).click();
    await inspector.page.getByTestId('incident-detail').waitFor();
    await inspector.page.getByTestId('incident-institution').getByText('さくら内科クリニック').waitFor();
    assert.equal(await inspector.page.locator('input[type="checkbox"]:enabled').count(), 0);
    await inspector.page.getByTestId('read-only').waitFor();
    assert.equal(await inspector.page.getByTestId('add-report').count(), 0);
    await shoot(inspector.page, 'inspector-incident');
  });
});
