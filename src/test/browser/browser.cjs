// What every browser script shares: Debian's Chromium launched headless as this machine needs
// it, a Chinese desktop page, failing with a message, and signing in to Tasklist with real input.
const { chromium } = require('playwright-core');

function check(condition, message) {
  if (!condition) {
    console.log('FAILED: ' + message);
    process.exit(1);
  }
}

async function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
}

/** httpCredentials, if given, answer HTTP Basic challenges ({ username, password }). */
async function desktopPage(browser, httpCredentials) {
  return browser.newPage({ viewport: { width: 1500, height: 1100 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai',
    httpCredentials });
}

/** Opens Tasklist and signs in by clicking and typing, until the saved filters show. */
async function signInToTasklist(page, user, password) {
  const tasklist = process.env.BASE_URL + '/camunda/app/tasklist/default/';
  await page.goto(tasklist);
  await page.waitForSelector('form[name=signinForm] input[type=password]');
  await page.click('form[name=signinForm] input[type=text]');
  await page.keyboard.type(user);
  await page.click('form[name=signinForm] input[type=password]');
  await page.keyboard.type(password);
  await page.click('form[name=signinForm] button[type=submit]');
  await page.getByText('待审核申请').first().waitFor({ timeout: 20000 });
  return tasklist;
}

module.exports = { check, launch, desktopPage, signInToTasklist };
