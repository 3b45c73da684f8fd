// A process admin publishes next year's working-day calendar: opens 工作日历 from the menu, presses
// 发布…年日历, types the days from the State Council's notice (first with a make-up day on a
// weekday, which the page refuses at its line), previews the grid, publishes and reads the year.
// Run by CalendarBrowserTest; prints what the pages showed.
'use strict';

const { check, env, launch, desktopPage, signInToWorkbench, watchProblems } = require('./browser.cjs');

const text = async (page, selector) => (await page.locator(selector).allInnerTexts()).map(t => t.replace(/\s+/g, ' ').trim());

(async () => {
  const browser = await launch();
  try {
    const page = await desktopPage(browser);
    const problems = watchProblems(page);
    const year = env('YEAR');

    await signInToWorkbench(page, 'padmin', 'demo');
    console.log('menu: ' + (await text(page, 'nav.menu a')).join('|'));
    await Promise.all([page.waitForNavigation(), page.click('nav.menu a:has-text("工作日历")')]);
    console.log('missing: ' + (await text(page, 'main div.warning')).join('|'));
    console.log('next row: ' + (await text(page, `table.calendars tr[data-year="${year}"]`)).join('|'));
    await page.screenshot({ path: env('OVERVIEW_SCREENSHOT'), fullPage: true });

    await Promise.all([page.waitForNavigation(), page.click(`a.button:has-text("发布${year}年日历")`)]);
    console.log('form: ' + await page.locator('main h1').innerText());
    await page.click('#notice');
    await page.keyboard.type(env('NOTICE'));
    await page.click('#days');
    await page.keyboard.type(env('DAYS_WRONG'));
    const refused = page.waitForResponse(r => r.request().method() === 'POST');
    await Promise.all([page.waitForNavigation(), page.click('button[value=preview]')]);
    console.log('refused status: ' + (await refused).status());
    console.log('line problems: ' + (await text(page, 'ul.line-problems li')).join('|'));
    console.log('kept: ' + (await page.inputValue('#days')).split('\n').length + ' lines, notice ' + await page.inputValue('#notice'));
    await page.screenshot({ path: env('REFUSED_SCREENSHOT'), fullPage: true });

    // the wrong line is typed again: the whole text chosen with the keyboard and typed over
    await page.click('#days');
    await page.keyboard.press('Control+A');
    await page.keyboard.type(env('DAYS'));
    await Promise.all([page.waitForNavigation(), page.click('button[value=preview]')]);
    console.log('preview: ' + (await text(page, 'section.calendar-preview h2')).join('|'));
    console.log('preview holidays: ' + await page.locator('section.calendar-preview td.holiday').count());
    console.log('preview make-up: ' + (await page.locator('section.calendar-preview td.make-up-day').getAttribute('title')));
    await page.screenshot({ path: env('PREVIEW_SCREENSHOT'), fullPage: true });

    await Promise.all([page.waitForNavigation(), page.click('button[value=publish]')]);
    console.log('published: ' + (await text(page, 'main .notice')).join('|'));
    console.log('facts: ' + (await text(page, 'dl.facts')).join('|'));
    console.log('grid holidays: ' + await page.locator('.year-grid td.holiday').count());
    console.log('new year: ' + await page.locator(`td[data-date="${year}-01-01"]`).getAttribute('title'));
    await page.hover(`td[data-date="${year}-01-01"]`);
    await page.screenshot({ path: env('PUBLISHED_SCREENSHOT'), fullPage: true });

    await Promise.all([page.waitForNavigation(), page.click('nav.crumbs a:has-text("工作日历")')]);
    console.log('listed: ' + (await text(page, `table.calendars tr[data-year="${year}"]`)).join('|'));
    // this year, not published either: counted Monday to Friday, today marked
    await Promise.all([page.waitForNavigation(), page.click(`table.calendars a:text-is("${year - 1}年")`)]);
    console.log('this year: ' + (await text(page, 'main div.warning')).join('|'));
    console.log('today: ' + await page.locator('td.today').getAttribute('title'));
    await page.screenshot({ path: env('THIS_YEAR_SCREENSHOT'), fullPage: true });
    check(problems.length === 0, 'errors on the pages: ' + problems.join('; '));
    console.log('done');
  } finally {
    await browser.close();
  }
})().catch(e => {
  console.log('FAILED: ' + e.message);
  process.exit(1);
});
