// A member on a phone (375x812): signs in with the code sent to their number, claims online with a
// photo of the invoice (tapped twice: one claim), sees which papers are missing and sends them from the claim's page.
const { check, env, runInBrowser } = require('./browser.cjs');
const { phoneAndOffice, signInByCode, choose } = require('./member-phone.cjs');

const base = env('BASE_URL');
const shots = env('SCREENSHOTS');

runInBrowser(async browser => {
  const { phone, office, page, admin } = await phoneAndOffice(browser);
  console.log('sent: ' + await signInByCode(page, admin));
  console.log('home: ' + (await page.textContent('main')).replace(/\s+/g, ' '));
  await page.screenshot({ path: shots + '2-home.png', fullPage: true });
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  check(width <= 375, 'the home page is wider than the phone: ' + width);

  await page.click('text=申请补助');
  await page.selectOption('#scheme', 'INPATIENT');
  const fields = { admissionDate: env('ADMISSION'), dischargeDate: env('DISCHARGE'), hospital: '安阳市人民医院',
    diagnosis: '社区获得性肺炎', 'expenses.total': '20000.00', 'expenses.policyScope': '15000.00',
    'expenses.fundPaid': '9000.00', 'expenses.criticalIllnessPaid': '0', 'expenses.medicalAssistancePaid': '0',
    'invoice.code': '410001', 'invoice.number': env('INVOICE'), 'bankAccount.bankName': '中国工商银行',
    'bankAccount.accountNumber': '6222021234567890128' };
  for (const [field, value] of Object.entries(fields)) {
    await page.click('[id="' + field + '"]');
    await page.keyboard.type(value);
  }
  await choose(page, '[id="paper.INVOICE"]', env('PHOTO'));
  await page.screenshot({ path: shots + '3-claim-form.png', fullPage: true });
  // an impatient double tap: the form goes once, and the button says it is on its way
  await Promise.all([page.waitForNavigation(), page.dblclick('form button[type=submit].primary')]);
  if (!page.url().endsWith('/receipt')) {
    await page.screenshot({ path: shots + '3-refused.png', fullPage: true });
    check(false, 'the claim was refused: ' + (await page.locator('.error').allTextContents()).join(' | '));
  }
  console.log('receipt: ' + (await page.textContent('main')).replace(/\s+/g, ' '));
  await page.screenshot({ path: shots + '4-receipt.png', fullPage: true });

  await page.click('text=查看申请进度');
  console.log('missing: ' + (await page.locator('[data-claim=missing] li').allTextContents()).join('、'));
  await page.screenshot({ path: shots + '5-missing.png', fullPage: true });
  for (const kind of env('LATER').split(',')) {
    await choose(page, '[id="paper.' + kind + '"]', env('PHOTO'));
  }
  await page.click('[data-claim=missing] button[type=submit]');
  await page.waitForSelector('.notice');
  console.log('supplied: ' + await page.textContent('.notice'));
  console.log('status: ' + await page.textContent('[data-claim=status]'));
  await page.screenshot({ path: shots + '6-supplied.png', fullPage: true });
  await phone.close();
  await office.close();
});
