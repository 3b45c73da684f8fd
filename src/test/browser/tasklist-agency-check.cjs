// Camunda Tasklist as an agency auditor whose browser asks for English: the login page and the
// app speak Chinese, the Camunda 8 notice is hidden, the saved filter lists only the agency's
// claims, each card shows the payment deadline in working days, and the agency check is claimed
// and completed from the task's Chinese form, all by real clicks and typing.
// Environment: BASE_URL, HUZHU_USER, HUZHU_PASSWORD, TASK_ID, MEMBER_NAME, DUE_DATE,
// WORKING_DAYS_LEFT, NOW (the server's time, epoch ms), CHROMIUM, LOGIN_SCREENSHOT,
// LIST_SCREENSHOT, SCREENSHOT (the task view).
const { check, launch, desktopPage, signInToTasklist } = require('./browser.cjs');

const env = process.env;

// Latin words Tasklist may show among Chinese: product names and the time zone in the footer,
// the agency code in the claim's data.
const LATIN_ALLOWED = new Set(['Camunda', 'Platform', 'Asia', 'Shanghai', 'DEMO']);

async function exactTexts(locator) {
  return (await locator.allInnerTexts()).map(text => text.trim());
}

(async () => {
  const browser = await launch();
  try {
    // the card counts the working days left from the browser's today: NOW sets it to the server's
    const page = await desktopPage(browser, { locale: 'en-US' });

    await page.goto(env.BASE_URL + '/camunda/app/tasklist/default/');
    const form = page.locator('form[name=signinForm]');
    await form.locator('input[type=password]').waitFor({ timeout: 20000 });
    await form.locator('button[type=submit]', { hasText: '登录' }).waitFor({ timeout: 20000 });
    const login = {
      button: (await form.locator('button[type=submit]').innerText()).trim(),
      placeholders: await form.locator('input').evaluateAll(inputs => inputs.map(input => input.placeholder)),
    };
    console.log('login page: ' + JSON.stringify(login));
    check(login.button === '登录', 'the login button reads ' + login.button);
    check(JSON.stringify(login.placeholders) === JSON.stringify(['用户名', '密码']),
      'the login fields read ' + login.placeholders);
    await page.screenshot({ path: env.LOGIN_SCREENSHOT, fullPage: true });

    const tasklist = await signInToTasklist(page, env.HUZHU_USER, env.HUZHU_PASSWORD);
    // a filter's link holds its name, then the focused one's task count
    const filters = await page.locator('[cam-tasklist-filters] h4 a').evaluateAll(links =>
      links.map(link => link.childNodes[0].textContent.trim()));
    console.log('filters: ' + JSON.stringify(filters));
    check(filters.includes('待审核申请') && filters.includes('我的任务'), 'the saved filters read ' + filters);
    const banners = page.locator('.ce-eol-banner');
    check(await banners.count() > 0, 'Tasklist 7.24 no longer renders .ce-eol-banner: the stylesheet hides nothing');
    check(!(await banners.first().isVisible()), 'the Camunda 8 notice is visible');

    await page.locator('.tasks-list .task').first().waitFor({ timeout: 20000 });
    const agencies = await page.locator('.tasks-list .task').evaluateAll(tasks => tasks.map(task => {
      const text = task.innerText;
      const match = text.match(/代办点:\s*(\S+)/);
      return match ? match[1] : '';
    }).filter(agency => agency !== ''));
    console.log('listed agencies: ' + JSON.stringify(agencies));
    check(agencies.length > 0, 'the saved filter lists no task');

    // oldest first, 15 a page: after a long run of tests the member's task may be on a later page
    const card = page.locator('.tasks-list .task', { hasText: env.MEMBER_NAME });
    const turnToCard = async () => {
      await page.locator('.tasks-list .task').first().waitFor({ timeout: 20000 });
      for (let turned = 0; turned < 30 && await card.count() === 0; turned++) {
        const next = page.locator('.pagination-next:not(.disabled) a').first();
        if (await next.count() === 0) {
          break;
        }
        await next.click();
        await page.waitForTimeout(700);
      }
    };
    await turnToCard();
    const deadline = card.locator('.huzhu-payment-deadline');
    await deadline.waitFor({ timeout: 20000 });
    const deadlineText = (await deadline.innerText()).trim();
    console.log('card deadline: ' + deadlineText);
    const expected = '支付时限 ' + env.DUE_DATE + '，剩余' + env.WORKING_DAYS_LEFT + '个工作日';
    check(deadlineText === expected, 'the card shows "' + deadlineText + '" instead of "' + expected + '"');
    check(await deadline.isVisible(), 'the deadline is hidden on the folded card');
    await page.screenshot({ path: env.LIST_SCREENSHOT, fullPage: true });

    // on the due date, and after it, the card says so (the browser's day moves, the server's does not)
    const dueNoon = Date.parse(env.DUE_DATE + 'T12:00:00+08:00');
    for (const [time, state] of [[dueNoon, '今日到期'], [dueNoon + 24 * 3600 * 1000, '已超期']]) {
      await page.clock.setFixedTime(time);
      await page.reload();
      await turnToCard();
      await deadline.waitFor({ timeout: 20000 });
      const later = (await deadline.innerText()).trim();
      console.log('card deadline on ' + new Date(time).toISOString() + ': ' + later);
      check(later === '支付时限 ' + env.DUE_DATE + '，' + state, 'the card shows "' + later + '" on ' + state);
    }
    await page.clock.setFixedTime(Number(env.NOW));
    await page.reload();
    await turnToCard();
    await deadline.waitFor({ timeout: 20000 });

    // open the task by clicking its card, as an auditor does
    await card.getByText('代办点审核').first().click();
    await page.waitForURL(url => url.href.includes('task=' + env.TASK_ID), { timeout: 20000 });
    await page.locator('.fjs-form-field-text', { hasText: env.MEMBER_NAME }).first().waitFor({ timeout: 20000 });
    const tabs = await exactTexts(page.locator('.task-details .nav-tabs li a, [cam-tabs] .nav-tabs li a'));
    console.log('task tabs: ' + JSON.stringify(tabs));
    check(['表单', '办理记录', '流程图', '说明'].every(tab => tabs.includes(tab)), 'the task tabs read ' + tabs);
    const due = (await page.locator('[cam-tasklist-task-meta] .due-date').first().innerText()).trim();
    console.log('task due: ' + due);
    check(/^\d+天后$/.test(due), 'the task\'s due date reads ' + due);

    await page.getByText('认领', { exact: true }).click({ timeout: 20000 });
    // Claiming re-renders the form; choose only once it is the holder's (完成 enabled).
    await page.waitForFunction(() => {
      const button = Array.from(document.querySelectorAll('button')).find(b => b.textContent.trim() === '完成');
      return button && !button.disabled;
    }, null, { timeout: 20000 });
    const buttons = await exactTexts(page.locator('[cam-tasklist-form] button, .form-container button'));
    console.log('form buttons: ' + JSON.stringify(buttons));
    check(buttons.includes('保存') && buttons.includes('完成'), 'the form buttons read ' + buttons);
    await page.locator('input[type=radio]').first().waitFor({ timeout: 20000 });
    await page.locator('input[type=radio]').first().click();
    await page.locator('textarea').first().click();
    await page.keyboard.type('材料齐全，同意（浏览器测试）');
    await page.waitForTimeout(500);
    await page.screenshot({ path: env.SCREENSHOT, fullPage: true });

    // every shown text but the values other claims list on their cards (data, such as the markup
    // test's member named <svg onload=...>)
    const shown = await page.evaluate(() => {
      const texts = [];
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      while (walker.nextNode()) {
        const element = walker.currentNode.parentElement;
        if (!element.closest('script, style, .tasks-list .variable-value')
            && element.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true })) {
          texts.push(walker.currentNode.textContent);
        }
      }
      return texts.join(' ');
    });
    const latin = [...new Set(shown.match(/[A-Za-z]{2,}/g) || [])].filter(word => !LATIN_ALLOWED.has(word));
    console.log('latin words on the task view: ' + JSON.stringify(latin));
    check(latin.length === 0, 'the task view shows words in English: ' + latin.join(' '));

    const [submitted] = await Promise.all([
      page.waitForResponse(r => r.url().includes('/submit-form'), { timeout: 20000 }),
      page.locator('button', { hasText: '完成' }).first().click(),
    ]);
    check(submitted.ok(), 'completing the task answered ' + submitted.status());
    await card.waitFor({ state: 'detached', timeout: 20000 });
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
