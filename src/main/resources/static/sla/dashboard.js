// The supervisors' dashboard: reads /api/sla/* with the browser's sign-in and draws plain SVG.
'use strict';

const SVG = 'http://www.w3.org/2000/svg';
const TARGET_PERCENT = 95; // bars below this are coloured as a warning
const LIST_LIMIT = 100; // rows per list; the counters give the totals

async function load(path) {
  const response = await fetch(path, { credentials: 'same-origin', headers: { Accept: 'application/json' } });
  if (!response.ok) {
    let detail = response.statusText;
    try { detail = (await response.json()).detail || detail; } catch (e) { /* not JSON */ }
    throw new Error(path + '：' + detail + '（' + response.status + '）');
  }
  return response.json();
}

function cell(row, text, className) {
  const td = document.createElement('td');
  td.textContent = text === null || text === undefined ? '—' : String(text);
  if (className) td.className = className;
  row.appendChild(td);
  return td;
}

// the claim page opens in place, as every workbench page does; Cockpit in a tab of its own
function link(parent, href, text, { newTab = false } = {}) {
  const a = document.createElement('a');
  a.href = href;
  a.textContent = text;
  if (newTab) a.target = '_blank';
  parent.appendChild(a);
  return a;
}

function holder(claim) {
  if (claim.holderUser) return claim.holderUser;
  if (claim.holderGroup) return '待认领（' + claim.holderGroup + '）';
  return '系统（支付中）';
}

function lateStages(claim) {
  const late = claim.stages.filter(s => s.overBudget).map(s => s.label + ' ' + s.workingDaysUsed + '/' + s.budget + '天');
  return late.length ? late.join('、') : '—';
}

function showEmpty(table, empty) {
  table.parentElement.querySelector('.empty').hidden = !empty;
  table.hidden = empty;
}

function claimRows(tableId, claims, days) {
  const table = document.getElementById(tableId);
  const head = document.createElement('tr');
  ['申请', '会员', '身份证号', '代办点', '所在环节', '当前处理人', '应付日期', table.dataset.days, '超出预算的环节', '查看']
    .forEach(title => { const th = document.createElement('th'); th.textContent = title; head.appendChild(th); });
  table.querySelector('thead').replaceChildren(head);
  const body = table.querySelector('tbody');
  body.replaceChildren();
  for (const claim of claims) {
    const row = document.createElement('tr');
    row.dataset.claimId = claim.claimId;
    row.dataset.dueDate = claim.dueDate;
    link(cell(row, ''), '/claims/' + claim.claimId, String(claim.claimId));
    cell(row, claim.memberName);
    cell(row, claim.memberIdNumberMasked);
    cell(row, claim.agencyName ? claim.agencyCode + ' ' + claim.agencyName : claim.agencyCode);
    cell(row, claim.stageLabel);
    cell(row, holder(claim));
    cell(row, claim.dueDate);
    cell(row, days(claim), 'number days');
    cell(row, lateStages(claim));
    const actions = cell(row, '');
    if (claim.processInstanceId) {
      link(actions, '/camunda/app/cockpit/default/#/process-instance/' + claim.processInstanceId + '/runtime', 'Cockpit', { newTab: true });
    }
    body.appendChild(row);
  }
  showEmpty(table, claims.length === 0);
  const more = table.parentElement.querySelector('.more');
  more.hidden = claims.length < LIST_LIMIT;
  more.querySelector('span').textContent = LIST_LIMIT;
}

function svg(name, attributes, parent) {
  const element = document.createElementNS(SVG, name);
  for (const [key, value] of Object.entries(attributes)) element.setAttribute(key, value);
  if (parent) parent.appendChild(element);
  return element;
}

function text(parent, x, y, content, anchor) {
  const t = svg('text', { x: x, y: y, 'text-anchor': anchor || 'start' }, parent);
  t.textContent = content;
  return t;
}

function figures(c) {
  if (!c.paid) return '无支付';
  return c.inTimePercent + '%（' + c.paid + '笔，工作日中位' + c.medianWorkingDays + '，P90 ' + c.p90WorkingDays + '）';
}

// One horizontal bar per agency: the share paid within the deadline.
function agencyChart(rows) {
  const barArea = 240, left = 160, rowHeight = 28;
  const chart = svg('svg', { viewBox: '0 0 ' + (left + barArea + 280) + ' ' + (rows.length * rowHeight + 10), role: 'img' });
  rows.forEach((c, i) => {
    const y = i * rowHeight + 4;
    text(chart, 0, y + 15, c.key + ' ' + c.label);
    svg('rect', { x: left, y: y, width: barArea, height: 20, fill: '#eef2f6' }, chart);
    const share = c.inTimePercent === null ? 0 : Number(c.inTimePercent);
    const bar = svg('rect', { x: left, y: y, width: barArea * share / 100, height: 20, 'data-key': c.key,
      class: 'bar' + (c.paid && share < TARGET_PERCENT ? ' low' : '') }, chart);
    svg('title', {}, bar).textContent = c.label + '：' + figures(c);
    text(chart, left + barArea + 8, y + 15, figures(c));
  });
  document.getElementById('agency-chart').replaceChildren(chart);
}

// One column per month: the share paid within the deadline, with the count under it.
function monthChart(rows) {
  const width = 56, height = 160, top = 20, bottom = 40, left = 48;
  const chart = svg('svg', { viewBox: '0 0 ' + (rows.length * width + left + 4) + ' ' + (top + height + bottom), role: 'img' });
  svg('line', { x1: left - 6, y1: top + height, x2: rows.length * width + left, y2: top + height, class: 'axis' }, chart);
  text(chart, left - 10, top + 4, '100%', 'end');
  text(chart, left - 10, top + height, '0', 'end');
  rows.forEach((c, i) => {
    const x = left + i * width;
    const share = c.inTimePercent === null ? 0 : Number(c.inTimePercent);
    const barHeight = height * share / 100;
    const bar = svg('rect', { x: x + 8, y: top + height - barHeight, width: width - 16, height: barHeight,
      'data-key': c.key, class: 'bar' + (c.paid && share < TARGET_PERCENT ? ' low' : '') }, chart);
    svg('title', {}, bar).textContent = c.label + '：' + figures(c);
    if (c.paid) text(chart, x + width / 2, top + height - barHeight - 4, c.inTimePercent + '%', 'middle');
    text(chart, x + width / 2, top + height + 16, c.key.substring(2), 'middle');
    text(chart, x + width / 2, top + height + 32, c.paid + '笔', 'middle');
  });
  document.getElementById('month-chart').replaceChildren(chart);
}

function openClaims(rows) {
  const table = document.getElementById('open-claims');
  const body = table.querySelector('tbody');
  body.replaceChildren();
  for (const r of rows) {
    const row = document.createElement('tr');
    cell(row, r.agencyCode + ' ' + r.agencyName);
    cell(row, r.stageLabel);
    [r.open, r.onTrack, r.atRisk, r.breached, r.overBudget].forEach(n => cell(row, n, 'number'));
    body.appendChild(row);
  }
  showEmpty(table, rows.length === 0);
}

function overview(o) {
  document.getElementById('as-of').textContent = '数据时间：' + o.asOf.replace('T', ' ').substring(0, 16);
  document.getElementById('count-open').textContent = o.open.open;
  document.getElementById('count-on-track').textContent = o.open.onTrack;
  document.getElementById('count-at-risk').textContent = o.open.atRisk;
  document.getElementById('count-breached').textContent = o.open.breached;
  document.getElementById('count-over-budget').textContent = o.open.overBudget;
  document.getElementById('count-awaiting').textContent = o.awaitingSupplements;
  document.getElementById('month-percent').textContent =
    o.thisMonth.paid ? o.thisMonth.inTimePercent + '%' : '本月无支付';
  const warning = document.getElementById('calendar-warning');
  warning.hidden = o.calendarMissingYears.length === 0;
  warning.textContent = o.calendarMissingYears.join('、')
    + '年工作日历尚未发布，这些年份暂按周一至周五计算工作日。请流程管理员发布国务院节假日安排。';
}

async function refresh() {
  const error = document.getElementById('error');
  try {
    const [o, breached, atRisk, agencies, months, open] = await Promise.all([
      load('/api/sla/overview'), load('/api/sla/claims?state=BREACHED&limit=' + LIST_LIMIT),
      load('/api/sla/claims?state=AT_RISK&limit=' + LIST_LIMIT),
      load('/api/sla/compliance/agencies'), load('/api/sla/compliance/months'), load('/api/sla/open-claims')]);
    overview(o);
    claimRows('breached', breached, c => c.workingDaysOverdue);
    claimRows('at-risk', atRisk, c => c.workingDaysLeft);
    agencyChart(agencies);
    monthChart(months);
    openClaims(open);
    error.hidden = true;
    document.body.dataset.loaded = 'true';
  } catch (e) {
    error.textContent = '数据加载失败：' + e.message;
    error.hidden = false;
  }
}

refresh();
setInterval(refresh, 5 * 60 * 1000);
