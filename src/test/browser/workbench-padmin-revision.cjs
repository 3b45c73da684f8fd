// A process admin uploads a revised approval routing (DMN), reads the checks' verdict and the dry
// run, deploys it with a reason and moves a running claim onto the new version, by clicking and
// typing. Run by RevisionPagesTest; prints what the pages showed.
'use strict';

const { check, launch, desktopPage, signInToWorkbench } = require('./browser.cjs');

const text = async (page, selector) => (await page.locator(selector).allInnerTexts()).map(t => t.replace(/\s+/g, ' ').trim());

(async () => {
  const browser = await launch();
  try {
    const page = await desktopPage(browser);
    const problems = [];
    page.on('pageerror', e => problems.push(e.message));
    page.on('console', m => { if (m.type() === 'error') problems.push(m.text()); });

    await signInToWorkbench(page, 'padmin', 'demo');
    console.log('menu: ' + (await text(page, 'nav.menu a')).join('|'));
    await Promise.all([page.waitForNavigation(), page.click('nav.menu a:has-text("流程修订")')]);

    await page.setInputFiles('#files', process.env.DMN_FILE);
    await page.fill('#sample', '');
    await page.click('#sample');
    await page.keyboard.type(process.env.SAMPLE);
    await Promise.all([page.waitForNavigation(), page.click('form.revision-upload button[type=submit]')]);
    check(await page.locator('section.dry-run').count() === 1, 'no dry run: ' + (await page.locator('main').innerText()));
    console.log('dry run: ' + (await text(page, 'section.dry-run > p')).join('|'));
    console.log('paths: ' + (await text(page, 'table.dry-run-paths tbody tr')).join('|'));
    console.log('groups: ' + (await text(page, 'table.dry-run-groups tbody tr')).join('|'));
    await page.screenshot({ path: process.env.DRY_RUN_SCREENSHOT, fullPage: true });

    await page.click('#comment');
    await page.keyboard.type(process.env.COMMENT);
    await Promise.all([page.waitForNavigation(), page.click('form.revision-deploy button[type=submit]')]);
    console.log('deployed: ' + (await text(page, '.notice')).join('|'));
    console.log('latest revision: ' + (await text(page, 'table.revisions tbody tr')).slice(0, 1).join('|'));
    await page.screenshot({ path: process.env.DEPLOYED_SCREENSHOT, fullPage: true });

    const oldRow = `table.versions tr:has(td:text-is("claim-lifecycle")):has(code:text-is("${process.env.OLD_DEPLOYMENT}"))`;
    await Promise.all([page.waitForNavigation(), page.click(oldRow + ' a:has-text("查看并迁移")')]);
    console.log('version: ' + await page.locator('main h1').innerText());
    console.log('running: ' + (await text(page, `table.running tr:has(code:text-is("${process.env.INSTANCE}"))`)).join('|'));
    await page.click(`label:text-is("${process.env.CLAIM}")`);
    await Promise.all([page.waitForNavigation(), page.click('form.migration button[type=submit]')]);
    console.log('migration: ' + (await text(page, 'section.migration-report .notice')).join('|'));
    await page.screenshot({ path: process.env.MIGRATED_SCREENSHOT, fullPage: true });
    check(problems.length === 0, 'errors on the pages: ' + problems.join('; '));
    console.log('done');
  } finally {
    await browser.close();
  }
})().catch(e => {
  console.log('FAILED: ' + e.message);
  process.exit(1);
});
