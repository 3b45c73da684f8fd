// A system administrator at the workbench: creates a staff account by clicking and typing
// (first forgetting the agency), then changes its roles. Run by StaffAccountsBrowserTest.
'use strict';

const { check, desktopPage, signInToWorkbench, watchProblems, runInBrowser } = require('./browser.cjs');

const shot = (name) => process.env.SCREENSHOTS + '/workbench-admin-' + name + '.png';

runInBrowser(async (browser) => {
  const page = await desktopPage(browser);
  const problems = watchProblems(page);

  await signInToWorkbench(page, 'admin', 'demo');
  await Promise.all([page.waitForNavigation(), page.click('nav.menu a:has-text("员工账号与角色")')]);
  await page.screenshot({ path: shot('accounts'), fullPage: true });
  await Promise.all([page.waitForNavigation(), page.click('a:has-text("新建账号")')]);
  await page.click('#id');
  await page.keyboard.type(process.env.NEW_USER);
  await page.fill('#name', '孙丽');
  await page.fill('#password', 'first-password');
  await page.check('input[name=roles][value=clerk]');
  const [refused] = await Promise.all([page.waitForNavigation(), page.click('form.account button[type=submit]')]);
  check(refused.status() === 400, 'a form with a mistake answers ' + refused.status());
  console.log('forgotten agency: ' + await page.locator('.field.invalid .error').allInnerTexts());
  check(await page.inputValue('#id') === process.env.NEW_USER, 'the typed user name is gone');
  check(await page.isChecked('input[name=roles][value=clerk]'), 'the ticked role is gone');
  await page.screenshot({ path: shot('new-typo'), fullPage: true });
  await page.fill('#password', 'first-password');
  await page.selectOption('#agencyCode', 'DEMO-A');
  await Promise.all([page.waitForNavigation(), page.click('form.account button[type=submit]')]);
  console.log('created: ' + await page.locator('.notice').innerText());
  console.log('roles: ' + await page.locator('dd.roles').innerText());

  await page.uncheck('form.change-roles input[name=roles][value=clerk]');
  await page.check('form.change-roles input[name=roles][value=agency-auditor]');
  await page.check('form.change-roles input[name=roles][value=finance]');
  await page.selectOption('form.change-roles #agencyCode', 'DEMO-B');
  await Promise.all([page.waitForNavigation(), page.click('form.change-roles button[type=submit]')]);
  console.log('changed: ' + await page.locator('.notice').innerText());
  console.log('roles: ' + await page.locator('dd.roles').innerText());
  await page.screenshot({ path: shot('account'), fullPage: true });

  await Promise.all([page.waitForNavigation(), page.click('nav.menu a:has-text("员工账号与角色")')]);
  console.log('listed: ' + (await page.locator('table.accounts tr[data-user="' + process.env.NEW_USER + '"]').innerText())
    .replace(/\s+/g, ' '));
  check(problems.length === 0, 'errors on the pages: ' + problems.join('; '));
  console.log('done');
});
