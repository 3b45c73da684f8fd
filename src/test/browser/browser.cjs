// What every browser script shares: Debian's Chromium launched headless as this machine needs
// it, a desktop page in Beijing, failing with a message, and signing in to Tasklist with real input.
const { chromium } = require('playwright-core');

function check(condition, message) {
  if (!condition) {
    console.log('FAILED: ' + message);
    process.exit(1);
  }
}

/** A value the Java test gave the script; missing, the script fails saying which. */
function env(name) {
  const value = process.env[name];
  if (!value) throw new Error('missing environment variable ' + name);
  return value;
}

async function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
}

/**
 * A desktop page in Beijing time; its browser asks for Chinese unless another locale is given,
 * and httpCredentials ({ username, password }), if given, answer HTTP Basic challenges. The
 * server runs on the test clock: given NOW (the server's time, epoch ms), the page's clock shows
 * that time, as in production where both clocks agree.
 */
async function desktopPage(browser, { locale = 'zh-CN', httpCredentials } = {}) {
  const page = await browser.newPage({ viewport: { width: 1500, height: 1100 }, locale, timezoneId: 'Asia/Shanghai',
    httpCredentials });
  if (process.env.NOW) {
    await page.clock.setFixedTime(Number(process.env.NOW));
  }
  return page;
}

/** Opens Tasklist and signs in by clicking and typing, until the saved filters show. */
async function signInToTasklist(page, user, password) {
  const tasklist = process.env.BASE_URL + '/camunda/app/tasklist/default/';
  await page.goto(tasklist);
  await page.waitForSelector('form[name=signinForm] input[type=password]');
  const name = page.locator('form[name=signinForm] input[type=text]');
  const secret = page.locator('form[name=signinForm] input[type=password]');
  // on a busy machine Tasklist may still be redrawing its form while one types: as a person
  // would, look at the fields before pressing 登录 and type again what did not arrive
  for (let attempt = 0; attempt < 3; attempt++) {
    if (await name.inputValue() !== user) {
      await name.click();
      await page.keyboard.press('Control+A');
      await page.keyboard.type(user);
    }
    if (await secret.inputValue() !== password) {
      await secret.click();
      await page.keyboard.press('Control+A');
      await page.keyboard.type(password);
    }
    await page.waitForTimeout(200);
    if (await name.inputValue() === user && await secret.inputValue() === password) {
      break;
    }
  }
  await page.click('form[name=signinForm] button[type=submit]');
  await page.getByText('待审核申请').first().waitFor({ timeout: 20000 });
  return tasklist;
}

/**
 * Signs in to the workbench at /login by clicking and typing, as a person does; fails unless the
 * workbench lets them in. Answers the page after sign-in (home, or the page first asked for).
 */
async function signInToWorkbench(page, user, password, { path = '/' } = {}) {
  await page.goto(process.env.BASE_URL + path);
  await page.waitForSelector('form input[name=username]');
  await page.click('#username');
  await page.keyboard.type(user);
  await page.click('#password');
  await page.keyboard.type(password);
  await Promise.all([page.waitForNavigation(), page.click('form button[type=submit]')]);
  check(!page.url().includes('/login'), user + ' could not sign in: ' + page.url());
  return page;
}

/**
 * The page's script errors and failed loads, as they happen. A workbench form sent with mistakes
 * answers 400 with the form again: a script that sends one checks that status itself.
 */
function watchProblems(page) {
  const problems = [];
  page.on('pageerror', e => problems.push(e.message));
  page.on('console', m => { if (m.type() === 'error' && !m.text().includes('status of 400')) problems.push(m.text()); });
  return problems;
}

/** Runs a script's steps in a launched browser; any failure prints FAILED and exits 1. */
function runInBrowser(steps) {
  (async () => {
    const browser = await launch();
    try {
      await steps(browser);
    } finally {
      await browser.close();
    }
  })().catch(e => {
    console.log('FAILED: ' + e.message);
    process.exit(1);
  });
}

module.exports = { check, env, launch, desktopPage, signInToTasklist, signInToWorkbench, watchProblems, runInBrowser };
