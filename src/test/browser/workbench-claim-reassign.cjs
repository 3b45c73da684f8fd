// A supervisor opens a breached claim from the deadline dashboard and hands its task to another
// auditor on the claim page, by clicking and typing. Run by SupervisorReassignBrowserTest, which
// prepares the claim and checks the database; prints what the pages showed.
'use strict';

const { check, env, launch, desktopPage, signInToWorkbench } = require('./browser.cjs');

const CLAIM = env('CLAIM');
const shot = name => env('SCREENSHOTS') + '/workbench-claim-' + name + '.png';

(async () => {
  const browser = await launch();
  try {
    const page = await desktopPage(browser);
    const problems = [];
    page.on('pageerror', e => problems.push(e.message));
    page.on('console', m => { if (m.type() === 'error') problems.push(m.text()); });

    await signInToWorkbench(page, 'supervisor', 'demo');
    await Promise.all([page.waitForNavigation(), page.click('nav.menu a:has-text("支付时限督办")')]);
    await page.waitForSelector('body[data-loaded="true"]', { timeout: 15000 });
    const row = page.locator('#breached tbody tr[data-claim-id="' + CLAIM + '"]');
    check(await row.count() === 1, 'claim ' + CLAIM + ' is not listed as breached');
    await Promise.all([page.waitForNavigation(), row.locator('a', { hasText: CLAIM }).first().click()]);
    check(new URL(page.url()).pathname === '/claims/' + CLAIM, 'the dashboard row led to ' + page.url());
    console.log('deadline: ' + (await page.locator('#deadline dl').innerText()).replace(/\s+/g, ' '));
    console.log('task: ' + (await page.locator('#tasks h3').innerText()).replace(/\s+/g, ' '));
    console.log('hand over to: ' + (await page.locator('#tasks select[name=userId] option').allInnerTexts()).join('|'));

    // without a reason the hand-over is refused at its field, the choice kept
    await page.selectOption('#tasks select[name=userId]', { label: env('COLLEAGUE_NAME') });
    await Promise.all([page.waitForNavigation(), page.click('#tasks button:has-text("改派任务")')]);
    console.log('field error: ' + await page.locator('#tasks form.hand-over .field.invalid .error').innerText());
    check(await page.locator('#tasks select[name=userId]').inputValue() === env('COLLEAGUE'), 'the choice was not kept');
    await page.click('#tasks input[name=reason]');
    await page.keyboard.type('原审核员休假，超期件改派');
    await Promise.all([page.waitForNavigation(), page.click('#tasks button:has-text("改派任务")')]);
    console.log('notice: ' + await page.locator('p.notice').innerText());
    console.log('task after: ' + (await page.locator('#tasks h3').innerText()).replace(/\s+/g, ' '));
    console.log('trail: ' + (await page.locator('#trail tbody tr').allInnerTexts()).map(t => t.replace(/\s+/g, ' ')).join(' | '));
    await page.screenshot({ path: shot('reassigned'), fullPage: true });
    check(problems.length === 0, 'errors on the pages: ' + problems.join('; '));
    console.log('reassigned from the claim page');
  } finally {
    await browser.close();
  }
})().catch(e => {
  console.log('FAILED: ' + e.message);
  process.exit(1);
});
