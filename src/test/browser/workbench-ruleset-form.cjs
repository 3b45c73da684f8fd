// A process admin opens the rule set form from the menu, changes a tier's rate and the deductible,
// adds a tier, types a rate that is no number and sees the problem at its cell, fixes it, reads
// the changes against the version in force, confirms and sees the new version, by clicking and
// typing. Run by RuleSetFormPagesTest; prints what the pages showed.
'use strict';

const { check, env, desktopPage, signInToWorkbench, watchProblems, runInBrowser } = require('./browser.cjs');

const text = async (page, selector) => (await page.locator(selector).allInnerTexts()).map(t => t.replace(/\s+/g, ' ').trim());
const field = name => `[name="${name}"]`;
const tier = (row, column) => field(`definition.expenseBenefit.tiers[${row}].${column}`);

/** Clears the input and types the value into it, key by key. */
async function retype(page, selector, value) {
  await page.click(selector, { clickCount: 3 });
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Backspace');
  await page.keyboard.type(value);
}

runInBrowser(async browser => {
  const page = await desktopPage(browser);
  const problems = watchProblems(page);
  const shots = env('SCREENSHOTS');

  await signInToWorkbench(page, 'padmin', 'demo');
  await Promise.all([page.waitForNavigation(), page.click('nav.menu a:has-text("保障项目与规则")')]);
  await Promise.all([page.waitForNavigation(), page.click('table.schemes tr:has(code:text-is("INPATIENT")) a:has-text("规则版本")')]);
  check(await page.locator('a.button:has-text("新版本（表单）")').count() === 1, 'no 新版本（表单） on the scheme page');
  await Promise.all([page.waitForNavigation(),
    page.click(`table.rule-sets tr:has(td:text-is("${env('ORGANISER')}")) a:has-text("以此为底稿")`)]);
  console.log('form: ' + await page.locator('main h1').innerText());
  console.log('prefilled: ' + [await page.inputValue(field('organiser')), await page.inputValue(field('definition.expenseBenefit.deductible')),
    await page.inputValue(tier(1, 'rate'))].join('|'));
  await page.screenshot({ path: shots + 'form.png', fullPage: true });

  await retype(page, field('definition.expenseBenefit.deductible'), '500.00');
  await retype(page, tier(1, 'to'), '20000.00');
  await retype(page, tier(1, 'rate'), '0.60');
  await Promise.all([page.waitForNavigation(),
    page.click('.field.rows:has(table.expenseBenefit-tiers) button.add-row')]);
  console.log('tiers: ' + (await page.locator('table.expenseBenefit-tiers tbody tr').count()));
  check(await page.inputValue(tier(1, 'rate')) === '0.60', 'the typed rate is gone after 增加一行');
  await page.click(tier(2, 'from'));
  await page.keyboard.type('20000.00');
  await page.click(tier(2, 'rate'));
  await page.keyboard.type('七成');
  await page.click(field('effectiveFrom'));
  await page.keyboard.type(env('EFFECTIVE_FROM'));
  await page.click(field('reason'));
  await page.keyboard.type(env('REASON'));
  const [refused] = await Promise.all([page.waitForNavigation(), page.click('form.rule-set-form .actions button.primary')]);
  check(refused.status() === 400, 'a rate that is no number answered ' + refused.status());
  console.log('error: ' + (await text(page, `td:has(> ${tier(2, 'rate')}) > .error`)).join('|'));
  console.log('summary: ' + (await text(page, '.problem ul.problems li')).join('|'));
  console.log('kept: ' + await page.inputValue(tier(2, 'rate')) + '|' + await page.inputValue(field('definition.expenseBenefit.deductible')));
  await page.locator(tier(2, 'rate')).scrollIntoViewIfNeeded();
  await page.screenshot({ path: shots + 'error.png', fullPage: true });

  await retype(page, tier(2, 'rate'), '0.70');
  await Promise.all([page.waitForNavigation(), page.click('form.rule-set-form .actions button.primary')]);
  console.log('confirm: ' + await page.locator('main h1').innerText());
  console.log('changes: ' + (await text(page, 'table.changes tbody tr')).join('|'));
  console.log('takeover: ' + (await text(page, 'p.takeover')).join('|'));
  await page.screenshot({ path: shots + 'confirm.png', fullPage: true });

  await Promise.all([page.waitForNavigation(), page.click('form.rule-set-confirm button:has-text("确认发布")')]);
  console.log('published: ' + (await text(page, '.notice')).join('|'));
  console.log('versions: ' + (await text(page, `table.rule-sets tr:has(td:text-is("${env('ORGANISER')}"))`)).join('|'));
  await page.screenshot({ path: shots + 'published.png', fullPage: true });
  check(problems.length === 0, 'errors on the pages: ' + problems.join('; '));
  console.log('done');
});
