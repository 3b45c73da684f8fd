// Opens the supervisors' dashboard in headless Chromium, signed in at the workbench, and checks
// that it shows the claims the Java test prepared. Run by SupervisorDashboardBrowserTest;
// prints what it found and exits non-zero on the first thing that is wrong.
'use strict';

const { chromium } = require('playwright-core');
const { signInToWorkbench } = require('./browser.cjs');

const env = name => {
  const value = process.env[name];
  if (!value) throw new Error('missing environment variable ' + name);
  return value;
};

function check(condition, message) {
  if (!condition) throw new Error(message);
}

(async () => {
  const browser = await chromium.launch({
    executablePath: env('CHROMIUM'),
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
  try {
    const context = await browser.newContext({
      viewport: { width: 1400, height: 900 },
      locale: 'zh-CN',
    });
    const page = await context.newPage();
    const problems = [];
    page.on('pageerror', e => problems.push(e.message));
    // the dashboard first: the sign-in page comes in between and leads back to it
    await signInToWorkbench(page, env('HUZHU_USER'), env('HUZHU_PASSWORD'), { path: '/sla/' });
    const response = await page.goto(env('BASE_URL') + '/sla/', { waitUntil: 'networkidle' });
    check(response.ok(), 'dashboard answered ' + response.status());
    await page.waitForSelector('body[data-loaded="true"]', { timeout: 15000 });
    check(problems.length === 0, 'script errors on the page: ' + problems.join('; '));
    check((await page.title()).includes('支付时限督办'), 'title is ' + await page.title());
    check(await page.locator('#error').isHidden(), 'the page shows an error: ' + await page.locator('#error').textContent());

    const breached = page.locator('#breached tbody tr[data-claim-id="' + env('BREACHED_CLAIM') + '"]');
    check(await breached.count() === 1, 'breached claim ' + env('BREACHED_CLAIM') + ' is not listed as breached');
    const breachedText = await breached.innerText();
    check(breachedText.includes(env('AGENCY')), 'breached row lacks the agency: ' + breachedText);
    check(breachedText.includes('代办点审核'), 'breached row lacks the stage: ' + breachedText);
    check((await breached.locator('td.days').innerText()).trim() === env('BREACHED_OVERDUE'),
      'breached row shows overdue ' + await breached.locator('td.days').innerText());
    const cockpit = await breached.locator('a', { hasText: 'Cockpit' }).getAttribute('href');
    check(cockpit.includes('/camunda/app/cockpit/default/#/process-instance/' + env('BREACHED_PROCESS')),
      'Cockpit link is ' + cockpit);
    check(await breached.locator('a[href="/claims/' + env('BREACHED_CLAIM') + '"]').count() === 1,
      'no link to the claim page');

    const atRisk = page.locator('#at-risk tbody tr[data-claim-id="' + env('AT_RISK_CLAIM') + '"]');
    check(await atRisk.count() === 1, 'claim ' + env('AT_RISK_CLAIM') + ' is not listed as at risk');
    check((await atRisk.locator('td.days').innerText()).trim() === env('AT_RISK_LEFT'),
      'at-risk row shows ' + await atRisk.locator('td.days').innerText() + ' working days left');

    for (const table of ['#breached', '#at-risk']) {
      const due = await page.locator(table + ' tbody tr').evaluateAll(rows => rows.map(r => r.dataset.dueDate));
      check(due.every((d, i) => i === 0 || due[i - 1] <= d), table + ' is not sorted by urgency: ' + due);
    }
    check(Number(await page.locator('#count-breached').innerText()) >= 1, 'breached counter is below 1');
    check(Number(await page.locator('#count-at-risk').innerText()) >= 1, 'at-risk counter is below 1');

    const agencyBar = page.locator('#agency-chart svg rect[data-key="' + env('AGENCY') + '"]');
    check(await agencyBar.count() === 1, 'no bar for the agency in the compliance chart');
    check(Number(await agencyBar.getAttribute('width')) > 0, 'the agency paid in time but its bar is empty');
    check(await page.locator('#month-chart svg rect[data-key="' + env('PAID_MONTH') + '"]').count() === 1,
      'no bar for ' + env('PAID_MONTH') + ' in the monthly chart');
    check((await page.locator('#open-claims tbody').innerText()).includes(env('AGENCY')),
      'open claims by stage lack the agency');

    await page.screenshot({ path: env('SCREENSHOT'), fullPage: true });
    console.log('dashboard ok: breached ' + env('BREACHED_CLAIM') + ', at risk ' + env('AT_RISK_CLAIM')
      + ', screenshot ' + env('SCREENSHOT'));
  } finally {
    await browser.close();
  }
})().catch(e => {
  console.error('dashboard check failed: ' + e.message);
  process.exit(1);
});
