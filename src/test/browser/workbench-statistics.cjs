// A supervisor at 统计: types a year wrongly and is told, then asks for one agency's scheme year,
// reads the figures, and downloads the workbook and the file of the claims past their deadline
// from the dashboard. Run by StatisticsBrowserTest; prints what it found for the Java side.
'use strict';

const fs = require('fs');
const path = require('path');
const { check, desktopPage, signInToWorkbench, watchProblems, runInBrowser } = require('./browser.cjs');

const shot = (name) => process.env.SCREENSHOTS + '/workbench-statistics-' + name + '.png';

runInBrowser(async (browser) => {
  const page = await desktopPage(browser);
  const problems = watchProblems(page);

  await signInToWorkbench(page, 'supervisor', 'demo');
  await Promise.all([page.waitForNavigation(), page.click('nav.menu a:has-text("统计")')]);
  await page.selectOption('select[name=scheme]', 'INPATIENT');
  await page.fill('input[name=year]', '二〇二六');
  const [refused] = await Promise.all([page.waitForNavigation(), page.click('form.statistics-filter button[type=submit]')]);
  console.log('typo status: ' + refused.status());
  console.log('typo: ' + (await page.locator('.errors').innerText()).replace(/\s+/g, ' '));
  problems.length = 0; // the 400 of the typo is the page's answer, not a fault

  await page.fill('input[name=year]', process.env.YEAR);
  await page.selectOption('select[name=agency]', process.env.AGENCY);
  await Promise.all([page.waitForNavigation(), page.click('form.statistics-filter button[type=submit]')]);
  console.log('headline: ' + await page.locator('.headline-text').innerText());
  for (const id of ['membersEnrolled', 'claimsSubmitted', 'claimsPaid', 'amountPaid']) {
    console.log(id + ': ' + await page.locator('#' + id).innerText());
  }
  await page.screenshot({ path: shot('agency-year'), fullPage: true });

  const [workbook] = await Promise.all([page.waitForEvent('download'),
    page.click('p.downloads a:has-text("Excel")')]);
  const saved = path.join(process.env.SCREENSHOTS, 'workbench-statistics.xlsx');
  await workbook.saveAs(saved);
  console.log('workbook: ' + workbook.suggestedFilename() + ' saved ' + saved);

  await page.goto(process.env.BASE_URL + '/sla');
  await page.waitForSelector('#breached tbody tr, #breached ~ p.empty:not([hidden])');
  const [overdue] = await Promise.all([page.waitForEvent('download'),
    page.click('p.downloads a:has-text("已超期")')]);
  const csv = fs.readFileSync(await overdue.path(), 'utf8');
  console.log('overdue file: ' + overdue.suggestedFilename() + ' bom ' + (csv.charCodeAt(0) === 0xFEFF)
    + ' rows ' + (csv.trim().split('\n').length - 1));
  await page.screenshot({ path: shot('dashboard'), fullPage: true });
  check(problems.length === 0, 'errors on the pages: ' + problems.join('; '));
  console.log('done');
});
