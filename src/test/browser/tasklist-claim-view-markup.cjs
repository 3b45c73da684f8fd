// Camunda Tasklist as an agency auditor, with real pointer and key input: a claim whose typed
// fields carry HTML and Markdown shows them as text in the task's claim view, and none of it runs.
// Environment: BASE_URL, HUZHU_USER, HUZHU_PASSWORD, TASK_ID, LITERALS (JSON array of texts that
// must show as typed), NOW (the server's time, epoch ms), CHROMIUM, SCREENSHOT.
const { check, launch, desktopPage, signInToTasklist } = require('./browser.cjs');

const env = process.env;
const literals = JSON.parse(env.LITERALS);

(async () => {
  const browser = await launch();
  try {
    const page = await desktopPage(browser);
    const dialogs = [];
    page.on('dialog', dialog => {
      dialogs.push(dialog.message());
      dialog.dismiss();
    });
    const tasklist = await signInToTasklist(page, env.HUZHU_USER, env.HUZHU_PASSWORD);
    console.log('signed in with real input');

    await page.goto(tasklist + '#/?task=' + env.TASK_ID + '&detailsTab=task-detail-form');
    // the form's text fields: its introduction, then the claim view, whose last line is the account
    const view = page.locator('.fjs-form-field-text', { hasText: '收款账户' });
    await view.waitFor({ timeout: 20000 });
    await page.waitForTimeout(1000);
    const shown = await view.innerText();
    console.log('claim view: ' + JSON.stringify(shown));
    const injected = await view.evaluate(form => {
      return {
        // the view's own labels are <strong> and its one link is to the claim's papers on the
        // workbench; nothing else is markup of ours
        elements: Array.from(form.querySelectorAll('img, svg, script, iframe, a, b, em, u'))
          .filter(e => !(e.matches('a') && /^\/claims\/\d+#papers$/.test(e.getAttribute('href'))
            && e.textContent === '在工作台查看材料文件'))
          .map(e => e.outerHTML),
        papers: Array.from(form.querySelectorAll('a')).filter(a => a.textContent === '在工作台查看材料文件')
          .map(a => a.getAttribute('href')),
        handlers: Array.from(document.querySelectorAll('*')).flatMap(e => Array.from(e.attributes))
          .filter(a => a.name.startsWith('on') && /__xss/.test(a.value)).map(a => a.name + '=' + a.value),
        links: Array.from(document.querySelectorAll('a[href]')).map(a => a.getAttribute('href'))
          .filter(href => /^\s*javascript:/i.test(href)),
        ran: window.__xss === undefined ? null : String(window.__xss),
      };
    });
    console.log('injected: ' + JSON.stringify(injected));
    for (const literal of literals) {
      check(shown.includes(literal), 'the claim view does not show as typed: ' + literal);
    }
    check(injected.papers.length === 1, 'the view links the claim\'s papers once: ' + injected.papers.join(' '));
    check(injected.elements.length === 0, 'markup from the claim became elements: ' + injected.elements.join(' '));
    check(injected.handlers.length === 0, 'event handlers from the claim reached the page: ' + injected.handlers.join(' '));
    check(injected.links.length === 0, 'javascript: links from the claim reached the page');
    check(injected.ran === null, 'script from the claim ran: ' + injected.ran);
    check(dialogs.length === 0, 'script from the claim opened a dialog: ' + dialogs.join(' '));

    // claimed, the form takes pointer input; pointing at and clicking the text must not run anything either
    await page.getByText('认领', { exact: true }).click();
    await page.waitForFunction(() => {
      const button = Array.from(document.querySelectorAll('button')).find(b => b.textContent.trim() === '完成');
      return button && !button.disabled;
    }, null, { timeout: 20000 });
    await view.hover();
    await view.click();
    await page.waitForTimeout(500);
    check(await page.evaluate(() => window.__xss === undefined), 'script from the claim ran on hover or click');
    await page.screenshot({ path: env.SCREENSHOT, fullPage: true });
    console.log('claim view shows typed markup as text');
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
