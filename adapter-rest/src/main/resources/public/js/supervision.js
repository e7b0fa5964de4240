/*
 * Plantrack dashboard, the supervision cycle (督查督办): every task's status on the overview, the task page
 * (#/task/{id}: lifecycle, assignment, progress reports, evidence, the steps the signed-in person may take),
 * a unit's tasks (#/mytasks) and the review queue (#/reviews). Built on window.PT from app.js; every text is
 * set as text (PT.el), never as HTML.
 */
'use strict';
(function () {
  const PT = window.PT;
  const { el, t, api, state } = PT;
  const STATUSES = ['OVERDUE', 'BEHIND', 'AT_RISK', 'ON_TRACK', 'NOT_STARTED', 'ACHIEVED', 'NOT_EVALUABLE'];
  const STATUS_ZH = { OVERDUE: '逾期', BEHIND: '落后', AT_RISK: '有风险', ON_TRACK: '正常', NOT_STARTED: '未开始',
    ACHIEVED: '已完成', NOT_EVALUABLE: '无法评价' };
  const REPORTABLE = ['ACKNOWLEDGED', 'IN_PROGRESS', 'RETURNED'];
  const BOARD_COLUMNS = ['col.section', 'col.task', 'col.state', 'col.lead', 'col.due', 'col.status', 'col.reason'];
  const MY_COLUMNS = ['col.task', 'col.state', 'col.due', 'col.status', 'my.due', 'col.reason'];

  // ------------------------------------------------------------------ data

  function planPath(rest) {
    return 'plans/' + encodeURIComponent(state.planId) + '/' + rest;
  }

  function items(x) {
    if (Array.isArray(x)) {
      return x;
    }
    if (!x) {
      return [];
    }
    return x.items || x.reports || x.entries || x.tasks || [];
  }

  /** The first of the named properties that is set. */
  function pick(o, ...names) {
    if (!o) {
      return undefined;
    }
    for (const n of names) {
      if (o[n] !== undefined && o[n] !== null) {
        return o[n];
      }
    }
    return undefined;
  }

  function asOfQuery() {
    return state.status ? 'asOf=' + state.status.asOf : '';
  }

  function supervises() {
    return !!state.me && (state.me.role === 'SUPERVISOR' || state.me.role === 'ADMIN');
  }

  async function loadBoard() {
    state.board = null;
    state.boardError = null;
    state.supervision = null;
    if (!state.planId) {
      return;
    }
    const [board, settings] = await Promise.all([
      api('GET', planPath('tasks?' + asOfQuery())).catch(e => { state.boardError = e; return null; }),
      api('GET', planPath('supervision')).catch(() => null)
    ]);
    state.board = board ? board.data : null;
    state.supervision = settings ? settings.data : null;
  }

  function sectionOf(sectionId, taskId) {
    const sections = state.plan ? state.plan.sections : [];
    return sections.find(s => s.id === sectionId) || sections.find(s => s.tasks.some(x => x.id === taskId));
  }

  function planTask(taskId) {
    for (const s of (state.plan ? state.plan.sections : [])) {
      const hit = s.tasks.find(x => x.id === taskId);
      if (hit) {
        return hit;
      }
    }
    return null;
  }

  /** "一、以党建工作为统领，推动……" → "一、以党建工作为统领". */
  function shortSection(s) {
    if (!s) {
      return '–';
    }
    const cut = s.title.search(/[，,]/);
    return cut > 0 ? s.title.substring(0, cut) : s.title;
  }

  function periodKey(p) {
    return typeof p === 'string' ? p : pick(p, 'key', 'period', 'id');
  }

  /** 2017-Q2 → 2017年第二季度 / Q2 2017; 2017-05 → 2017年5月 / May 2017 (as core says it). */
  function periodName(p) {
    const key = periodKey(p) || '';
    const en = state.lang === 'en';
    const label = p && typeof p === 'object' ? (en ? p.labelEn : p.labelZh) : null;
    if (label) {
      return label;
    }
    let m = key.match(/^(\d{4})-Q([1-4])$/);
    if (m) {
      return en ? 'Q' + m[2] + ' ' + m[1] : m[1] + '年第' + '一二三四'.charAt(Number(m[2]) - 1) + '季度';
    }
    m = key.match(/^(\d{4})-(\d{2})$/);
    if (m) {
      return en ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, 1)).toLocaleString('en', { month: 'long', timeZone: 'UTC' })
        + ' ' + m[1] : m[1] + '年' + Number(m[2]) + '月';
    }
    return key;
  }

  function entryPeriod(e) {
    return (state.lang === 'en' ? e.periodEn : e.periodZh) || periodName(e.period);
  }

  function entryDeadline(e) {
    return pick(e, 'deadline') || pick(e.period, 'deadline');
  }

  function entryContains(e, day) {
    const start = pick(e, 'periodStart', 'start') || pick(e.period, 'start');
    const end = pick(e, 'periodEnd', 'end') || pick(e.period, 'end');
    return start && end && start <= day && day <= end;
  }

  // ------------------------------------------------------------------ small pieces

  function stateChip(s, zh) {
    const name = s || 'none';
    return el('span', { class: 'state state-' + name, 'data-state': name },
      s ? (state.lang === 'en' ? t('state.' + s) : (zh || t('state.' + s))) : t('state.none'));
  }

  function taskReason(x) {
    if (!x) {
      return '';
    }
    if (x.reason && typeof x.reason === 'object') {
      return PT.reason(x.reason);
    }
    return state.lang === 'en' ? (x.reasonEn || x.reasonZh || '') : (x.reasonZh || x.reasonEn || '');
  }

  function statusCell(x) {
    if (!x || !x.status) {
      return [];
    }
    return [PT.badge(x.status, x.statusZh || STATUS_ZH[x.status]), PT.warningChip(x.warning),
      x.manual ? el('span', { class: 'tag manual' }, t('task.manual')) : null];
  }

  /** The assigned lead unit, else the one the plan names (before 交办). */
  function leadOf(x) {
    const task = planTask(x.taskId);
    return x.lead || (task ? task.leadUnit : null);
  }

  /** Gives each cell of a row the label of its column (a phone shows the rows as cards with these labels). */
  function labelled(row, keys) {
    Array.from(row.children).forEach((td, i) => { if (keys[i]) { td.setAttribute('data-label', t(keys[i])); } });
    return row;
  }

  function units(list) {
    return (list || []).map(PT.unitName).join('、') || '–';
  }

  function count(x) {
    if (x == null) {
      return 0;
    }
    return Array.isArray(x) ? x.length : Number(x) || 0;
  }

  /** The server's message in the reader's language, under the field it names (or at the form's foot). */
  function showProblem(form, e, prefixes) {
    const detail = e && e.problem && e.problem.detail ? PT.problemText(e.problem.detail) : (e && e.message) || String(e);
    let f = e && e.problem && e.problem.field ? String(e.problem.field) : '';
    (prefixes || []).forEach(p => { f = f.startsWith(p) ? f.substring(p.length) : f; });
    f = f.replace(/\[\d+\].*$/, '').replace(/\..*$/, '');
    const slot = f && form.querySelector('.field-error[data-field="' + f + '"]');
    const target = slot || form.querySelector('.field-error.general');
    if (target) {
      target.textContent = detail;
      const input = slot && form.querySelector('[data-input="' + f + '"]');
      if (input) {
        input.classList.add('invalid');
      }
    } else {
      PT.flash(t('err.generic') + detail, true);
    }
  }

  function clearProblems(form) {
    form.querySelectorAll('.field-error').forEach(p => { p.textContent = ''; });
    form.querySelectorAll('.invalid').forEach(x => x.classList.remove('invalid'));
  }

  function fieldBox(name, label, input) {
    input.setAttribute('data-input', name);
    return el('div', { class: 'field' }, el('label', { for: input.id }, label), input,
      el('p', { class: 'field-error', 'data-field': name, id: 'err-' + input.id }));
  }

  /** After a step: the board and the page again, then the message. */
  async function done(msg) {
    await PT.reload();
    PT.flash(msg);
  }

  /** A link that downloads an evidence file with the token (never opened in the page). */
  function fileLink(fileId, name) {
    const a = el('a', { href: '#', class: 'file-link', 'data-file': fileId, download: name || fileId },
      '⤓ ' + (name || t('rep.file') + ' ' + fileId));
    a.addEventListener('click', async (ev) => {
      ev.preventDefault();
      try {
        const res = await fetch('/api/v1/' + planPath('evidence/' + encodeURIComponent(fileId)),
          { headers: { Authorization: 'Bearer ' + state.token } });
        if (!res.ok) {
          throw new PT.ApiError(res.status, await res.json().catch(() => null));
        }
        const blob = new Blob([await res.arrayBuffer()], { type: 'application/octet-stream' });
        const url = URL.createObjectURL(blob);
        const tmp = el('a', { href: url, download: name || fileId });
        document.body.append(tmp);
        tmp.click();
        tmp.remove();
        setTimeout(() => URL.revokeObjectURL(url), 10000);
      } catch (e) {
        PT.flash(t('err.generic') + PT.problemText(e.message), true);
      }
    });
    return a;
  }

  function evidenceList(evidence, files) {
    const list = (evidence || []).map(e => {
      const link = typeof e === 'string' ? e : e.link;
      if (link) {
        return el('li', {}, el('a', { href: PT.safeUrl(link), rel: 'noopener noreferrer', target: '_blank',
          class: 'evidence-link' }, link));
      }
      const f = (files || []).find(x => x.id === e.fileId);
      return el('li', {}, fileLink(e.fileId, f ? f.name : null));
    });
    return list.length ? el('ul', { class: 'evidence' }, list) : null;
  }

  // ------------------------------------------------------------------ overview part

  function renderBoardCard() {
    if (!state.plan) {
      return null;
    }
    const card = el('section', { class: 'card', id: 'task-board' });
    if (!state.board) {
      card.append(el('h2', {}, t('board.title')), el('p', { class: 'hint', id: 'task-board-error' },
        t('board.unavailable') + (state.boardError ? PT.problemText(state.boardError.message) : '')));
      return card;
    }
    const b = state.board;
    const tasks = items(b.tasks);
    const counts = b.counts || {};
    const cal = items(b.calendar);
    const late = b.late !== undefined ? count(b.late) : cal.filter(e => e.timing === 'LATE').length;
    const missing = b.missing !== undefined ? count(b.missing) : cal.filter(e => e.timing === 'MISSING').length;
    const review = b.reviewRequired !== undefined ? b.reviewRequired
      : (state.supervision ? state.supervision.reviewRequired : undefined);
    const chips = el('ul', { class: 'counts', id: 'task-counts', 'aria-label': t('board.counts') },
      STATUSES.map(s => el('li', { class: 'count st-' + s, 'data-status': s },
        el('span', { class: 'n' }, String(counts[s] || tasks.filter(x => x.status === s).length)), ' ',
        PT.statusText(s, STATUS_ZH[s]))));
    const facts = el('ul', { class: 'facts', id: 'task-facts' },
      el('li', { 'data-fact': 'pending' }, el('a', { href: '#/reviews' }, t('board.pending')), ' ',
        el('b', {}, String(count(b.pendingReviews)))),
      el('li', { 'data-fact': 'late', class: late ? 'hot' : '' }, t('board.late') + ' ', el('b', {}, String(late))),
      el('li', { 'data-fact': 'missing', class: missing ? 'hot' : '' }, t('board.missing') + ' ', el('b', {}, String(missing))),
      review === undefined || supervises() ? null
        : el('li', { 'data-fact': 'review' }, t(review ? 'board.review' : 'board.noReview')));
    if (supervises() && review !== undefined) {
      const box = el('input', { type: 'checkbox', id: 'review-required', checked: !!review });
      box.addEventListener('change', async () => {
        box.disabled = true;
        try {
          await api('PUT', planPath('supervision'), { json: { reviewRequired: box.checked } });
          await done(t('board.saved'));
        } catch (e) {
          box.disabled = false;
          box.checked = !box.checked;
          PT.flash(t('err.generic') + PT.problemText(e.message), true);
        }
      });
      facts.append(el('li', { 'data-fact': 'review' }, el('label', { class: 'inline' }, box, t('board.reviewToggle'))));
    }
    const rows = tasks.map(x => {
      const s = sectionOf(x.sectionId, x.taskId);
      const pending = count(x.pending);
      return labelled(el('tr', { 'data-task': x.taskId, 'data-status': x.status, 'data-state': x.state || 'none' },
        el('td', { class: 'sec', title: s ? s.title : '' }, shortSection(s)),
        el('td', { class: 'ttl' }, el('a', { href: '#/task/' + encodeURIComponent(x.taskId) }, x.taskId + ' ' + (x.title || ''))),
        el('td', {}, stateChip(x.state, x.stateZh)),
        el('td', { class: 'lead' }, leadOf(x) ? PT.unitName(leadOf(x)) : '–'),
        el('td', { class: 'date' }, x.dueDate || '–'),
        el('td', {}, statusCell(x), pending ? el('span', { class: 'tag pending' }, t('board.pending') + ' ' + pending) : null),
        el('td', { class: 'why' }, taskReason(x))), BOARD_COLUMNS);
    });
    const assignAll = supervises() && tasks.some(x => !x.state)
      ? el('button', { type: 'button', id: 'assign-all', class: 'no-print' }, t('board.assignAll')) : null;
    const fallback = assignAll ? el('select', { id: 'assign-all-lead', 'aria-label': t('board.fallback') },
      el('option', { value: '' }, t('board.noFallback')), unitOptions([])) : null;
    const out = el('p', { class: 'hint', id: 'assign-all-result' });
    if (assignAll) {
      assignAll.addEventListener('click', async () => {
        assignAll.disabled = true;
        try {
          const r = await api('POST', planPath('tasks/assign-all'), { json: { lead: fallback.value || null } });
          const left = r.data.left || {};
          await done(t('board.assignedAll', { n: count(r.data.assigned) }) + (Object.keys(left).length
            ? ' ' + t('board.left') + Object.entries(left).map(([k, v]) => k + ' ' + PT.problemText(v)).join('；') : ''));
        } catch (e) {
          assignAll.disabled = false;
          out.textContent = t('err.generic') + PT.problemText(e.message);
        }
      });
    }
    card.append(el('div', { class: 'row-head' }, el('h2', {}, t('board.title')),
      assignAll ? el('div', { class: 'assign-all no-print' }, el('label', { class: 'inline' }, t('board.fallback'), fallback),
        assignAll) : null), chips, facts, out,
      el('div', { class: 'scroll' }, el('table', { id: 'task-table' },
        el('thead', {}, el('tr', {}, BOARD_COLUMNS.map(k => el('th', { scope: 'col' }, t(k))))),
        el('tbody', {}, rows))));
    return card;
  }

  // ------------------------------------------------------------------ task page

  function taskState(d) {
    const s = pick(d, 'state') || pick(d.status, 'state');
    if (s) {
      return s;
    }
    const tr = items(d.transitions);
    return tr.length ? tr[tr.length - 1].to : null;
  }

  function assignmentOf(d) {
    const a = d.assignment;
    if (!a) {
      return null;
    }
    return { lead: pick(a, 'leadUnit', 'lead'), partners: pick(a, 'partnerUnits', 'partners') || [], due: pick(a, 'dueDate', 'due') };
  }

  function unitsOfTask(d, task) {
    const a = assignmentOf(d);
    if (a) {
      return [a.lead].concat(a.partners).filter(Boolean);
    }
    return [task.leadUnit].concat(task.partnerUnits || []).filter(Boolean);
  }

  function returnReason(r) {
    const direct = pick(r, 'reviewReason', 'returnReason');
    if (direct) {
      return direct;
    }
    if (r.review && r.review.reason) {
      return r.review.reason;
    }
    const rv = items(r.reviews);
    return rv.length ? rv[rv.length - 1].reason : null;
  }

  async function renderTask(id) {
    const v = PT.view();
    const task = planTask(id);
    if (!task) {
      v.replaceChildren(el('p', { class: 'card' }, t('task.unknown', { id })));
      return;
    }
    const d = (await api('GET', planPath('tasks/' + encodeURIComponent(id) + '/supervision?' + asOfQuery()))).data;
    const full = task; // the plan's task (targets with kind and description); d.task says the same in fewer words
    const st = d.status || {};
    const s = taskState(d);
    const a = assignmentOf(d);
    const files = items(d.files);
    const section = sectionOf(null, id);
    const head = el('section', { class: 'card', id: 'task-head' },
      el('p', {}, el('a', { href: '#/overview' }, '‹ ' + t('target.back'))),
      el('p', { class: 'hint' }, section ? section.title : ''),
      el('h1', { id: 'task-title' }, id + ' ' + full.title),
      el('div', { class: 'status-box', id: 'task-status' }, stateChip(s, pick(d, 'stateZh') || pick(st, 'stateZh')), ' ',
        statusCell(st),
        el('p', { class: 'reason', id: 'task-reason' }, t('target.reason') + (state.lang === 'en' ? ': ' : '：')
          + taskReason(st))),
      el('h2', {}, t('task.assignment')),
      a ? el('dl', { class: 'meta', id: 'task-assignment' },
        el('dt', {}, t('col.lead')), el('dd', { 'data-unit': a.lead }, PT.unitName(a.lead)),
        el('dt', {}, t('col.partners')), el('dd', {}, units(a.partners)),
        el('dt', {}, t('col.due')), el('dd', { id: 'task-due' }, a.due || '–'))
        : el('p', { class: 'hint', id: 'task-assignment' }, t('task.notAssigned')),
      (full.targets || []).length ? el('div', {}, el('h3', {}, t('task.targets')), el('ul', { class: 'targets' },
        full.targets.map(g => el('li', { class: 'target' }, el('a', { href: '#/target/' + encodeURIComponent(g.id) },
          g.id + ' ' + g.description))))) : null);
    v.replaceChildren(head,
      renderActions(d, full, s, a),
      el('section', { class: 'card' }, el('h2', {}, t('task.reports')), renderReports(d, files, s)),
      el('section', { class: 'card' }, el('h2', {}, t('task.timeline')), renderTimeline(items(d.transitions))),
      renderCalendar(items(d.calendar)),
      files.length ? el('section', { class: 'card' }, el('h2', {}, t('task.files')), el('ul', { class: 'evidence', id: 'task-files' },
        files.map(f => el('li', {}, fileLink(f.id, f.name), ' ', el('span', { class: 'hint' },
          (f.contentType || '') + (f.size != null ? ' · ' + Math.ceil(f.size / 1024) + ' KB' : '')))))) : null);
  }

  function renderTimeline(list) {
    if (!list.length) {
      return el('p', { class: 'hint' }, t('task.notAssigned'));
    }
    return el('ol', { class: 'timeline', id: 'task-timeline' }, list.map(x => el('li', { 'data-action': x.action, 'data-to': x.to },
      el('div', { class: 'tl-head' }, el('b', {}, t('action.' + x.action)), ' ', stateChip(x.to, x.toZh),
        el('span', { class: 'hint' }, ' ' + (x.actor || '') + (x.actorUnit ? '（' + PT.unitName(x.actorUnit) + '）' : '')),
        el('time', { class: 'hint', datetime: x.at }, ' ' + PT.localTime(x.at))),
      x.assignment ? el('div', { class: 'hint' }, t('col.lead') + ' ' + PT.unitName(pick(x.assignment, 'leadUnit', 'lead'))
        + ' · ' + t('col.due') + ' ' + (pick(x.assignment, 'dueDate', 'due') || '–')) : null,
      x.note ? el('div', { class: 'tl-note' }, x.note) : null)));
  }

  function renderCalendar(list) {
    if (!list.length) {
      return null;
    }
    return el('section', { class: 'card' }, el('h2', {}, t('task.calendar')), el('div', { class: 'scroll' },
      el('table', { id: 'task-calendar' },
        el('thead', {}, el('tr', {}, ['col.period', 'col.unit', 'col.deadline', 'col.timing', 'col.submitted']
          .map(k => el('th', { scope: 'col' }, t(k))))),
        el('tbody', {}, list.map(e => el('tr', { 'data-timing': e.timing },
          el('td', {}, entryPeriod(e)), el('td', {}, PT.unitName(pick(e, 'unitId', 'unit'))),
          el('td', {}, entryDeadline(e) || '–'),
          el('td', {}, el('span', { class: 'timing timing-' + e.timing }, t('timing.' + e.timing))),
          el('td', {}, e.submittedAt ? PT.localTime(e.submittedAt) : '–')))))));
  }

  function renderReports(d, files, s) {
    const reports = items(d.reports);
    if (!reports.length) {
      return el('p', { class: 'hint', id: 'task-reports' }, t('task.noReports'));
    }
    const superseded = new Set(reports.map(r => r.supersedes).filter(Boolean));
    const sorted = reports.slice().sort((x, y) => String(y.recordedAt).localeCompare(String(x.recordedAt))
      || reports.indexOf(y) - reports.indexOf(x));
    return el('div', { id: 'task-reports' }, sorted.map(r => reportCard(r, files, superseded.has(r.id), true)));
  }

  function reviewStateOf(r) {
    if (typeof r.reviewState === 'string') {
      return r.reviewState;
    }
    if (typeof r.review === 'string') {
      return r.review;
    }
    return (r.review && r.review.state) || 'APPROVED';
  }

  function reportCard(r, files, isSuperseded, withReview) {
    const rs = reviewStateOf(r);
    const reason = rs === 'RETURNED' ? returnReason(r) : null;
    const figs = items(r.figures);
    const card = el('article', { class: 'report' + (isSuperseded ? ' superseded' : ''), 'data-report': r.id, 'data-review': rs },
      el('div', { class: 'row-head' },
        el('h3', {}, periodName(r.period) + ' · ' + PT.unitName(pick(r, 'unitId', 'unit'))),
        el('span', { class: 'assess assess-' + r.assessment, 'data-assessment': r.assessment }, t('assess.' + r.assessment)),
        el('span', { class: 'review review-' + rs, 'data-review': rs }, t('review.' + rs)),
        isSuperseded ? el('span', { class: 'tag' }, t('rep.superseded')) : null,
        r.supersedes ? el('span', { class: 'tag', title: r.supersedes }, t('rep.supersedes')) : null),
      reason ? el('p', { class: 'returned-reason' }, el('b', {}, t('rep.returned')), reason) : null,
      el('dl', { class: 'three' },
        el('dt', {}, t('rep.progress')), el('dd', { class: 'progress' }, r.progress || '–'),
        el('dt', {}, t('rep.problems')), el('dd', { class: 'problems' }, r.problems || '–'),
        el('dt', {}, t('rep.nextSteps')), el('dd', { class: 'next' }, r.nextSteps || '–'),
        figs.length ? el('dt', {}, t('rep.figures')) : null,
        figs.length ? el('dd', { class: 'figures' }, figs.map(f => f.targetId + ' = ' + PT.num(f.value)
          + '（' + t('fig.' + (f.mode || 'SET')) + '）').join('；')) : null,
        (r.evidence || []).length ? el('dt', {}, t('rep.evidence')) : null,
        (r.evidence || []).length ? el('dd', {}, evidenceList(r.evidence, files)) : null),
      el('p', { class: 'hint' }, t('rep.reporter') + ' ' + (r.reporter || '–') + ' · ' + t('rep.recorded') + ' '
        + PT.localTime(r.recordedAt)));
    if (withReview && rs === 'PENDING' && !isSuperseded && supervises()) {
      card.append(reviewForm(r));
    }
    return card;
  }

  function reviewForm(r) {
    const reason = el('textarea', { id: 'rv-reason-' + r.id, rows: 2, class: 'rv-reason' });
    const approve = el('button', { type: 'button', class: 'rv-approve' }, t('btn.approve'));
    const ret = el('button', { type: 'button', class: 'rv-return danger' }, t('btn.returnReport'));
    const form = el('form', { class: 'review-form', 'data-report': r.id }, fieldBox('reason', t('f.returnReason'), reason),
      el('p', { class: 'field-error general' }), el('div', { class: 'buttons' }, approve, ret));
    const send = async (ok) => {
      clearProblems(form);
      try {
        await api('POST', planPath('task-reports/' + encodeURIComponent(r.id) + '/review'),
          { json: { approve: ok, reason: reason.value.trim() || null } });
        await done(t('done.review.' + ok));
      } catch (e) {
        showProblem(form, e, ['review.']);
      }
    };
    form.addEventListener('submit', ev => ev.preventDefault());
    approve.addEventListener('click', () => send(true));
    ret.addEventListener('click', () => send(false));
    return form;
  }

  // ------------------------------------------------------------------ steps

  function stepForm(id, taskId, path, labelKey, textKey, textName, buttonKey, extraClass) {
    const text = el('textarea', { id: id + '-text', rows: 2 });
    const button = el('button', { type: 'submit', id: id, class: extraClass || '' }, t(buttonKey));
    const form = el('form', { class: 'step-form', id: id + '-form' }, el('h3', {}, t(labelKey)),
      fieldBox(textName, t(textKey), text), el('p', { class: 'field-error general' }), button);
    form.addEventListener('submit', async (ev) => {
      ev.preventDefault();
      clearProblems(form);
      const body = {};
      body[textName] = text.value.trim() || null;
      try {
        const r = await api('POST', planPath('tasks/' + encodeURIComponent(taskId) + '/' + path), { json: body });
        const action = r.data && r.data.action ? r.data.action : null;
        await done(t('done.step', { action: action ? t('action.' + action) : t(buttonKey) }));
      } catch (e) {
        showProblem(form, e, ['transition.', 'taskReport.']);
      }
    });
    return form;
  }

  function renderActions(d, task, s, a) {
    const box = el('section', { class: 'card actions', id: 'task-actions' }, el('h2', {}, t('task.actions')));
    const forms = [];
    const mine = state.me && state.me.role === 'REPORTER'
      ? unitsOfTask(d, task).filter(u => state.me.units.includes(u)) : [];
    if (mine.length) {
      if (s === 'ASSIGNED') {
        forms.push(stepForm('t-acknowledge', task.id, 'acknowledge', 'btn.acknowledge', 'f.note', 'note', 'btn.acknowledge'));
      }
      if (REPORTABLE.includes(s)) {
        forms.push(reportForm(d, task, mine));
        forms.push(stepForm('t-request', task.id, 'request-completion', 'btn.requestCompletion', 'f.note', 'note',
          'btn.requestCompletion'));
      }
    }
    if (supervises()) {
      if (s === 'COMPLETION_REQUESTED') {
        forms.push(stepForm('t-close', task.id, 'close', 'btn.close', 'f.note', 'note', 'btn.close'));
        forms.push(stepForm('t-return', task.id, 'return', 'btn.returnTask', 'f.returnReason', 'reason', 'btn.returnTask', 'danger'));
      }
      if (s === 'CLOSED') {
        forms.push(stepForm('t-reopen', task.id, 'reopen', 'btn.reopen', 'f.reason', 'reason', 'btn.reopen'));
      }
      if (s !== 'COMPLETION_REQUESTED' && s !== 'CLOSED') {
        forms.push(assignForm(task, a));
      }
      forms.push(statusForm(task, d.status || {}));
    }
    if (!forms.length) {
      box.append(el('p', { class: 'hint' }, t('task.noActions')));
    } else {
      box.append(el('div', { class: 'action-grid' }, forms));
    }
    return box;
  }

  function dueDefault(task) {
    const dues = (task.targets || []).map(g => g.dueDate).filter(Boolean).sort();
    return dues.length ? dues[dues.length - 1] : state.plan.period.end;
  }

  function unitOptions(selected) {
    return (state.units || []).map(u => el('option', { value: u.id, selected: selected.includes(u.id) }, u.name + ' · ' + u.id));
  }

  function assignForm(task, a) {
    const lead = el('select', { id: 't-lead' }, el('option', { value: '' }, '–'),
      unitOptions([a ? a.lead : task.leadUnit].filter(Boolean)));
    const partners = el('select', { id: 't-partners', multiple: true, size: 3 },
      unitOptions(a ? a.partners : (task.partnerUnits || [])));
    const due = el('input', { id: 't-due', type: 'date', value: a && a.due ? a.due : dueDefault(task),
      min: state.plan.period.start, max: state.plan.period.end });
    const note = el('textarea', { id: 't-assign-note', rows: 2 });
    const form = el('form', { class: 'step-form', id: 't-assign-form' }, el('h3', {}, t('btn.assign')),
      fieldBox('leadUnit', t('f.lead'), lead), fieldBox('partnerUnits', t('f.partners'), partners),
      fieldBox('dueDate', t('f.due'), due), fieldBox('note', t('f.note'), note),
      el('p', { class: 'field-error general' }), el('button', { type: 'submit', id: 't-assign' }, t('btn.assign')));
    form.addEventListener('submit', async (ev) => {
      ev.preventDefault();
      clearProblems(form);
      const body = {
        lead: lead.value || null,
        partners: Array.from(partners.selectedOptions).map(o => o.value).filter(u => u !== lead.value),
        dueDate: due.value || null,
        note: note.value.trim() || null
      };
      try {
        await api('POST', planPath('tasks/' + encodeURIComponent(task.id) + '/assign'), { json: body });
        await done(t('done.step', { action: t('action.ASSIGN') }));
      } catch (e) {
        showProblem(form, e, ['assignment.', 'transition.']);
      }
    });
    return form;
  }

  function statusForm(task, st) {
    const status = el('select', { id: 't-status-value' }, el('option', { value: '' }, t('f.statusAuto')),
      STATUSES.filter(s => s !== 'NOT_EVALUABLE').map(s => el('option', { value: s, selected: st.manual && st.status === s },
        PT.statusText(s, STATUS_ZH[s]))));
    const reason = el('textarea', { id: 't-status-reason', rows: 2 });
    const form = el('form', { class: 'step-form', id: 't-status-form' }, el('h3', {}, t('btn.setStatus')),
      fieldBox('status', t('f.status'), status), fieldBox('reason', t('f.reason'), reason),
      el('p', { class: 'field-error general' }), el('button', { type: 'submit', id: 't-status' }, t('btn.setStatus')));
    form.addEventListener('submit', async (ev) => {
      ev.preventDefault();
      clearProblems(form);
      try {
        await api('POST', planPath('tasks/' + encodeURIComponent(task.id) + '/status'),
          { json: { status: status.value || null, reason: reason.value.trim() || null } });
        await done(t('done.status'));
      } catch (e) {
        showProblem(form, e, ['override.']);
      }
    });
    return form;
  }

  function periodsOfPlan() {
    const p = state.supervision ? items(state.supervision.periods || (state.supervision.calendar
      && state.supervision.calendar.periods)) : [];
    const today = state.status.asOf;
    return p.filter(x => !x.start || x.start <= today);
  }

  function reportForm(d, task, mine) {
    const today = state.status.asOf;
    const periods = periodsOfPlan();
    const current = periods.find(p => p.start <= today && today <= p.end) || periods[periods.length - 1];
    const unit = mine.length > 1 ? el('select', { id: 's-unit' }, mine.map(u => el('option', { value: u }, PT.unitName(u)))) : null;
    const period = el('select', { id: 's-period' }, periods.map(p => el('option', { value: periodKey(p),
      selected: current && periodKey(p) === periodKey(current) }, periodName(p)
        + (p.deadline ? '（' + t('col.deadline') + ' ' + p.deadline + '）' : ''))));
    const progress = el('textarea', { id: 's-progress', rows: 3 });
    const problems = el('textarea', { id: 's-problems', rows: 2 });
    const nextSteps = el('textarea', { id: 's-nextSteps', rows: 2 });
    const assessment = el('select', { id: 's-assessment' }, ['ON_SCHEDULE', 'BEHIND', 'DONE'].map(x =>
      el('option', { value: x }, t('assess.' + x))));
    const figures = (task.targets || []).filter(g => g.kind !== 'QUALITATIVE').map(g => ({
      g,
      value: el('input', { id: 's-fig-' + g.id, type: 'number', step: 'any', inputmode: 'decimal', class: 'fig-value',
        placeholder: t('form.figureHint'), 'aria-label': g.id + ' ' + t('report.value') }),
      mode: el('select', { id: 's-figmode-' + g.id, 'aria-label': g.id + ' ' + t('report.mode') },
        ['SET', 'ADD'].map(m => el('option', { value: m }, t('report.' + m))))
    }));
    const link = el('input', { id: 's-link', type: 'url', placeholder: 'https://' });
    const file = el('input', { id: 's-file', type: 'file' });
    const keep = el('ul', { class: 'keep-evidence', id: 's-keep' });
    const kept = [];
    // a resubmission starts from the returned report's words
    const returned = items(d.reports).filter(r => reviewStateOf(r) === 'RETURNED' && mine.includes(pick(r, 'unitId', 'unit'))
      && !items(d.reports).some(x => x.supersedes === r.id));
    const fill = () => {
      const r = returned.find(x => periodKey(x.period) === period.value);
      if (r && !progress.value && !problems.value && !nextSteps.value) {
        progress.value = r.progress || '';
        problems.value = r.problems || '';
        nextSteps.value = r.nextSteps || '';
        assessment.value = r.assessment;
        kept.length = 0;
        keep.replaceChildren(...(r.evidence || []).map(e => {
          const box = el('input', { type: 'checkbox', checked: true, class: 'keep' });
          kept.push([box, e]);
          const f = e.fileId ? items(d.files).find(x => x.id === e.fileId) : null;
          return el('li', {}, el('label', { class: 'inline' }, box, t('form.keep') + ' ',
            e.link || (f ? f.name : e.fileId)));
        }));
      }
    };
    period.addEventListener('change', fill);
    const form = el('form', { class: 'step-form wide', id: 's-form', novalidate: true }, el('h3', {}, t('form.report')),
      el('div', { class: 'grid2' }, unit ? fieldBox('unitId', t('rep.unit'), unit) : null, fieldBox('period', t('rep.period'), period)),
      fieldBox('progress', t('rep.progress'), progress), fieldBox('problems', t('rep.problems'), problems),
      fieldBox('nextSteps', t('rep.nextSteps'), nextSteps), fieldBox('assessment', t('rep.assessment'), assessment),
      figures.length ? el('fieldset', { class: 'figs' }, el('legend', {}, t('rep.figures')), figures.map(f =>
        el('div', { class: 'fig' }, el('label', { for: f.value.id }, f.g.id + ' ' + f.g.description
          + (f.g.goal != null ? '（' + t('target.goal') + ' ' + PT.num(f.g.goal) + ' ' + (f.g.measure || '') + '）' : '')),
        el('div', { class: 'fig-inputs' }, f.value, f.mode))), el('p', { class: 'field-error', 'data-field': 'figures' })) : null,
      keep, el('div', { class: 'grid2' }, fieldBox('link', t('form.link'), link), fieldBox('file', t('form.file'), file)),
      el('p', { class: 'field-error', 'data-field': 'evidence' }),
      el('p', { class: 'field-error general' }), el('button', { type: 'submit', id: 's-submit' }, t('form.submit')));
    fill();
    form.addEventListener('submit', async (ev) => {
      ev.preventDefault();
      clearProblems(form);
      const submit = form.querySelector('#s-submit');
      submit.disabled = true;
      try {
        const evidence = kept.filter(([box]) => box.checked).map(([, e]) => (e.link ? { link: e.link } : { fileId: e.fileId }));
        if (link.value.trim()) {
          evidence.push({ link: link.value.trim() });
        }
        if (file.files.length) {
          const body = new FormData();
          body.append('file', file.files[0]);
          try {
            const up = await api('POST', planPath('tasks/' + encodeURIComponent(task.id) + '/evidence'), { body });
            evidence.push({ fileId: up.data.id || up.data.fileId });
          } catch (e) {
            if (e.problem && !e.problem.field) {
              e.problem.field = 'file';
            }
            throw e;
          }
        }
        const body = {
          period: period.value || null,
          progress: progress.value,
          problems: problems.value.trim() || null,
          nextSteps: nextSteps.value.trim() || null,
          assessment: assessment.value,
          evidence,
          figures: figures.filter(f => f.value.value !== '').map(f => ({ targetId: f.g.id, value: Number(f.value.value),
            mode: f.mode.value }))
        };
        if (unit) {
          body.unit = unit.value;
        }
        await api('POST', planPath('tasks/' + encodeURIComponent(task.id) + '/reports'), { json: body });
        await done(t('form.saved'));
      } catch (e) {
        submit.disabled = false;
        showProblem(form, e, ['taskReport.', 'evidence.']);
      }
    });
    return form;
  }

  // ------------------------------------------------------------------ my tasks

  async function renderMyTasks(arg, query) {
    const v = PT.view();
    const own = state.me.role === 'REPORTER' ? state.me.units : (state.units || []).map(u => u.id);
    if (!own.length) {
      v.replaceChildren(el('p', { class: 'card' }, t('my.none')));
      return;
    }
    const wanted = query.get('unit') || sessionStorage.getItem('pt.myUnit');
    const unit = own.includes(wanted) ? wanted : own[0];
    const picker = el('select', { id: 'my-unit' }, own.map(u => el('option', { value: u, selected: u === unit }, PT.unitName(u))));
    picker.addEventListener('change', () => {
      sessionStorage.setItem('pt.myUnit', picker.value);
      location.hash = '#/mytasks?unit=' + encodeURIComponent(picker.value);
    });
    const q = asOfQuery() + '&unit=' + encodeURIComponent(unit);
    const [board, cal] = await Promise.all([api('GET', planPath('tasks?' + q)),
      api('GET', planPath('calendar?limit=500&' + q))]);
    const tasks = items(board.data.tasks);
    const entries = items(cal.data);
    const today = state.status.asOf;
    const dueNow = taskId => entries.filter(e => e.taskId === taskId && pick(e, 'unitId', 'unit') === unit
      && (entryContains(e, today) || e.timing === 'MISSING'));
    const rows = tasks.map(x => {
      const due = dueNow(x.taskId);
      return labelled(el('tr', { 'data-task': x.taskId, 'data-state': x.state || 'none' },
        el('td', { class: 'ttl' }, el('a', { href: '#/task/' + encodeURIComponent(x.taskId) }, x.taskId + ' ' + (x.title || ''))),
        el('td', {}, stateChip(x.state, x.stateZh)),
        el('td', { class: 'date' }, x.dueDate || '–'),
        el('td', {}, statusCell(x)),
        el('td', { class: 'due-now' }, due.length ? due.map(e => el('span', { class: 'timing timing-' + e.timing,
          'data-timing': e.timing }, entryPeriod(e) + ' ' + t('timing.' + e.timing)
          + (entryDeadline(e) ? '（' + t('col.deadline') + ' ' + entryDeadline(e) + '）' : ''))) : el('span', { class: 'hint' },
          t('my.nothingDue'))),
        el('td', { class: 'why' }, taskReason(x))), MY_COLUMNS);
    });
    v.replaceChildren(el('section', { class: 'card', id: 'my-tasks-card' },
      el('div', { class: 'row-head' }, el('h1', {}, t('my.title')),
        el('label', { class: 'inline' }, t('my.unit') + ' ', picker)),
      el('p', { class: 'hint' }, t('my.asOf', { date: today }) + (count(board.data.pendingReviews)
        ? ' · ' + t('board.pending') + ' ' + count(board.data.pendingReviews) : '')),
      tasks.length ? el('div', { class: 'scroll' }, el('table', { id: 'my-tasks' },
        el('thead', {}, el('tr', {}, MY_COLUMNS.map(k => el('th', { scope: 'col' }, t(k))))),
        el('tbody', {}, rows))) : el('p', { class: 'hint' }, t('my.none'))));
  }

  // ------------------------------------------------------------------ review queue

  async function renderReviews() {
    const v = PT.view();
    if (state.me.role === 'REPORTER') {
      v.replaceChildren(el('p', { class: 'card' }, t('reviews.needRole')));
      return;
    }
    const list = items((await api('GET', planPath('reviews?limit=500'))).data);
    // the names of the uploaded files, from the pages of the tasks in the queue
    const taskIds = Array.from(new Set(list.filter(r => (r.evidence || []).some(e => e.fileId)).map(r => r.taskId)));
    const pages = await Promise.all(taskIds.map(id => api('GET', planPath('tasks/' + encodeURIComponent(id) + '/supervision?'
      + asOfQuery())).then(x => items(x.data.files)).catch(() => [])));
    const files = [].concat(...pages);
    v.replaceChildren(el('section', { class: 'card', id: 'review-queue' },
      el('h1', {}, t('reviews.title') + '（' + list.length + '）'),
      list.length ? list.map(r => {
        const task = planTask(r.taskId);
        return el('div', { class: 'queue-item', 'data-task': r.taskId },
          el('p', {}, el('a', { href: '#/task/' + encodeURIComponent(r.taskId) }, r.taskId + ' ' + (task ? task.title : ''))),
          reportCard(r, files, false, true));
      }) : el('p', { class: 'hint', id: 'review-empty' }, t('reviews.none'))));
  }

  PT.ext.loaders.push(loadBoard);
  PT.ext.overview.push(renderBoardCard);
  PT.ext.views.task = renderTask;
  PT.ext.views.mytasks = renderMyTasks;
  PT.ext.views.reviews = renderReviews;
}());
