// A clerk at the counter, by clicking and typing: registers a unit and a member (a wrong check
// character first), enrols the member, takes a claim in with the admission typed in 2019 — the
// pre-check preview says it would be refused — uploads a photo of the invoice, whose QR code
// fills the invoice row, fixes the date, reviews, confirms with a double click, and prints the receipt. Run by ClaimIntakeBrowserTest; prints what it found.
'use strict';

const { check, launch, desktopPage, signInToWorkbench } = require('./browser.cjs');

const env = name => {
  const value = process.env[name];
  if (!value) throw new Error('missing environment variable ' + name);
  return value;
};
const shot = name => env('SCREENSHOTS') + name + '.png';

async function clickAndWait(page, selector) {
  await Promise.all([page.waitForNavigation(), page.click(selector)]);
}

async function typeInto(page, selector, text) {
  await page.click(selector);
  await page.keyboard.type(text);
}

(async () => {
  const browser = await launch();
  try {
    const page = await desktopPage(browser);
    const problems = [];
    page.on('pageerror', e => problems.push(e.message));
    // a form sent with a mistake answers 400 on purpose (the member's wrong check character): not a fault
    page.on('console', m => {
      if (m.type() === 'error' && !m.text().includes('status of 400')) problems.push(m.text());
    });

    await signInToWorkbench(page, env('HUZHU_USER'), env('HUZHU_PASSWORD'));
    console.log('shortcuts: ' + (await page.locator('ul.shortcuts a').allInnerTexts()).join('|'));
    console.log('figures: ' + (await page.locator('a.figure').allInnerTexts()).map(t => t.replace(/\s+/g, ' ')).join('|'));
    await page.screenshot({ path: shot('home'), fullPage: true });

    // a new unit, then its member: the first try with a wrong check character
    await clickAndWait(page, 'nav.menu a:has-text("登记单位")');
    await typeInto(page, '#code', env('UNIT_CODE'));
    await typeInto(page, '#name', '安阳钢铁厂');
    await clickAndWait(page, 'main form button[type=submit]');
    console.log('unit notice: ' + await page.locator('.notice').innerText());
    await typeInto(page, '#idNumber', env('ID_TYPO'));
    await typeInto(page, '#name', '王秀英');
    await clickAndWait(page, 'main form button[type=submit]');
    console.log('id error: ' + await page.locator('#error-idNumber').innerText());
    await page.screenshot({ path: shot('member-error'), fullPage: true });
    await page.fill('#idNumber', '');
    await typeInto(page, '#idNumber', env('ID_NUMBER'));
    check(await page.inputValue('#name') === '王秀英', 'the name typed before is not kept');
    await clickAndWait(page, 'main form button[type=submit]');
    console.log('member: ' + (await page.locator('dl.facts').innerText()).replace(/\s+/g, ' '));

    await clickAndWait(page, 'main a:has-text("办理参保")');
    await page.selectOption('#scheme', 'INPATIENT');
    await typeInto(page, '#validFrom', env('VALID_FROM'));
    await typeInto(page, '#validTo', env('VALID_TO'));
    await clickAndWait(page, 'main form button[type=submit]');
    console.log('enrolments: ' + (await page.locator('table.list tbody').innerText()).replace(/\s+/g, ' '));

    // the claim: the member's page leads to the form with the ID number in it
    await clickAndWait(page, 'main a:has-text("受理申请")');
    console.log('member check: ' + (await page.locator('#member-check').innerText()).replace(/\s+/g, ' '));
    await page.selectOption('#scheme', 'INPATIENT');
    await typeInto(page, '#admissionDate', env('ADMISSION_TYPO'));
    await typeInto(page, '#dischargeDate', env('DISCHARGE'));
    await typeInto(page, '#hospital', '安阳市人民医院');
    await typeInto(page, '#diagnosis', '社区获得性肺炎');
    await typeInto(page, 'input[name="expenses.total"]', '40000.00');
    await typeInto(page, 'input[name="expenses.policyScope"]', '30000.00');
    await typeInto(page, 'input[name="expenses.fundPaid"]', '15946.00');
    await typeInto(page, 'input[name="expenses.criticalIllnessPaid"]', '0');
    await typeInto(page, 'input[name="expenses.medicalAssistancePaid"]', '0');
    // the invoice as a phone photo: chosen in the file dialog, uploaded; its QR code fills the invoice row
    await page.selectOption('#paperKind', 'INVOICE');
    const [dialog] = await Promise.all([page.waitForEvent('filechooser'), page.click('#paperFile')]);
    await dialog.setFiles(env('INVOICE_PHOTO'));
    await clickAndWait(page, 'button:has-text("上传文件")');
    console.log('upload notice: ' + await page.locator('p.notice').innerText());
    console.log('staged: ' + (await page.locator('ul.staged-files').innerText()).replace(/\s+/g, ' '));
    console.log('invoice row: ' + await page.inputValue('input[name=invoiceCode] >> nth=0') + '-'
        + await page.inputValue('input[name=invoiceNumber] >> nth=0'));
    check(await page.inputValue('#hospital') === '安阳市人民医院', 'the hospital typed before the upload is lost');
    check(await page.inputValue('input[name="expenses.fundPaid"]') === '15946.00', 'the amounts typed before the upload are lost');
    await page.screenshot({ path: shot('upload'), fullPage: true });
    for (const label of ['费用清单', '出院小结', '医保结算单', '身份证', '银行卡']) {
      await page.click('.paper-kinds label:has-text("' + label + '")');
    }
    await typeInto(page, '#bankName', '中国工商银行');
    await typeInto(page, '#accountNumber', '6222021234567890128');
    await typeInto(page, '#accountName', '王秀英');
    const verdict = page.locator('#preview section.verdict');
    await verdict.getByText('将被拒绝').waitFor({ timeout: 10000 });
    console.log('typo verdict: ' + (await verdict.innerText()).replace(/\s+/g, ' '));
    console.log('typo quote: ' + (await page.locator('#preview section.quote').innerText()).replace(/\s+/g, ' '));
    await page.screenshot({ path: shot('precheck'), fullPage: true });

    // the clerk sees the verdict, selects the year in the date and types it again
    await page.dblclick('#admissionDate');
    await page.keyboard.press('Control+A');
    await page.keyboard.type(env('ADMISSION'));
    await verdict.getByText('可以受理').waitFor({ timeout: 10000 });
    await page.locator('#preview section.quote .amount').waitFor();
    console.log('fixed verdict: ' + (await verdict.innerText()).replace(/\s+/g, ' '));
    console.log('fixed quote: ' + (await page.locator('#preview .amount').innerText()).replace(/\s+/g, ' '));
    await page.screenshot({ path: shot('intake'), fullPage: true });

    await clickAndWait(page, '.actions button:has-text("核对并提交")');
    console.log('confirm: ' + (await page.locator('h1').innerText()));
    await page.screenshot({ path: shot('confirm'), fullPage: true });
    // two clicks on the button, as an impatient clerk gives them: one claim
    await Promise.all([page.waitForURL(/\/receipt$/), page.dblclick('button:has-text("确认提交")')]);
    await page.waitForLoadState();
    console.log('receipt number: ' + await page.locator('article.receipt .number strong').innerText());
    console.log('receipt: ' + (await page.locator('article.receipt').innerText()).replace(/\s+/g, ' '));
    await page.screenshot({ path: shot('receipt-page'), fullPage: true });
    await page.click('button[data-print]');
    await page.emulateMedia({ media: 'print' });
    check(await page.locator('nav.menu').isHidden(), 'the menu is printed with the receipt');
    check(await page.locator('button[data-print]').isHidden(), 'the print button is printed with the receipt');
    await page.screenshot({ path: shot('receipt'), fullPage: true });
    await page.emulateMedia({ media: 'screen' });

    // later the member phones: the clerk finds the claim in 申请查询 by name and status
    await clickAndWait(page, 'nav.menu a:has-text("申请查询")');
    await page.fill('#who', '王秀英');
    await page.selectOption('#status', { label: '代办点审核中' });
    await clickAndWait(page, '.claim-filter button:has-text("查询")');
    console.log('claims found: ' + (await page.locator('table.claims tbody tr').allInnerTexts())
      .map(t => t.replace(/\s+/g, ' ')).join(' | '));
    await page.screenshot({ path: shot('claims-list'), fullPage: true });
    check(problems.length === 0, 'errors on the pages: ' + problems.join('; '));
    console.log('printed');
  } finally {
    await browser.close();
  }
})().catch(e => {
  console.log('FAILED: ' + e.message);
  process.exit(1);
});
