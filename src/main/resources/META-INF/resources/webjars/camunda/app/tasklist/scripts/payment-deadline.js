// Huzhu: the claim's payment deadline on each task card of Tasklist, in working days as our
// pages count them: "支付时限 2026-12-15，剩余3个工作日". Huzhu writes the task-local variable
// paymentDeadline when the task is created, and again when a calendar change moves the deadline:
// the due date and the working days of the calendar up to it (org.huzhu.workflow.DeadlineOnTask).
// This script only counts those that come after today in Beijing, so it needs no calendar of its
// own. Loaded by config.js (customScripts) as a module: no inline script, the webapps' policy holds.

const VARIABLE = 'paymentDeadline';
const BEIJING_OFFSET_MS = 8 * 3600 * 1000; // China keeps UTC+8 all year

// What each task's deadline is, once asked per task while the page stays open: the deadline
// moves only when a calendar is published, and a reload then shows the new one.
const deadlines = new Map();

function beijingToday() {
  return new Date(Date.now() + BEIJING_OFFSET_MS).toISOString().slice(0, 10);
}

function deadlineOf(engineApi, taskId) {
  if (!deadlines.has(taskId)) {
    const url = engineApi + '/task/' + encodeURIComponent(taskId) + '/localVariables/' + VARIABLE;
    deadlines.set(taskId, fetch(url, { credentials: 'same-origin', headers: { Accept: 'application/json' } })
      .then(response => (response.ok ? response.json() : null))
      .then(variable => (variable && typeof variable.value === 'string' ? JSON.parse(variable.value) : null))
      .catch(() => null));
  }
  return deadlines.get(taskId);
}

/** The text and state for a deadline on a day (ISO dates compare as strings). */
function describe(deadline, today) {
  const due = deadline.dueDate;
  if (today > due) {
    return { text: '支付时限 ' + due + '，已超期', state: 'overdue' };
  }
  if (today === due) {
    return { text: '支付时限 ' + due + '，今日到期', state: 'due-today' };
  }
  const left = deadline.workingDays.filter(day => day > today).length;
  return { text: '支付时限 ' + due + '，剩余' + left + '个工作日', state: 'running' };
}

export default {
  id: 'huzhu.payment-deadline',
  pluginPoint: 'tasklist.card',
  priority: 300, // before the listed variables (200): seen on the folded card
  render: (node, { api, taskId }) => {
    deadlineOf(api.engineApi, taskId).then(deadline => {
      if (!deadline) {
        return; // not a claim's task, or its clock has not started
      }
      const shown = describe(deadline, beijingToday());
      const line = document.createElement('div');
      line.className = 'huzhu-payment-deadline ' + shown.state;
      line.textContent = shown.text;
      node.appendChild(line);
    });
  }
};
