// A person signs in to the workbench by typing, first with a wrong password; sees their name,
// their menu and their counts; signs out. Run by WorkbenchBrowserTest; prints what it found.
'use strict';

const { check, launch, desktopPage, signInToWorkbench } = require('./browser.cjs');

(async () => {
  const browser = await launch();
  try {
    const page = await desktopPage(browser);
    const problems = [];
    page.on('pageerror', e => problems.push(e.message));
    page.on('console', m => { if (m.type() === 'error') problems.push(m.text()); });

    await page.goto(process.env.BASE_URL + '/');
    check(page.url().endsWith('/login'), 'an anonymous visitor is not sent to /login: ' + page.url());
    await page.click('#username');
    await page.keyboard.type(process.env.HUZHU_USER);
    await page.click('#password');
    await page.keyboard.type('wrong-password');
    await Promise.all([page.waitForNavigation(), page.click('form button[type=submit]')]);
    const refused = await page.locator('.problem').innerText();
    check(refused.includes('用户名或密码不正确'), 'no Chinese message for a wrong password: ' + refused);
    await page.screenshot({ path: process.env.LOGIN_SCREENSHOT });

    await signInToWorkbench(page, process.env.HUZHU_USER, process.env.HUZHU_PASSWORD);
    check(new URL(page.url()).pathname === '/', 'not on the home page after sign-in: ' + page.url());
    console.log('name: ' + await page.locator('header .name').innerText());
    console.log('menu: ' + (await page.locator('nav.menu a').allInnerTexts()).join('|'));
    console.log('figures: ' + (await page.locator('a.figure').allInnerTexts()).map(t => t.replace(/\s+/g, ' ')).join('|'));
    await page.screenshot({ path: process.env.HOME_SCREENSHOT, fullPage: true });

    // one sign-in: Tasklist opens signed in as the same person
    await Promise.all([page.waitForNavigation(), page.click('header a.tasklist')]);
    page.on('response', r => { if (r.status() >= 400) problems.push(r.status() + ' ' + r.url()); });
    await page.waitForFunction(() => document.body.innerText.trim().length > 20, null, { timeout: 30000 })
      .catch(e => { throw new Error(e.message + ' ' + problems.join('; ')); });
    await page.waitForLoadState('networkidle');
    check(await page.locator('form[name=signinForm]').count() === 0, 'Tasklist asks to sign in again');
    await page.screenshot({ path: process.env.TASKLIST_SCREENSHOT });
    console.log('tasklist user: ' + (await page.locator('body').innerText()).replace(/\s+/g, ' ').slice(0, 300));
    // Tasklist moves by its address's fragment: back to the workbench by its address
    await page.goto(process.env.BASE_URL + '/');

    await page.click('nav.menu a:has-text("支付时限督办")');
    await page.waitForSelector('body[data-loaded="true"]', { timeout: 15000 });
    console.log('dashboard title: ' + await page.title());

    await page.goBack();
    await Promise.all([page.waitForNavigation(), page.click('header form.logout button')]);
    const notice = await page.locator('.notice').innerText();
    check(notice.includes('您已安全退出'), 'no notice after signing out: ' + notice);
    await page.goto(process.env.BASE_URL + '/');
    check(page.url().endsWith('/login'), 'still signed in after signing out: ' + page.url());
    check(problems.length === 0, 'errors on the pages: ' + problems.join('; '));
    console.log('signed out');
  } finally {
    await browser.close();
  }
})().catch(e => {
  console.log('FAILED: ' + e.message);
  process.exit(1);
});
