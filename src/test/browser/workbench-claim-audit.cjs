// The agency auditor and then the league auditor decide a claim on the workbench's claim page,
// by clicking and typing: task list, filter, the claim, take it, a rejection without a reason
// (refused at its field), approve. Run by AuditorWorkbenchBrowserTest, which checks the database;
// prints what the pages showed.
'use strict';

const { check, env, launch, desktopPage, signInToWorkbench } = require('./browser.cjs');

const CLAIM = env('CLAIM');
const shot = name => env('SCREENSHOTS') + '/workbench-claim-' + name + '.png';

/** From the menu to the claim's row of the task list narrowed to the step, paging on until it shows. */
async function openFromTaskList(page, stageLabel, screenshot) {
  await Promise.all([page.waitForNavigation(), page.click('nav.menu a:has-text("待办任务")')]);
  await page.selectOption('#stage', { label: stageLabel });
  await page.click('label:has-text("只看待认领") input');
  await Promise.all([page.waitForNavigation(), page.click('form.task-filter button[type=submit]')]);
  const row = page.locator('table.tasks tr[data-claim-id="' + CLAIM + '"]');
  for (let pages = 0; await row.count() === 0; pages++) {
    const next = page.locator('nav.pages a:has-text("下一页")');
    check(pages < 50 && await next.count() === 1, 'claim ' + CLAIM + ' is not on the task list for ' + stageLabel);
    await Promise.all([page.waitForNavigation(), next.click()]);
  }
  const text = (await row.innerText()).replace(/\s+/g, ' ');
  await page.screenshot({ path: shot(screenshot), fullPage: true });
  await Promise.all([page.waitForNavigation(), row.locator('a', { hasText: '申请 ' + CLAIM }).click()]);
  check(new URL(page.url()).pathname === '/claims/' + CLAIM, 'the row did not lead to the claim page: ' + page.url());
  return text;
}

async function take(page) {
  await Promise.all([page.waitForNavigation(), page.click('#tasks button:has-text("认领任务")')]);
  check((await page.locator('p.notice').innerText()).includes('已认领此任务'), 'no notice after taking the task');
}

/** Approves the task held with a reason typed in; answers the page's notice. */
async function approve(page, reason) {
  await page.click('#tasks label:has-text("通过") input');
  await page.click('#tasks textarea[name=reason]');
  await page.keyboard.type(reason);
  await Promise.all([page.waitForNavigation(), page.click('#tasks button:has-text("提交审核结论")')]);
  return page.locator('p.notice').innerText();
}

(async () => {
  const browser = await launch();
  try {
    const page = await desktopPage(browser);
    const problems = [];
    page.on('pageerror', e => problems.push(e.message));
    page.on('console', m => { if (m.type() === 'error') problems.push(m.text()); });

    // the agency auditor of DEMO-A
    await signInToWorkbench(page, 'agency', 'demo');
    const agencyRow = await openFromTaskList(page, '代办点审核', 'tasks');
    console.log('agency row: ' + agencyRow);
    await page.screenshot({ path: shot('agency'), fullPage: true });
    console.log('agency sees: ' + (await page.locator('h1').innerText()).replace(/\s+/g, ' ')
      + ' | ' + await page.locator('#summary .id-number').innerText());

    await take(page);
    // a rejection needs a reason: said at the field, the choice kept
    await page.click('#tasks label:has-text("驳回") input');
    await page.selectOption('#tasks select[name=rejectionCategory]', { label: '不符合参保条件（未参保、参保期外、等待期内或非本单位职工）' });
    await Promise.all([page.waitForNavigation(), page.click('#tasks button:has-text("提交审核结论")')]);
    const error = await page.locator('#tasks .field.invalid .error').allInnerTexts();
    console.log('field error: ' + error.join(' | '));
    check(await page.locator('#tasks input[value=REJECT]').isChecked(), 'the rejection was not kept after the error');
    check(await page.locator('#tasks select[name=rejectionCategory]').inputValue() === 'NOT_ELIGIBLE',
      'the category was not kept after the error');
    await page.screenshot({ path: shot('field-error'), fullPage: true });
    console.log('agency notice: ' + await approve(page, '材料齐全，同意'));
    console.log('agency status: ' + await page.locator('h1 .tag').first().innerText());
    await Promise.all([page.waitForNavigation(), page.click('header form.logout button')]);

    // the league auditor finds the claim with its subsidy and approves it
    await signInToWorkbench(page, 'league', 'demo');
    await page.screenshot({ path: shot('league-home'), fullPage: true });
    const leagueRow = await openFromTaskList(page, '协会审核', 'league-tasks');
    console.log('league row: ' + leagueRow);
    console.log('breakdown: ' + (await page.locator('#subsidy table.breakdown tbody tr').allInnerTexts())
      .map(t => t.replace(/\s+/g, ' ')).join(' | '));
    console.log('approvals before: ' + (await page.locator('#approvals tbody tr').allInnerTexts())
      .map(t => t.replace(/\s+/g, ' ')).join(' | '));
    await page.screenshot({ path: shot('league'), fullPage: true });
    await take(page);
    // the decision chosen first; then the settlement statement read in the viewer beside it
    await page.click('#tasks label:has-text("通过") input');
    await page.click('nav.jump a[data-jump=viewer]');
    await page.click('#viewer a[data-viewer=paper] >> nth=0');
    const pageNumber = page.locator('#viewer [data-viewer=page-number]');
    await pageNumber.getByText('第 1 / 3 页').waitFor();
    await page.click('#viewer a[data-viewer=next-page]');
    await pageNumber.getByText('第 2 / 3 页').waitFor();
    await page.click('#viewer a[data-viewer=rotate-right]');
    await page.locator('#viewer img[data-viewer=page-image][src*="rotate=90"]').waitFor();
    await page.click('#viewer a[data-viewer=zoom-in]');
    await page.locator('#viewer .viewer-sheet.zoom-150').waitFor();
    const picture = await page.locator('#viewer img[data-viewer=page-image]').evaluate(img => img.naturalWidth + 'x' + img.naturalHeight);
    console.log('viewer: ' + (await page.locator('#viewer [data-viewer=caption]').innerText()).replace(/\s+/g, ' ')
      + ' | ' + await pageNumber.innerText() + ' | ' + picture);
    check(await page.locator('#tasks input[value=APPROVE]').isChecked(), 'the decision chosen was lost while viewing the papers');
    // the address follows the viewer, so a reload or a copied link shows the same page
    const address = new URL(page.url());
    check(address.searchParams.get('page') === '2' && address.searchParams.get('rotate') === '90'
      && address.searchParams.get('zoom') === '150', 'the address does not follow the viewer: ' + page.url());
    console.log('viewer address: ' + address.pathname + address.search);
    check(await page.evaluate(() => sessionStorage.getItem('htmx-history-cache')) === null,
      'htmx kept a copy of the claim page in the browser for its history');
    await page.screenshot({ path: shot('league-viewer'), fullPage: false });
    console.log('league notice: ' + await approve(page, '同意支付'));
    console.log('league status: ' + await page.locator('h1 .tag').first().innerText());
    console.log('approvals after: ' + (await page.locator('#approvals tbody tr').allInnerTexts())
      .map(t => t.replace(/\s+/g, ' ')).join(' | '));
    await page.screenshot({ path: shot('approved'), fullPage: true });
    check(problems.length === 0, 'errors on the pages: ' + problems.join('; '));
    console.log('decided on the claim page');
  } finally {
    await browser.close();
  }
})().catch(e => {
  console.log('FAILED: ' + e.message);
  process.exit(1);
});
