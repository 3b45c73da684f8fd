// The review of a rejection (复核申请) on the workbench, by clicking and typing: the clerk asks
// for it on the rejected claim's page (first without a reason, refused at its field), with a
// new paper chosen in the file dialog; the league head finds the review in the task list, takes
// it and upholds it back to the league audit; the league auditor approves. Run by
// RejectionReviewBrowserTest, which pays the claim and checks the database.
'use strict';

const { check, env, desktopPage, signInToWorkbench, watchProblems, runInBrowser } = require('./browser.cjs');

const CLAIM = env('CLAIM');
const shot = name => env('SCREENSHOTS') + '/workbench-review-' + name + '.png';

async function clickAndWait(page, selector) {
  await Promise.all([page.waitForNavigation(), page.click(selector)]);
}

async function signOut(page) {
  await clickAndWait(page, 'header form.logout button');
}

/** From the task list narrowed to the step (by its key) to the claim's page. */
async function openFromTaskList(page, stageKey) {
  await clickAndWait(page, 'nav.menu a:has-text("待办任务")');
  await page.selectOption('#stage', stageKey);
  await clickAndWait(page, 'form.task-filter button[type=submit]');
  const row = page.locator('table.tasks tr[data-claim-id="' + CLAIM + '"]');
  for (let pages = 0; await row.count() === 0; pages++) {
    const next = page.locator('nav.pages a:has-text("下一页")');
    check(pages < 50 && await next.count() === 1, 'claim ' + CLAIM + ' is not on the task list for ' + stageKey);
    await clickAndWait(page, 'nav.pages a:has-text("下一页")');
  }
  const text = (await row.innerText()).replace(/\s+/g, ' ');
  await Promise.all([page.waitForNavigation(), row.locator('a', { hasText: '申请 ' + CLAIM }).click()]);
  check(new URL(page.url()).pathname === '/claims/' + CLAIM, 'the row did not lead to the claim page: ' + page.url());
  return text;
}

async function decide(page, outcomeLabel, reason) {
  await clickAndWait(page, '#tasks button:has-text("认领任务")');
  console.log('outcomes: ' + (await page.locator('#tasks fieldset.outcome label').allInnerTexts()).join(' | '));
  await page.screenshot({ path: shot(outcomeLabel === '通过' ? 'league-taken' : 'head-taken'), fullPage: true });
  await page.click('#tasks label:has-text("' + outcomeLabel + '") input');
  await page.click('#tasks textarea[name=reason]');
  await page.keyboard.type(reason);
  await clickAndWait(page, '#tasks button:has-text("提交审核结论")');
  return page.locator('p.notice').innerText();
}

runInBrowser(async browser => {
  const page = await desktopPage(browser);
  const problems = watchProblems(page);

  // the clerk at the counter, for the member
  await signInToWorkbench(page, 'clerk', 'demo', { path: '/claims/' + CLAIM });
  console.log('clerk status: ' + await page.locator('h1 .tag').first().innerText());
  console.log('window: ' + await page.locator('#review .review-window').innerText());
  await clickAndWait(page, '#review button:has-text("申请复核")');
  console.log('field error: ' + await page.locator('#review .field.invalid .error').innerText());
  await page.screenshot({ path: shot('field-error'), fullPage: true });
  await page.click('#review-reason');
  await page.keyboard.type('会员补交了医院更正后的出院小结，日期与发票一致');
  await page.selectOption('#review-kind', 'DISCHARGE_SUMMARY');
  const [dialog] = await Promise.all([page.waitForEvent('filechooser'), page.click('#review-file')]);
  await dialog.setFiles(env('NEW_PAPER'));
  await clickAndWait(page, '#review button:has-text("申请复核")');
  console.log('clerk notice: ' + await page.locator('p.notice').innerText());
  console.log('clerk status after: ' + await page.locator('h1 .tag').first().innerText());
  console.log('reviews: ' + (await page.locator('#review table tbody tr').allInnerTexts()).map(t => t.replace(/\s+/g, ' ')).join(' | '));
  check(await page.locator('#review form.review-request').count() === 0, 'the form is still offered after the request');
  await page.screenshot({ path: shot('requested'), fullPage: true });
  await signOut(page);

  // the league head, who never decided the claim, upholds it back to the league audit
  await signInToWorkbench(page, 'head', 'demo');
  console.log('head row: ' + await openFromTaskList(page, 'RejectionReviewByLeagueHead'));
  await page.screenshot({ path: shot('head'), fullPage: true });
  console.log('head notice: ' + await decide(page, '从协会审核起）', '更正后的出院小结与发票一致，撤销驳回'));
  console.log('head status: ' + await page.locator('h1 .tag').first().innerText());
  console.log('approvals: ' + (await page.locator('#approvals tbody tr').allInnerTexts()).map(t => t.replace(/\s+/g, ' ')).join(' | '));
  await page.screenshot({ path: shot('upheld'), fullPage: true });
  await signOut(page);

  // the league auditor audits it again and approves
  await signInToWorkbench(page, 'league-b', 'demo');
  console.log('league row: ' + await openFromTaskList(page, 'LeagueAudit'));
  console.log('league notice: ' + await decide(page, '通过', '复核撤销驳回后审核通过'));
  console.log('league status: ' + await page.locator('h1 .tag').first().innerText());
  await page.screenshot({ path: shot('approved'), fullPage: true });
  check(problems.length === 0, 'errors on the pages: ' + problems.join('; '));
  console.log('reviewed on the claim page');
});
