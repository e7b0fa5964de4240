/*
 * Plantrack dashboard: a page over the REST API (/api/v1). Plain JavaScript, no build step.
 * Views (by the URL's hash): #/overview, #/target/{id}, #/units, #/report, #/import; supervision.js adds
 * #/task/{id}, #/mytasks and #/reviews through window.PT (views, loaders, overview parts).
 * The access token is kept in sessionStorage and sent as a Bearer token.
 */
'use strict';
(function () {
  const API = '/api/v1';
  const STATUS_ORDER = ['OVERDUE', 'BEHIND', 'AT_RISK', 'ON_TRACK', 'NOT_STARTED', 'ACHIEVED', 'NOT_EVALUABLE'];
  const STATUS_EN = {
    OVERDUE: 'overdue', BEHIND: 'behind', AT_RISK: 'at risk', ON_TRACK: 'on track', NOT_STARTED: 'not started',
    ACHIEVED: 'achieved', NOT_EVALUABLE: 'not evaluable'
  };
  const WARNING_TEXT = {
    'zh-CN': { BLUE: '蓝色预警', YELLOW: '黄色预警', RED: '红色预警' },
    en: { BLUE: 'blue warning', YELLOW: 'yellow warning', RED: 'red warning' }
  };

  const state = {
    token: sessionStorage.getItem('pt.token') || '',
    lang: localStorage.getItem('pt.lang') || 'zh-CN',
    me: null,
    plans: [],
    planId: sessionStorage.getItem('pt.plan') || '',
    asOf: sessionStorage.getItem('pt.asOf') || '',
    preset: sessionStorage.getItem('pt.preset') || '',
    plan: null,
    status: null,
    units: null,
    chart: null
  };

  /** What supervision.js (or another script) plugs in: views by name, loaders run with loadPlan, overview parts. */
  const ext = { views: {}, loaders: [], overview: [] };
  const ZONE = 'Asia/Shanghai';

  // ------------------------------------------------------------------ helpers

  function t(key, vars) {
    const dict = window.PT_I18N[state.lang] || window.PT_I18N['zh-CN'];
    let s = dict[key] !== undefined ? dict[key] : (window.PT_I18N['zh-CN'][key] || key);
    if (vars) {
      Object.keys(vars).forEach(k => { s = s.split('{' + k + '}').join(String(vars[k])); });
    }
    return s;
  }

  /** Builds an element; attributes starting with "on" become listeners; strings become text nodes. */
  function el(tag, attrs, ...children) {
    const e = document.createElement(tag);
    Object.entries(attrs || {}).forEach(([k, v]) => {
      if (v == null || v === undefined || v === false) {
        return;
      }
      if (k.startsWith('on') && typeof v === 'function') {
        e.addEventListener(k.substring(2), v);
      } else if (k === 'class') {
        e.className = v;
      } else if (k === 'text') {
        e.textContent = v;
      } else {
        e.setAttribute(k, v === true ? '' : v);
      }
    });
    children.flat().forEach(c => {
      if (c != null && c !== undefined && c !== false) {
        e.append(c instanceof Node ? c : document.createTextNode(String(c)));
      }
    });
    return e;
  }

  class ApiError extends Error {
    constructor(status, problem) {
      super(problem && problem.detail ? problem.detail : 'HTTP ' + status);
      this.status = status;
      this.problem = problem || {};
    }
  }

  async function api(method, path, options) {
    const o = options || {};
    const headers = Object.assign({}, o.headers || {});
    if (state.token) {
      headers.Authorization = 'Bearer ' + state.token;
    }
    let body = o.body;
    if (o.json !== undefined) {
      headers['Content-Type'] = 'application/json';
      body = JSON.stringify(o.json);
    }
    const res = await fetch(path.startsWith('/') ? path : API + '/' + path, { method, headers, body });
    const type = res.headers.get('Content-Type') || '';
    const data = type.includes('json') ? await res.json() : await res.text();
    if (!res.ok) {
      if (res.status === 401 && !o.signingIn) {
        signOut();
      }
      throw new ApiError(res.status, typeof data === 'object' ? data : { detail: String(data) });
    }
    return { data, res };
  }

  function statusText(s, zh) {
    return state.lang === 'en' ? STATUS_EN[s] || s : (zh || s);
  }

  function badge(s, zh) {
    return el('span', { class: 'badge st-' + s, 'data-status': s }, statusText(s, zh));
  }

  function warningChip(w) {
    if (!w || w === 'NONE') {
      return null;
    }
    return el('span', { class: 'warn wn-' + w, 'data-warning': w }, WARNING_TEXT[state.lang === 'en' ? 'en' : 'zh-CN'][w]);
  }

  function pct(x) {
    return x == null || x === undefined ? '–' : Math.round(x * 100) + '%';
  }

  function num(x) {
    if (x == null || x === undefined) {
      return '–';
    }
    return Number.isInteger(x) ? String(x) : String(Math.round(x * 100) / 100);
  }

  function bar(completion, expected, status) {
    const c = completion == null || completion === undefined ? 0 : Math.max(0, Math.min(1, completion));
    const e = Math.max(0, Math.min(1, expected || 0));
    return el('div', { class: 'bar', role: 'img', 'aria-label': t('col.completion') + ' ' + pct(completion)
        + ', ' + t('col.expected') + ' ' + pct(expected) },
      el('div', { class: 'fill st-bg-' + status, style: 'width:' + (c * 100).toFixed(1) + '%' }),
      el('div', { class: 'marker', style: 'left:' + (e * 100).toFixed(1) + '%', title: t('col.expected') }));
  }

  function reason(r) {
    return r ? (state.lang === 'en' ? r.en : r.zh) : '';
  }

  /** An instant (ISO text) as the plan's local time, Asia/Shanghai: 2017-06-30 18:00. */
  function localTime(iso) {
    if (!iso) {
      return '–';
    }
    const d = new Date(iso);
    if (isNaN(d.getTime())) {
      return String(iso);
    }
    const p = {};
    new Intl.DateTimeFormat('en-CA', { timeZone: ZONE, year: 'numeric', month: '2-digit', day: '2-digit',
      hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).formatToParts(d).forEach(x => { p[x.type] = x.value; });
    return p.year + '-' + p.month + '-' + p.day + ' ' + p.hour + ':' + p.minute;
  }

  /**
   * A server message in the reader's language. Core writes "中文 / English" or "English (中文)": the Chinese part
   * for zh-CN, the English part for en; a message without Chinese is shown as it is.
   */
  function problemText(detail) {
    const s = String(detail == null ? '' : detail);
    const cjk = /[\u3400-\u9fff]/;
    if (!cjk.test(s)) {
      return s;
    }
    const zh = state.lang !== 'en';
    const slash = s.indexOf(' / ');
    if (slash > 0 && cjk.test(s.substring(0, slash)) && !cjk.test(s.substring(slash + 3))) {
      return zh ? s.substring(0, slash) : s.substring(slash + 3);
    }
    const paren = s.match(/[（(]([^（）()]*[\u3400-\u9fff][^（）()]*)[）)]/);
    if (paren) {
      return zh ? paren[1] : s.replace(paren[0], '').replace(/\s+,/g, ',').replace(/\s{2,}/g, ' ').trim();
    }
    return s;
  }

  function flash(msg, error) {
    const f = document.getElementById('flash');
    f.textContent = msg || '';
    f.className = 'flash' + (error ? ' error' : '') + (msg ? ' shown' : '');
  }

  function showError(e) {
    flash(t('err.generic') + (e && e.message ? e.message : String(e)), true);
  }

  function view() {
    return document.getElementById('view');
  }

  function disposeChart() {
    if (state.chart) {
      state.chart.dispose();
      state.chart = null;
    }
  }

  function targetsOf(plan) {
    const out = [];
    plan.sections.forEach(s => s.tasks.forEach(task => (task.targets || []).forEach(g => out.push({ s, task, g }))));
    return out;
  }

  function unitsOfTarget(task, g) {
    if (g.unitIds && g.unitIds.length) {
      return g.unitIds;
    }
    return [task.leadUnit].concat(task.partnerUnits || []).filter(Boolean);
  }

  function targetStatus(id) {
    return state.status ? state.status.targets.find(x => x.targetId === id) : null;
  }

  function rollUp(list, id) {
    return (list || []).find(r => r.id === id);
  }

  function unitName(id) {
    const u = (state.units || []).find(x => x.id === id);
    return u ? u.name : id;
  }

  // ------------------------------------------------------------------ loading

  async function loadPlans() {
    const r = await api('GET', 'plans?limit=500');
    state.plans = r.data.items;
    if (!state.plans.some(p => p.id === state.planId)) {
      state.planId = state.plans.length ? state.plans[0].id : '';
    }
    const sel = document.getElementById('plan-select');
    sel.replaceChildren(...state.plans.map(p => el('option', { value: p.id, selected: p.id === state.planId },
      p.title + (p.documentNumber ? '（' + p.documentNumber + '）' : '') + ' · ' + p.id
        + (p.issueDate ? ' · ' + p.issueDate : ''))));
  }

  async function loadPlan() {
    state.plan = null;
    state.status = null;
    if (!state.planId) {
      return;
    }
    sessionStorage.setItem('pt.plan', state.planId);
    const q = new URLSearchParams();
    if (state.asOf) {
      q.set('asOf', state.asOf);
    }
    if (state.preset) {
      q.set('preset', state.preset);
    }
    const id = encodeURIComponent(state.planId);
    const [plan, status, units] = await Promise.all([
      api('GET', 'plans/' + id),
      api('GET', 'plans/' + id + '/status?' + q),
      api('GET', 'units?limit=500')
    ]);
    state.plan = plan.data;
    state.status = status.data;
    state.units = units.data.items;
    await Promise.all(ext.loaders.map(f => f()));
    if (!state.asOf) {
      document.getElementById('asof-input').value = state.status.asOf;
    }
  }

  // ------------------------------------------------------------------ views

  /**
   * A button that fetches the plan's 台账 (.xlsx) or report (.docx) as of the chosen date with the token
   * and saves it as a file under the name the server gives (Content-Disposition), not opened in the page.
   */
  function downloadButton(id, format, label) {
    const b = el('button', { type: 'button', id, class: 'download', 'data-format': format }, label);
    b.addEventListener('click', async () => {
      const slot = document.getElementById('dl-error');
      slot.textContent = '';
      const q = new URLSearchParams();
      if (state.asOf) {
        q.set('asOf', state.asOf);
      }
      if (state.preset) {
        q.set('preset', state.preset);
      }
      q.set('lang', state.lang === 'en' ? 'en' : 'zh');
      b.disabled = true;
      try {
        const res = await fetch(API + '/plans/' + encodeURIComponent(state.planId) + '/report.' + format + '?' + q,
          { headers: state.token ? { Authorization: 'Bearer ' + state.token } : {} });
        if (!res.ok) {
          const type = res.headers.get('Content-Type') || '';
          const problem = type.includes('json') ? await res.json() : { detail: await res.text() };
          throw new ApiError(res.status, problem);
        }
        const cd = res.headers.get('Content-Disposition') || '';
        const m = cd.match(/filename\*?=(?:UTF-8'')?"?([^";]+)"?/i);
        const name = m ? decodeURIComponent(m[1]) : state.planId + '-status.' + format;
        const url = URL.createObjectURL(await res.blob());
        const a = el('a', { href: url, download: name, hidden: '' });
        document.body.append(a);
        a.click();
        a.remove();
        setTimeout(() => URL.revokeObjectURL(url), 10000);
      } catch (e) {
        slot.textContent = e.problem && e.problem.detail ? problemText(e.problem.detail) : e.message;
      } finally {
        b.disabled = false;
      }
    });
    return b;
  }

  function renderOverview() {
    const v = view();
    if (!state.plan) {
      v.replaceChildren(el('p', { class: 'card' }, t('plan.none')));
      return;
    }
    const p = state.plan;
    const st = state.status;
    const counts = el('ul', { class: 'counts', id: 'status-counts', 'aria-label': t('plan.counts') },
      STATUS_ORDER.map(s => el('li', { class: 'count st-' + s, 'data-status': s },
        el('span', { class: 'n' }, String(st.counts[s] || 0)), ' ', statusText(s, zhOf(s)))));
    const head = el('section', { class: 'card plan-head' },
      el('h1', { id: 'plan-title' }, p.title),
      el('dl', { class: 'meta' },
        el('dt', {}, t('plan.issuer')), el('dd', { id: 'plan-issuer' }, p.issuer || '–'),
        el('dt', {}, t('plan.docNo')), el('dd', { id: 'plan-docno' }, p.documentNumber || '–'),
        el('dt', {}, t('plan.date')), el('dd', { id: 'plan-date' }, p.issueDate || '–'),
        el('dt', {}, t('plan.asOf')), el('dd', { id: 'plan-asof' }, st.asOf)),
      el('div', { class: 'downloads' },
        downloadButton('dl-xlsx', 'xlsx', t('dl.ledger')), downloadButton('dl-docx', 'docx', t('dl.report')),
        el('span', { class: 'field-error', id: 'dl-error' })),
      el('div', { class: 'plan-progress' },
        el('span', { class: 'label' }, t('plan.progress')), badge(st.plan.status, st.plan.statusZh),
        warningChip(st.plan.warning), bar(st.plan.completion, st.plan.expected, st.plan.status),
        el('span', { class: 'pct' }, pct(st.plan.completion) + ' / ' + t('col.expected') + ' ' + pct(st.plan.expected))),
      counts);
    const sections = p.sections.map(s => {
      const r = rollUp(st.sections, s.id);
      return el('section', { class: 'card section', 'data-section': s.id },
        el('div', { class: 'row-head' }, el('h2', {}, s.title), r && badge(r.status, r.statusZh), r && warningChip(r.warning)),
        r && el('div', { class: 'progress-line' }, bar(r.completion, r.expected, r.status),
          el('span', { class: 'pct' }, pct(r.completion))),
        el('ol', { class: 'tasks' }, s.tasks.map(task => renderTask(task))));
    });
    v.replaceChildren(head, ...ext.overview.map(f => f()).filter(Boolean), ...sections);
  }

  function zhOf(s) {
    const hit = state.status && state.status.targets.find(x => x.status === s);
    const names = { OVERDUE: '逾期', BEHIND: '落后', AT_RISK: '有风险', ON_TRACK: '正常', NOT_STARTED: '未开始',
      ACHIEVED: '已完成', NOT_EVALUABLE: '无法评价' };
    return hit ? hit.statusZh : names[s];
  }

  function renderTask(task) {
    const r = rollUp(state.status.tasks, task.id);
    const lead = task.leadUnit ? el('span', { class: 'unit' }, unitName(task.leadUnit)) : null;
    return el('li', { class: 'task', 'data-task': task.id },
      el('div', { class: 'row-head' }, el('h3', {}, el('a', { href: '#/task/' + encodeURIComponent(task.id),
        class: 'task-link' }, task.title)), lead, r && badge(r.status, r.statusZh),
        r && warningChip(r.warning)),
      r && r.targets > 0 && el('div', { class: 'progress-line' }, bar(r.completion, r.expected, r.status),
        el('span', { class: 'pct' }, pct(r.completion))),
      (task.targets || []).length > 0 && el('ul', { class: 'targets' }, task.targets.map(g => {
        const ts = targetStatus(g.id);
        return el('li', { class: 'target', 'data-target': g.id },
          el('a', { href: '#/target/' + encodeURIComponent(g.id), class: 'tlink' }, g.id + ' ' + g.description),
          el('span', { class: 'val' }, ts ? num(ts.current) + ' / ' + (g.goal == null ? '?' : num(g.goal)) + ' ' + (g.measure || '') : ''),
          ts && badge(ts.status, ts.statusZh), ts && warningChip(ts.warning));
      })));
  }

  async function renderTarget(id) {
    const v = view();
    const hit = state.plan && targetsOf(state.plan).find(x => x.g.id === id);
    if (!hit) {
      v.replaceChildren(el('p', { class: 'card' }, 'target ' + id + ' ?'));
      return;
    }
    const g = hit.g;
    const pid = encodeURIComponent(state.planId);
    const tid = encodeURIComponent(id);
    const asOf = state.status.asOf;
    const [src, burn, reports] = await Promise.all([
      api('GET', 'plans/' + pid + '/targets/' + tid + '/source'),
      api('GET', 'plans/' + pid + '/targets/' + tid + '/burnup?asOf=' + asOf).catch(() => null),
      api('GET', 'plans/' + pid + '/reports?limit=500&targetId=' + tid).catch(() => null)
    ]);
    const ts = targetStatus(id);
    const s = src.data;
    const sentence = el('blockquote', { class: 'source', id: 'target-source' },
      s.sentence.substring(0, s.matchStart), el('mark', {}, s.sentence.substring(s.matchStart, s.matchEnd)),
      s.sentence.substring(s.matchEnd));
    const where = s.source ? el('p', { class: 'hint' }, hit.s.title + ' › ' + hit.task.title + ' · '
      + t('target.line', { line: s.source.line, column: s.source.column })) : null;
    const facts = el('dl', { class: 'meta' },
      el('dt', {}, t('target.goal')), el('dd', { id: 'target-goal' },
        g.goal == null ? t('target.unknownGoal') : num(g.goal) + ' ' + (g.measure || '')),
      el('dt', {}, t('target.qualifier')), el('dd', {}, g.qualifier ? t('qualifier.' + g.qualifier) : '–'),
      el('dt', {}, t('target.kind')), el('dd', {}, t('kind.' + g.kind)),
      el('dt', {}, t('target.due')), el('dd', {}, g.dueDate || state.plan.period.end),
      el('dt', {}, t('target.current')), el('dd', {}, ts ? num(ts.current) + ' (' + pct(ts.completion) + ')' : '–'),
      el('dt', {}, t('col.unit')), el('dd', {}, unitsOfTarget(hit.task, g).map(unitName).join('、') || '–'));
    const status = ts ? el('div', { class: 'status-box', id: 'target-status' },
      badge(ts.status, ts.statusZh), warningChip(ts.warning),
      el('p', { class: 'reason', id: 'target-reason' }, t('target.reason') + '：' + reason(ts.reason))) : null;
    const chartBox = el('div', { class: 'chart', id: 'burnup-chart' });
    const canReport = state.me && (state.me.role === 'ADMIN' || (state.me.role === 'REPORTER'
      && unitsOfTarget(hit.task, g).some(u => state.me.units.includes(u))));
    v.replaceChildren(
      el('section', { class: 'card' },
        el('p', {}, el('a', { href: '#/overview' }, '‹ ' + t('target.back'))),
        el('h1', { id: 'target-title' }, g.id + ' ' + g.description),
        el('h2', {}, t('target.source')), sentence, where, status, facts,
        canReport && el('p', {}, el('a', { class: 'button', href: '#/report?target=' + tid }, t('target.report')))),
      el('section', { class: 'card' }, el('h2', {}, t('target.burnup')), chartBox),
      el('section', { class: 'card' }, el('h2', {}, t('target.reports')),
        reports ? reportTable(reports.data.items) : el('p', {}, '–')));
    if (burn) {
      drawBurnUp(chartBox, burn.data);
    }
  }

  function reportTable(items) {
    if (!items.length) {
      return el('p', { class: 'hint' }, t('target.noReports'));
    }
    const superseded = new Set(items.map(r => r.supersedes).filter(Boolean));
    const rows = items.slice().sort((a, b) => a.asOf.localeCompare(b.asOf) || a.recordedAt.localeCompare(b.recordedAt));
    return el('div', { class: 'scroll' }, el('table', { class: 'reports', id: 'report-history' },
      el('thead', {}, el('tr', {}, ['col.date', 'col.value', 'col.mode', 'col.note', 'col.evidence', 'col.reporter',
        'col.recorded'].map(k => el('th', {}, t(k))))),
      el('tbody', {}, rows.map(r => el('tr', { class: superseded.has(r.id) ? 'superseded' : '', 'data-report': r.id },
        el('td', {}, r.asOf), el('td', { class: 'num' }, num(r.value)), el('td', {}, r.mode),
        el('td', {}, r.note || '', r.supersedes ? el('span', { class: 'tag' }, t('target.corrects', { id: r.supersedes })) : null,
          superseded.has(r.id) ? el('span', { class: 'tag' }, t('target.superseded')) : null),
        el('td', {}, (r.evidence || []).map(u => el('a', { href: safeUrl(u), rel: 'noopener', target: '_blank' }, t('col.evidence')))),
        el('td', {}, r.reporter), el('td', {}, localTime(r.recordedAt)))))));
  }

  function safeUrl(u) {
    return /^https?:\/\//i.test(u) ? u : '#';
  }

  function drawBurnUp(box, b) {
    disposeChart();
    if (typeof echarts === 'undefined') {
      box.textContent = 'ECharts?';
      return;
    }
    const chart = echarts.init(box, null, { renderer: 'canvas' });
    state.chart = chart;
    const actual = b.points.filter(p => p.actual != null).map(p => [p.date, p.actual]);
    const expected = b.points.filter(p => p.expected != null).map(p => [p.date, p.expected]);
    const markLines = [{ xAxis: b.asOf, name: t('chart.asOf'), label: { formatter: t('chart.asOf') } }];
    if (b.goal != null) {
      markLines.push({ yAxis: b.goal, name: t('chart.goal'), label: { formatter: t('chart.goal') + ' ' + num(b.goal) } });
    }
    chart.setOption({
      animation: false,
      grid: { left: 48, right: 64, top: 48, bottom: 40 },
      tooltip: { trigger: 'axis' },
      legend: { top: 0, data: [t('chart.actual'), t('chart.expected'), t('chart.checkpoint')] },
      xAxis: { type: 'time', min: b.start, max: b.due > b.asOf ? b.due : b.asOf },
      yAxis: { type: 'value', name: b.measure || '', min: 0 },
      series: [
        { name: t('chart.actual'), type: 'line', step: 'end', data: actual, symbolSize: 6,
          lineStyle: { width: 3, color: '#1f6feb' }, itemStyle: { color: '#1f6feb' },
          markLine: { symbol: 'none', lineStyle: { color: '#888', type: 'dotted' }, data: markLines } },
        { name: t('chart.expected'), type: 'line', data: expected, showSymbol: false,
          lineStyle: { type: 'dashed', color: '#d4a72c' }, itemStyle: { color: '#d4a72c' } },
        { name: t('chart.checkpoint'), type: 'scatter', symbol: 'diamond', symbolSize: 12,
          data: b.checkpoints.filter(c => c.expected != null).map(c => [c.date, c.expected]),
          itemStyle: { color: '#bf3989' } }
      ]
    });
  }

  function renderUnits() {
    const v = view();
    if (!state.plan) {
      v.replaceChildren(el('p', { class: 'card' }, t('plan.none')));
      return;
    }
    const byUnit = new Map();
    targetsOf(state.plan).forEach(({ task, g }) => {
      const us = unitsOfTarget(task, g);
      (us.length ? us : ['']).forEach(u => {
        if (!byUnit.has(u)) {
          byUnit.set(u, []);
        }
        byUnit.get(u).push(g);
      });
    });
    const ids = Array.from(byUnit.keys()).filter(u => u).sort((a, b) => unitName(a).localeCompare(unitName(b), 'zh'));
    if (byUnit.has('')) {
      ids.push('');
    }
    const rows = ids.map(u => {
      const gs = byUnit.get(u);
      const sts = gs.map(g => targetStatus(g.id)).filter(Boolean);
      const n = s => sts.filter(x => x.status === s).length;
      const r = u ? rollUp(state.status.units, u) : null;
      return el('tr', { 'data-unit': u || '-' },
        el('th', { scope: 'row' }, u ? unitName(u) : t('units.none')),
        el('td', {}, el('ul', { class: 'unit-targets' }, gs.map(g => {
          const ts = targetStatus(g.id);
          return el('li', {}, el('a', { href: '#/target/' + encodeURIComponent(g.id) }, g.id), ' ', g.description, ' ',
            ts && badge(ts.status, ts.statusZh), ts && warningChip(ts.warning));
        }))),
        el('td', { class: 'num' }, String(gs.length)),
        el('td', { class: 'num behind' + (n('BEHIND') ? ' hot' : '') }, String(n('BEHIND'))),
        el('td', { class: 'num overdue' + (n('OVERDUE') ? ' hot' : '') }, String(n('OVERDUE'))),
        el('td', { class: 'num' }, String(n('AT_RISK'))),
        el('td', { class: 'num' }, r ? pct(r.completion) : '–'));
    });
    v.replaceChildren(el('section', { class: 'card units' },
      el('div', { class: 'row-head' }, el('h1', {}, t('units.title')),
        el('button', { type: 'button', class: 'no-print', onclick: () => window.print() }, t('units.print'))),
      el('p', { class: 'print-only' }, state.plan.title + ' · ' + t('plan.asOf') + ' ' + state.status.asOf),
      ids.length === 1 && ids[0] === '' ? el('p', { class: 'hint' }, t('units.empty')) : null,
      el('div', { class: 'scroll' }, el('table', { id: 'units-table' },
        el('thead', {}, el('tr', {}, ['col.unit', 'col.targets', 'col.total', 'col.behind', 'col.overdue', 'col.atRisk',
          'col.completion'].map(k => el('th', { scope: 'col' }, t(k))))),
        el('tbody', {}, rows)))));
  }

  function field(name, label, input) {
    return el('div', { class: 'field' }, el('label', { for: input.id }, label), input,
      el('p', { class: 'field-error', 'data-field': name, id: 'err-' + name }));
  }

  function renderReport(query) {
    const v = view();
    if (!state.me || (state.me.role !== 'ADMIN' && state.me.role !== 'REPORTER')) {
      v.replaceChildren(el('p', { class: 'card' }, t('report.needRole')));
      return;
    }
    const mine = targetsOf(state.plan || { sections: [] }).filter(({ task, g }) => state.me.role === 'ADMIN'
      || unitsOfTarget(task, g).some(u => state.me.units.includes(u)));
    if (!mine.length) {
      v.replaceChildren(el('p', { class: 'card' }, t('report.noTargets')));
      return;
    }
    const wanted = query.get('target');
    const select = el('select', { id: 'r-target' }, mine.map(({ g }) => el('option', { value: g.id, selected: g.id === wanted },
      g.id + ' ' + g.description)));
    const value = el('input', { id: 'r-value', type: 'number', step: 'any', inputmode: 'decimal' });
    const mode = el('select', { id: 'r-mode' }, ['SET', 'ADD'].map(m => el('option', { value: m }, t('report.' + m))));
    const asOf = el('input', { id: 'r-asOf', type: 'date', value: state.status ? state.status.asOf : '' });
    const note = el('textarea', { id: 'r-note', rows: 2 });
    const evidence = el('input', { id: 'r-evidence', type: 'url', placeholder: 'https://' });
    const box = el('div', { class: 'status-box', id: 'report-status' });
    const general = el('p', { class: 'field-error', id: 'err-general' });
    const form = el('form', { id: 'report-form', novalidate: true },
      field('targetId', t('report.target'), select),
      el('div', { class: 'grid2' }, field('value', t('report.value'), value), field('mode', t('report.mode'), mode)),
      field('asOf', t('report.asOf'), asOf), field('note', t('report.note'), note),
      field('evidence', t('report.evidence'), evidence),
      general, el('button', { type: 'submit', id: 'r-submit' }, t('report.submit')));
    const refreshBox = async (date) => {
      const id = select.value;
      const r = await api('GET', 'plans/' + encodeURIComponent(state.planId) + '/status?asOf=' + (date || asOf.value || state.status.asOf)
        + (state.preset ? '&preset=' + state.preset : ''));
      const ts = r.data.targets.find(x => x.targetId === id);
      box.replaceChildren(el('h3', {}, t('report.statusNow') + '（' + r.data.asOf + '）'), badge(ts.status, ts.statusZh),
        warningChip(ts.warning) || '', el('span', { class: 'val', id: 'report-current' }, ' ' + num(ts.current)),
        el('p', { class: 'reason' }, reason(ts.reason)));
    };
    select.addEventListener('change', () => refreshBox().catch(showError));
    asOf.addEventListener('change', () => { if (asOf.value) { refreshBox().catch(showError); } });
    form.addEventListener('submit', async (ev) => {
      ev.preventDefault();
      form.querySelectorAll('.field-error').forEach(p => { p.textContent = ''; });
      form.querySelectorAll('.invalid').forEach(x => x.classList.remove('invalid'));
      const body = {
        targetId: select.value,
        asOf: asOf.value || null,
        value: value.value === '' ? null : Number(value.value),
        mode: mode.value,
        note: note.value.trim() || null,
        evidence: evidence.value.trim() ? [evidence.value.trim()] : []
      };
      try {
        const r = await api('POST', 'plans/' + encodeURIComponent(state.planId) + '/reports', { json: body });
        flash(t('report.saved', { id: r.data.id }));
        value.value = '';
        note.value = '';
        evidence.value = '';
        await loadPlan();
        await refreshBox(r.data.asOf);
      } catch (e) {
        const f = e.problem && e.problem.field ? String(e.problem.field).replace(/^report\./, '').replace(/\[\d+\]$/, '') : '';
        const slot = f && form.querySelector('.field-error[data-field="' + f + '"]');
        if (slot) {
          slot.textContent = e.problem.detail;
          const input = form.querySelector('#r-' + f);
          if (input) {
            input.classList.add('invalid');
          }
        } else {
          general.textContent = e.message;
        }
      }
    });
    v.replaceChildren(el('section', { class: 'card' }, el('h1', {}, t('report.title')), form), el('section', { class: 'card' }, box));
    refreshBox().catch(showError);
  }

  /**
   * A refused document's words for the person: the part of the problem's detail in the page's language,
   * without the "document: a text document — " field prefix and the ", found …" echo of the value.
   */
  function refusalText(detail) {
    const s = String(detail);
    const dash = s.indexOf(' — ');
    if (dash < 0) {
      return problemText(s);
    }
    const prefix = s.substring(0, dash + 3);
    const words = problemText(s.substring(dash + 3));
    return /^[\w.\[\]]+: /.test(prefix) ? words.replace(/, found [^,]*$/, '') : problemText(s);
  }

  function renderImport() {
    const v = view();
    if (!state.me || state.me.role !== 'ADMIN') {
      v.replaceChildren(el('p', { class: 'card' }, t('import.needAdmin')));
      return;
    }
    const planId = el('input', { id: 'i-planId', type: 'text', placeholder: 'nanping-2018' });
    const text = el('textarea', { id: 'i-text', rows: 8 });
    // text, Word or PDF: the server reads the file by its bytes (a .docx or .pdf through the office formats)
    const file = el('input', { id: 'i-file', type: 'file',
      accept: '.txt,text/plain,.docx,application/vnd.openxmlformats-officedocument.wordprocessingml.document,.pdf,application/pdf,'
        + '.xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,.csv,text/csv' });
    const error = el('p', { class: 'field-error', id: 'i-error' });
    const out = el('div', { id: 'import-result' });
    const form = el('form', { id: 'import-form' },
      field('planId', t('import.planId'), planId), field('text', t('import.paste'), text),
      field('file', t('import.file'), file), error,
      el('button', { type: 'submit', id: 'i-preview' }, t('import.preview')));
    form.addEventListener('submit', async (ev) => {
      ev.preventDefault();
      error.textContent = '';
      out.replaceChildren();
      const q = planId.value.trim() ? '?planId=' + encodeURIComponent(planId.value.trim()) : '';
      let body;
      let headers = {};
      if (file.files.length) {
        body = new FormData();
        body.append('file', file.files[0]);
      } else {
        body = text.value;
        headers = { 'Content-Type': 'text/plain; charset=utf-8' };
      }
      try {
        const r = await api('POST', 'plans/import/preview' + q, { body, headers });
        out.replaceChildren(...renderPreview(r.data));
      } catch (e) {
        // the server's refusal (a disguised or unreadable file), in the person's language
        error.textContent = e.problem && e.problem.detail ? refusalText(e.problem.detail) : e.message;
      }
    });
    v.replaceChildren(el('section', { class: 'card' }, el('h1', {}, t('import.title')), form), out);
  }

  /**
   * Appends `text` to `container` with marks over ranges ({start, end, mark: () => element}), given in
   * layers: warnings, then unit mentions. A warning overlapping an earlier warning is left unmarked (it
   * is still listed). A unit mention nests inside a mark that covers it, or around marks it covers (on
   * the same span the warning is the outer mark); one that crosses a mark's edge is cut back to its part
   * outside that mark. So every warning and every mention has at most one mark, and no text is repeated.
   */
  function appendMarked(container, text, warnRanges, unitRanges) {
    const clamp = x => Math.max(0, Math.min(text.length, x));
    const overlaps = (a, b) => a.start < b.end && b.start < a.end;
    const within = (a, b) => b.start <= a.start && a.end <= b.end;
    const crosses = (a, b) => overlaps(a, b) && !within(a, b) && !within(b, a);
    const accepted = [];
    warnRanges.slice().sort((a, b) => a.start - b.start).forEach(w => {
      const r = { start: clamp(w.start), end: clamp(Math.max(w.end, w.start + 1)), mark: w.mark, layer: 0 };
      if (!accepted.some(a => overlaps(a, r))) {
        accepted.push(r);
      }
    });
    unitRanges.forEach(u => {
      const r = { start: clamp(u.start), end: clamp(Math.max(u.end, u.start + 1)), mark: u.mark, layer: 1 };
      let hit = accepted.find(a => crosses(a, r));
      while (hit && r.end > r.start) {
        if (hit.start > r.start) {
          r.end = hit.start;
        } else {
          r.start = hit.end;
        }
        hit = accepted.find(a => crosses(a, r));
      }
      if (r.end > r.start) {
        accepted.push(r);
      }
    });
    accepted.sort((a, b) => a.start - b.start || b.end - a.end || a.layer - b.layer);
    const root = { start: 0, end: text.length, kids: [] };
    const open = [root];
    accepted.forEach(r => {
      while (open.length > 1 && r.start >= open[open.length - 1].end) {
        open.pop();
      }
      r.kids = [];
      open[open.length - 1].kids.push(r);
      open.push(r);
    });
    const emit = (node, into) => {
      let at = node.start;
      node.kids.forEach(k => {
        into.append(text.substring(at, k.start));
        const e = k.mark();
        emit(k, e);
        into.append(e);
        at = k.end;
      });
      into.append(text.substring(at, node.end));
    };
    emit(root, container);
  }

  function jumpTo(id) {
    return (e) => {
      e.preventDefault();
      const target = document.getElementById(id);
      if (target) {
        target.scrollIntoView({ block: 'center' });
      }
    };
  }

  function mentionTitle(m) {
    return t('unit.mention', { task: m.taskId, role: t('unit.' + m.role), name: m.name })
      + (!m.unitId ? '（' + t('unit.notRegistered') + '）'
        : ' → ' + (unitName(m.unitId) === m.unitId ? m.unitId : unitName(m.unitId) + ' (' + m.unitId + ')'));
  }

  function renderPreview(preview) {
    const warnings = preview.warnings.slice().sort((a, b) => a.startOffset - b.startOffset);
    const mentions = preview.unitMentions || [];
    const msg = w => (state.lang === 'en' ? w.messageEn : w.messageZh);
    const src = el('pre', { class: 'doc', id: 'import-source' });
    appendMarked(src, preview.text,
      warnings.map((w, i) => ({ start: w.startOffset, end: w.endOffset,
        mark: () => el('mark', { class: 'warn-mark', id: 'w-' + i, title: msg(w), 'data-code': w.code }) })),
      mentions.map((m, i) => ({ start: m.startOffset, end: m.endOffset,
        mark: () => el('mark', { class: 'unit-mark ' + (m.unitId ? 'unit-known' : 'unit-unknown'), id: 'u-' + i,
          title: mentionTitle(m), 'data-task': m.taskId, 'data-role': m.role, 'data-unit': m.unitId }) })));
    const list = warnings.length ? el('ol', { class: 'warnings', id: 'import-warnings' }, warnings.map((w, i) =>
      el('li', {}, el('a', { href: '#w-' + i, onclick: jumpTo('w-' + i) },
        t('target.line', { line: w.line, column: w.column })), ' ', el('code', {}, w.code), ' ', msg(w))))
      : el('p', {}, t('import.noWarnings'));
    const unitsOf = task => mentions.map((m, i) => ({ m, i })).filter(x => x.m.taskId === task.id);
    const unitList = task => unitsOf(task).length ? el('ul', { class: 'unit-refs', 'aria-label': t('col.unit') },
      unitsOf(task).map(({ m, i }) => el('li', { class: 'unit-ref' + (m.unitId ? '' : ' unregistered'),
        'data-role': m.role, 'data-unit': m.unitId, title: mentionTitle(m) },
        el('span', { class: 'role role-' + m.role }, t('unit.' + m.role)),
        el('a', { href: '#u-' + i, onclick: jumpTo('u-' + i) }, m.name),
        m.unitId ? el('code', { class: 'unit-id' }, m.unitId)
          : el('span', { class: 'not-registered' }, t('unit.notRegistered'))))) : null;
    const plan = JSON.parse(JSON.stringify(preview.plan));
    const goalInputs = [];
    const tree = el('ol', { class: 'tree' }, plan.sections.map(s => el('li', {}, s.title,
      el('ol', {}, s.tasks.map(task => el('li', { 'data-task': task.id }, task.title, unitList(task),
        (task.targets || []).length ? el('ul', {}, task.targets.map(g => {
          const li = el('li', { 'data-target': g.id }, el('code', {}, g.id), ' ', g.description, ' ');
          if (g.goal == null && g.kind !== 'QUALITATIVE') {
            const inp = el('input', { type: 'number', step: 'any', class: 'goal-input', id: 'goal-' + g.id,
              'aria-label': t('import.goalFor') + ' ' + g.id, placeholder: '?' });
            goalInputs.push([g, inp]);
            li.append(el('label', { class: 'unknown-goal' }, t('import.goalFor') + ' ', inp, ' ' + (g.measure || '')));
          } else {
            li.append(el('span', { class: 'val' }, (g.goal == null ? '–' : num(g.goal)) + ' ' + (g.measure || '')));
          }
          return li;
        })) : null))))));
    const saveError = el('p', { class: 'field-error', id: 'i-save-error' });
    const save = el('button', { type: 'button', id: 'i-save' }, t('import.save'));
    save.addEventListener('click', async () => {
      saveError.textContent = '';
      goalInputs.forEach(([g, inp]) => { g.goal = inp.value === '' ? null : Number(inp.value); });
      try {
        const r = await api('POST', 'plans', { json: plan });
        state.planId = r.data.id;
        await loadPlans();
        save.disabled = true;
        saveError.replaceChildren(el('span', { class: 'ok', id: 'i-saved' }, t('import.saved', { id: r.data.id }), ' ',
          el('a', { href: '#/overview' }, t('import.open'))));
      } catch (e) {
        saveError.textContent = e.message;
      }
    });
    const nTasks = plan.sections.reduce((n, s) => n + s.tasks.length, 0);
    const nTargets = plan.sections.reduce((n, s) => n + s.tasks.reduce((m, k) => m + (k.targets || []).length, 0), 0);
    const fmt = String(preview.format || 'text');
    const summary = el('p', { class: 'import-summary', id: 'import-summary' },
      el('span', {}, t('import.format') + ' '), el('strong', { id: 'i-format', 'data-format': fmt },
        t('format.' + fmt) === 'format.' + fmt ? fmt : t('format.' + fmt)), ' · ',
      el('span', { id: 'i-counts', 'data-sections': String(plan.sections.length), 'data-tasks': String(nTasks),
        'data-targets': String(nTargets) },
      t('import.counts', { sections: plan.sections.length, tasks: nTasks, targets: nTargets })));
    return [
      el('section', { class: 'card' }, summary,
        el('h2', {}, t('import.warnings') + ' (' + warnings.length + ')'), list),
      el('section', { class: 'card split' },
        el('div', {}, el('h2', {}, t('import.structure')), el('p', { class: 'hint' },
          (plan.documentNumber || '') + ' ' + plan.title), tree, save, saveError),
        el('div', {}, el('h2', {}, t('import.source')), el('p', { class: 'hint legend' },
          el('span', { class: 'sample-warn' }, t('import.legendWarn')), ' ',
          el('span', { class: 'sample-unit' }, t('import.legendUnit')), ' ',
          el('span', { class: 'sample-unit unknown' }, t('import.legendUnknown'))), src))
    ];
  }

  // ------------------------------------------------------------------ shell

  function applyStaticTexts() {
    document.documentElement.lang = state.lang;
    document.querySelectorAll('[data-i18n]').forEach(e => { e.textContent = t(e.getAttribute('data-i18n')); });
    document.title = t('app.name');
    document.querySelectorAll('.lang button').forEach(b => b.classList.toggle('active', b.dataset.lang === state.lang));
    const who = document.getElementById('who-label');
    who.textContent = state.me ? t('role.' + state.me.role) + (state.me.units.length ? '（' + state.me.units.map(unitName).join('、') + '）' : '') : '';
    document.getElementById('signout-btn').hidden = !state.me;
    document.querySelectorAll('#tabs a[data-roles]').forEach(a => {
      a.hidden = !state.me || !a.dataset.roles.split(' ').includes(state.me.role);
    });
  }

  function parseHash() {
    const h = location.hash.replace(/^#\/?/, '');
    const [path, qs] = h.split('?');
    const parts = path.split('/').map(decodeURIComponent);
    return { name: parts[0] || 'overview', arg: parts[1], query: new URLSearchParams(qs || '') };
  }

  async function render() {
    disposeChart();
    applyStaticTexts();
    if (!state.me) {
      return;
    }
    const r = parseHash();
    document.querySelectorAll('#tabs a').forEach(a => a.classList.toggle('active', a.dataset.view === r.name));
    try {
      if (r.name === 'target') {
        await renderTarget(r.arg);
      } else if (r.name === 'units') {
        renderUnits();
      } else if (r.name === 'report') {
        renderReport(r.query);
      } else if (r.name === 'import') {
        renderImport();
      } else if (ext.views[r.name]) {
        await ext.views[r.name](r.arg, r.query);
      } else {
        renderOverview();
      }
      document.body.dataset.view = r.name;
      document.body.dataset.ready = String(Date.now());
    } catch (e) {
      showError(e);
    }
  }

  async function reload() {
    try {
      await loadPlan();
    } catch (e) {
      showError(e);
    }
    await render();
  }

  function signOut() {
    state.token = '';
    state.me = null;
    sessionStorage.removeItem('pt.token');
    document.getElementById('signin').hidden = false;
    view().replaceChildren();
    applyStaticTexts();
  }

  async function signIn(token) {
    state.token = token;
    const r = await api('GET', 'me', { signingIn: true });
    state.me = r.data;
    sessionStorage.setItem('pt.token', token);
    document.getElementById('signin').hidden = true;
    await loadPlans();
    await reload();
  }

  function init() {
    document.getElementById('asof-input').value = state.asOf;
    document.getElementById('preset-select').value = state.preset;
    document.getElementById('signin-form').addEventListener('submit', async (ev) => {
      ev.preventDefault();
      const err = document.getElementById('signin-error');
      err.textContent = '';
      try {
        await signIn(document.getElementById('token-input').value.trim());
        document.getElementById('token-input').value = '';
      } catch (e) {
        state.token = '';
        err.textContent = e.status === 401 ? t('auth.bad') : e.message;
      }
    });
    document.getElementById('signout-btn').addEventListener('click', signOut);
    document.getElementById('plan-select').addEventListener('change', (e) => { state.planId = e.target.value; reload(); });
    document.getElementById('asof-input').addEventListener('change', (e) => {
      state.asOf = e.target.value;
      sessionStorage.setItem('pt.asOf', state.asOf);
      reload();
    });
    document.getElementById('preset-select').addEventListener('change', (e) => {
      state.preset = e.target.value;
      sessionStorage.setItem('pt.preset', state.preset);
      reload();
    });
    document.querySelectorAll('.lang button').forEach(b => b.addEventListener('click', () => {
      state.lang = b.dataset.lang;
      localStorage.setItem('pt.lang', state.lang);
      render();
    }));
    window.addEventListener('hashchange', () => { flash(''); window.scrollTo(0, 0); render(); });
    window.addEventListener('resize', () => { if (state.chart) { state.chart.resize(); } });
    if (state.token) {
      signIn(state.token).catch(() => signOut());
    } else {
      signOut();
    }
  }

  window.PT = {
    ext, state, t, el, api, ApiError, badge, warningChip, statusText, reason, pct, num, flash, showError, view,
    unitName, field, safeUrl, localTime, problemText, render, reload, loadPlan
  };
  document.addEventListener('DOMContentLoaded', init);
}());
