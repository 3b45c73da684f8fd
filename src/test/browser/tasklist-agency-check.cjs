// Camunda Tasklist as an agency auditor: the saved filter lists only the agency's claims,
// the Chinese form of one task opens, and the agency check is completed from it.
// Environment: BASE_URL, HUZHU_USER, HUZHU_PASSWORD, TASK_ID, MEMBER_NAME, CHROMIUM, SCREENSHOT.
const { check, launch, desktopPage, signInToTasklist } = require('./browser.cjs');

const env = process.env;

(async () => {
  const browser = await launch();
  try {
    const page = await desktopPage(browser);
    const tasklist = await signInToTasklist(page, env.HUZHU_USER, env.HUZHU_PASSWORD);
    await page.locator('.tasks-list .task').first().waitFor({ timeout: 20000 });
    const agencies = await page.locator('.tasks-list .task').evaluateAll(tasks => tasks.map(task => {
      const text = task.innerText;
      const match = text.match(/代办点:\s*(\S+)/);
      return match ? match[1] : '';
    }).filter(agency => agency !== ''));
    console.log('listed agencies: ' + JSON.stringify(agencies));
    check(agencies.length > 0, 'the saved filter lists no task');

    await page.goto(tasklist + '#/?task=' + env.TASK_ID + '&detailsTab=task-detail-form');
    await page.getByText(env.MEMBER_NAME).first().waitFor({ timeout: 20000 });
    await page.getByText('Claim', { exact: true }).click({ timeout: 20000 });
    // Claiming re-renders the form; choose only once it is the holder's (Complete enabled).
    await page.waitForFunction(() => {
      const button = Array.from(document.querySelectorAll('button')).find(b => b.textContent.trim() === 'Complete');
      return button && !button.disabled;
    }, null, { timeout: 20000 });
    await page.locator('input[type=radio]').first().waitFor({ timeout: 20000 });
    await page.locator('input[type=radio]').first().click();
    await page.locator('textarea').first().fill('材料齐全，同意（浏览器测试）');
    await page.waitForTimeout(500);
    await page.screenshot({ path: env.SCREENSHOT, fullPage: true });
    const [submitted] = await Promise.all([
      page.waitForResponse(r => r.url().includes('/submit-form'), { timeout: 20000 }),
      page.locator('button', { hasText: 'Complete' }).first().click(),
    ]);
    check(submitted.ok(), 'completing the task answered ' + submitted.status());
    console.log('agency check completed in tasklist');
  } catch (e) {
    const pages = browser.contexts().flatMap(c => c.pages());
    if (pages.length > 0) {
      await pages[0].screenshot({ path: env.SCREENSHOT, fullPage: true });
    }
    throw e;
  } finally {
    await browser.close();
  }
})().catch(e => {
  console.log('FAILED: ' + e.message);
  process.exit(1);
});
