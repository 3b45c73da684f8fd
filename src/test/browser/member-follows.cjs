// The member again, on the phone: signs in with a new code, finds the claim paid, asks online for
// the review of another claim's rejection (a missing reason first), and the office's mailbox
// shows every message the member was sent.
const { check, env, runInBrowser, signInToWorkbench } = require('./browser.cjs');

const base = env('BASE_URL');
const shots = env('SCREENSHOTS');

async function mailbox(admin, kind) {
  await admin.goto(base + '/admin/mailbox');
  await admin.click('#to');
  await admin.keyboard.type(env('MOBILE_MASKED'));
  await admin.selectOption('#kind', kind);
  await Promise.all([admin.waitForNavigation(), admin.click('form.search button[type=submit]')]);
}

runInBrowser(async browser => {
  const phone = await browser.newContext({ viewport: { width: 375, height: 812 }, locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai', isMobile: true, hasTouch: true });
  const page = await phone.newPage();
  const office = await browser.newContext({ locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  const admin = await signInToWorkbench(await office.newPage(), 'admin', 'demo');

  await page.goto(base + '/m/login');
  await page.click('#idNumber');
  await page.keyboard.type(env('ID_NUMBER'));
  await page.click('button[data-action=send-code]');
  await page.locator('.notice').waitFor();
  await mailbox(admin, 'SIGN_IN_CODE');
  const text = await admin.locator('tr[data-message-id] td[data-mailbox=text]').first().innerText();
  const code = /\d{6}/.exec(text);
  check(code, 'no sign-in code in the mailbox: ' + text);
  await page.click('#code');
  await page.keyboard.type(code[0]);
  await Promise.all([page.waitForURL('**/m/'), page.click('button[data-action=sign-in]')]);

  await page.click('a[href$="/m/claims/' + env('PAID_CLAIM') + '"]');
  console.log('paid status: ' + await page.textContent('[data-claim=status]'));
  console.log('payments: ' + (await page.locator('ul.cards li.card').allInnerTexts()).map(t => t.replace(/\s+/g, ' ')).join(' | '));
  await page.screenshot({ path: shots + '7-paid.png', fullPage: true });

  await page.goto(base + '/m/');
  await page.click('a[href$="/m/claims/' + env('REJECTED_CLAIM') + '"]');
  console.log('rejected: ' + (await page.textContent('[data-claim=review]')).replace(/\s+/g, ' '));
  await Promise.all([page.waitForNavigation(), page.click('button[data-action=ask-review]')]);
  console.log('review error: ' + await page.textContent('[data-claim=review] .error'));
  await page.click('#reason');
  await page.keyboard.type('出院小结日期系医院笔误，已由医院更正盖章');
  await page.selectOption('#review-kind', 'DISCHARGE_SUMMARY');
  const [dialog] = await Promise.all([page.waitForEvent('filechooser'), page.click('#review-file')]);
  await dialog.setFiles(env('PHOTO'));
  await Promise.all([page.waitForNavigation(), page.click('button[data-action=ask-review]')]);
  console.log('review notice: ' + await page.textContent('.notice'));
  console.log('review status: ' + await page.textContent('[data-claim=status]'));
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  check(width <= 375, 'the claim page is wider than the phone: ' + width);
  await page.screenshot({ path: shots + '8-review-asked.png', fullPage: true });

  await mailbox(admin, '');
  console.log('mailbox: ' + (await admin.locator('tr[data-message-id] td[data-mailbox=kind] code').allInnerTexts()).join(','));
  await admin.screenshot({ path: shots + '9-mailbox.png', fullPage: true });
  await phone.close();
  await office.close();
});
