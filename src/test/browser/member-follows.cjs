// The member again, on the phone: signs in with a new code, finds the claim paid, asks online for
// the review of another claim's rejection (a missing reason first), and the office's mailbox
// shows every message the member was sent.
const { check, env, runInBrowser } = require('./browser.cjs');
const { phoneAndOffice, mailbox, signInByCode, choose } = require('./member-phone.cjs');

const base = env('BASE_URL');
const shots = env('SCREENSHOTS');

runInBrowser(async browser => {
  const { phone, office, page, admin } = await phoneAndOffice(browser);
  await signInByCode(page, admin);

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
  await choose(page, '#review-file', env('PHOTO'));
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
