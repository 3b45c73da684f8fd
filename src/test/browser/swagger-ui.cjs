// Swagger UI as a signed-in clerk under the app's Content-Security-Policy: the page renders our
// description, an operation shows its problem answers, and "Try it out" calls the API. Any
// script error or refusal by the policy fails it.
// Environment: BASE_URL, HUZHU_USER, HUZHU_PASSWORD, CHROMIUM, SCREENSHOT.
const { check, launch, desktopPage } = require('./browser.cjs');

const env = process.env;

(async () => {
  const browser = await launch();
  try {
    const page = await desktopPage(browser, { httpCredentials: { username: env.HUZHU_USER, password: env.HUZHU_PASSWORD } });
    const problems = [];
    page.on('pageerror', e => problems.push('script error: ' + e.message));
    page.on('console', message => {
      if (message.type() === 'error' || message.text().includes('Content Security Policy')) {
        problems.push('console: ' + message.text());
      }
    });

    const response = await page.goto(env.BASE_URL + '/swagger-ui.html');
    check(response.ok(), 'Swagger UI answered ' + response.status());
    // a generous wait: the bundle is large and the machine may be busy
    await page.locator('#operations-tag-claim').waitFor({ timeout: 60000 })
      .catch(e => check(false, 'the operations never showed (' + e.message.split('\n')[0] + '); ' + problems.join('; ')));
    check(await page.locator('.swagger-ui .info .title', { hasText: 'Huzhu API' }).count() === 1, 'no title Huzhu API');
    check(await page.locator('.opblock').count() > 20, 'fewer than 20 operations shown');
    check(await page.locator('button.authorize').count() === 1, 'no Authorize button for HTTP Basic');

    // an operation lists its problem answers with the example
    const submit = page.locator('#operations-claim-submit');
    await submit.locator('.opblock-summary').click();
    for (const status of ['400', '401', '403', '409', '503']) {
      check(await submit.locator('tr.response[data-code="' + status + '"]').count() === 1,
        'submitting a claim does not list ' + status);
    }
    check((await submit.locator('tr.response[data-code="400"]').innerText()).includes('INVALID_INPUT'),
      'the 400 answer shows no INVALID_INPUT example');

    // "Try it out" calls the API from the page
    const me = page.locator('#operations-security-me');
    await me.locator('.opblock-summary').click();
    await me.locator('button.try-out__btn').click();
    const [answer] = await Promise.all([
      page.waitForResponse(r => r.url().endsWith('/api/users/me'), { timeout: 20000 }),
      me.locator('button.execute').click(),
    ]);
    check(answer.status() === 200, 'Try it out on /api/users/me answered ' + answer.status());
    await me.locator('.live-responses-table .response-col_status', { hasText: '200' }).waitFor({ timeout: 10000 });
    check((await me.locator('.live-responses-table').innerText()).includes(env.HUZHU_USER),
      'the answer shown does not name the user');

    await page.screenshot({ path: env.SCREENSHOT, fullPage: false });
    check(problems.length === 0, 'problems on the page: ' + problems.join('; '));
    console.log('swagger ui ok: ' + await page.locator('.opblock').count() + ' operations, screenshot ' + env.SCREENSHOT);
  } finally {
    await browser.close();
  }
})().catch(e => {
  console.log('FAILED: ' + e.message);
  process.exit(1);
});
