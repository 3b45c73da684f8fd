// Finance at the workbench: signs in by typing, finds the paid claim in its batch, reads the
// batch's reconciliation, downloads the CSV, records a contribution after fixing a typo, and
// reads the fund. Run by FinanceBrowserTest; prints what it found for the Java side to check.
'use strict';

const fs = require('fs');
const { check, desktopPage, signInToWorkbench, watchProblems, runInBrowser } = require('./browser.cjs');

const shot = (name) => process.env.SCREENSHOTS + '/workbench-finance-' + name + '.png';

runInBrowser(async (browser) => {
  const page = await desktopPage(browser);
  const problems = watchProblems(page);

  await signInToWorkbench(page, 'finance', 'demo');
  console.log('menu: ' + (await page.locator('nav.menu a').allInnerTexts()).join('|'));
  console.log('figures: ' + (await page.locator('a.figure').allInnerTexts()).map(t => t.replace(/\s+/g, ' ')).join('|'));
  await page.screenshot({ path: shot('home'), fullPage: true });

  await Promise.all([page.waitForNavigation(), page.click('nav.menu a:has-text("付款批次")')]);
  await Promise.all([page.waitForNavigation(), page.click('table.batches a:has-text("' + process.env.BATCH_FILE + '")')]);
  console.log('batch heading: ' + await page.locator('h1').innerText());
  const line = page.locator('table.lines tr[data-claim="' + process.env.CLAIM + '"]');
  console.log('batch line: ' + (await line.innerText()).replace(/\s+/g, ' '));
  await page.screenshot({ path: shot('batch'), fullPage: true });
  const [lines] = await Promise.all([page.waitForEvent('download'), page.click('p.downloads a:has-text("Excel")')]);
  const xlsx = fs.readFileSync(await lines.path());
  console.log('lines file: ' + lines.suggestedFilename() + ' zip ' + (xlsx.subarray(0, 2).toString() === 'PK'));

  await Promise.all([page.waitForNavigation(), page.click('a:has-text("对账明细")')]);
  console.log('reconciliation scope: ' + await page.locator('main h2').first().innerText());
  console.log('reconciliation summary: ' + (await page.locator('table.summary').innerText()).replace(/\s+/g, ' '));
  await page.screenshot({ path: shot('reconciliation'), fullPage: true });
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('a[download]')]);
  const csv = fs.readFileSync(await download.path(), 'utf8');
  console.log('csv file: ' + download.suggestedFilename());
  console.log('csv bom: ' + (csv.charCodeAt(0) === 0xFEFF));
  console.log('csv line: ' + csv.split('\n').find(l => l.startsWith(process.env.BATCH_FILE + ',')));

  await Promise.all([page.waitForNavigation(), page.click('nav.menu a:has-text("缴费与补贴")')]);
  await page.click('input[name=kind][value=UNIT]');
  await page.selectOption('#scheme', 'INPATIENT');
  await page.fill('#schemeYear', process.env.YEAR);
  await page.fill('#unitCode', 'DEMO-U2');
  await page.fill('#members', '八十');
  await page.fill('#perMember', '60');
  await page.fill('#note', process.env.NOTE);
  const [refused] = await Promise.all([page.waitForNavigation(), page.click('form.contribution button[type=submit]')]);
  check(refused.status() === 400, 'a form with a typo answers ' + refused.status());
  console.log('typo: ' + await page.locator('.field.invalid .error').allInnerTexts());
  check(await page.inputValue('#unitCode') === 'DEMO-U2', 'the typed unit code is gone');
  await page.screenshot({ path: shot('contribution-typo'), fullPage: true });
  await page.fill('#members', '80');
  await Promise.all([page.waitForNavigation(), page.click('form.contribution button[type=submit]')]);
  console.log('notice: ' + await page.locator('.notice').innerText());
  console.log('recorded: ' + (await page.locator('table.contributions tbody tr').first().innerText()).replace(/\s+/g, ' '));
  await Promise.all([page.waitForNavigation(), page.click('.notice a:has-text("打印收据")')]);
  console.log('receipt: ' + (await page.locator('article.receipt').innerText()).replace(/\s+/g, ' '));
  await page.screenshot({ path: shot('receipt'), fullPage: true });

  await Promise.all([page.waitForNavigation(), page.click('nav.menu a:has-text("基金结余")')]);
  const fund = page.locator('table.fund tr[data-scheme="INPATIENT"][data-year="' + process.env.YEAR + '"]');
  console.log('fund row: ' + (await fund.innerText()).replace(/\s+/g, ' '));
  await page.screenshot({ path: shot('fund'), fullPage: true });
  check(problems.length === 0, 'errors on the pages: ' + problems.join('; '));
  console.log('done');
});
