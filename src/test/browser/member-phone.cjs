// What the members' browser tests share: a phone and the office's browser beside it, the demo
// mailbox (开发信箱) that stands in for the member's SMS, and the file dialog.
const { check, env, signInToWorkbench } = require('./browser.cjs');

/** A 375x812 phone for the member, and an admin signed in to the workbench in a browser of their own. */
async function phoneAndOffice(browser) {
  const phone = await browser.newContext({ viewport: { width: 375, height: 812 }, locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai', isMobile: true, hasTouch: true });
  const office = await browser.newContext({ locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  const admin = await signInToWorkbench(await office.newPage(), 'admin', 'demo');
  return { phone, office, page: await phone.newPage(), admin };
}

/** The mailbox filtered by the member's masked number (MOBILE_MASKED) and a kind ('' for all). */
async function mailbox(admin, kind) {
  await admin.goto(env('BASE_URL') + '/admin/mailbox');
  await admin.click('#to');
  await admin.keyboard.type(env('MOBILE_MASKED'));
  await admin.selectOption('#kind', kind);
  await Promise.all([admin.waitForNavigation(), admin.click('form.search button[type=submit]')]);
}

/** Asks for a code at /m/login and types it as the member reads it off the mailbox; answers the notice shown. */
async function signInByCode(page, admin) {
  await page.goto(env('BASE_URL') + '/m/login');
  await page.click('#idNumber');
  await page.keyboard.type(env('ID_NUMBER'));
  await page.click('button[data-action=send-code]');
  const sent = await page.textContent('.notice');
  await mailbox(admin, 'SIGN_IN_CODE');
  const text = await admin.locator('tr[data-message-id] td[data-mailbox=text]').first().innerText();
  const code = /\d{6}/.exec(text);
  check(code, 'no sign-in code in the mailbox: ' + text);
  await page.click('#code');
  await page.keyboard.type(code[0]);
  await Promise.all([page.waitForURL('**/m/'), page.click('button[data-action=sign-in]')]);
  return sent;
}

/** Picks a file through the page's file dialog, as a person taps the field and chooses a photo. */
async function choose(page, selector, file) {
  const [dialog] = await Promise.all([page.waitForEvent('filechooser'), page.click(selector)]);
  await dialog.setFiles(file);
}

module.exports = { phoneAndOffice, mailbox, signInByCode, choose };
