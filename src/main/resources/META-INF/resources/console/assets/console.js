// The console's script: each page is a shell the server renders in the reader's language; this reads and writes
// through the decision API (/api/v1) as the signed-in user, whose session cookie the browser sends. The server
// enforces every role; what a page shows only saves a click that would be refused. No library, no inline script:
// the content security policy allows this file and nothing else. Every text from the API or a user is set as text,
// never as HTML.

const body = document.body;
const texts = JSON.parse(document.getElementById('texts')?.textContent || '{}');
const lang = body.dataset.lang || 'zh-CN';
const roles = new Set((body.dataset.roles || '').split(' ').filter(Boolean));

/** A word of the page's language; {0}, {1} take the arguments. */
export function t(key, ...args) {
  let text = texts[key] ?? key;
  args.forEach((arg, i) => { text = text.replaceAll(`{${i}}`, String(arg)); });
  return text;
}

/** An element: h('tr', {class: 'x', onclick: f}, 'text', child, [more]). Strings become text nodes. */
export function h(tag, attrs, ...children) {
  const svg = ['svg', 'rect', 'line', 'text', 'g', 'title'].includes(tag) && attrs?.svg !== false;
  const el = svg ? document.createElementNS('http://www.w3.org/2000/svg', tag) : document.createElement(tag);
  for (const [name, value] of Object.entries(attrs || {})) {
    if (value === undefined || value === null || value === false || name === 'svg') continue;
    if (name.startsWith('on')) el.addEventListener(name.slice(2), value);
    else if (name === 'text') el.textContent = value;
    else el.setAttribute(name, value === true ? '' : value);
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const child of children.flat(Infinity)) {
    if (child === undefined || child === null || child === false) continue;
    el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return el;
}

const $ = (selector, root = document) => root.querySelector(selector);
const $$ = (selector, root = document) => [...root.querySelectorAll(selector)];
const fill = (el, ...children) => { el.replaceChildren(); return append(el, children); };

/** A problem the API answered (or the network failed with). */
class ApiError extends Error {
  constructor(status, problem) {
    super(problem?.detail || problem?.title || `HTTP ${status}`);
    this.status = status;
    this.problem = problem || {};
  }
}

/**
 * Calls the API as the signed-in user. A lapsed session goes to the sign-in page, which returns to this page, with
 * its query, once signed in again.
 */
export async function api(method, path, { body: payload, accept = 'application/json' } = {}) {
  const headers = { 'X-Unbind-Console': '1', 'Accept-Language': lang, Accept: accept };
  if (payload !== undefined) headers['Content-Type'] = 'application/json';
  let response;
  try {
    response = await fetch(path, {
      method, headers, credentials: 'same-origin',
      body: payload === undefined ? undefined : JSON.stringify(payload),
    });
  } catch (e) {
    throw new ApiError(0, { title: t('errNetwork'), detail: String(e) });
  }
  if (response.status === 401) {
    window.location.assign(`/console/sign-in?expired=true&next=${encodeURIComponent(window.location.pathname + window.location.search)}`);
    throw new ApiError(401, { title: t('err401') });
  }
  const type = response.headers.get('Content-Type') || '';
  const content = type.includes('json') ? await response.json() : await response.text();
  if (!response.ok) throw new ApiError(response.status, typeof content === 'object' ? content : { detail: content });
  return { status: response.status, body: content, headers: response.headers };
}

/** A message box: kind is error, ok or info. */
function notice(kind, title, ...detail) {
  return h('div', { class: `notice ${kind}`, role: kind === 'error' ? 'alert' : 'status' },
    h('strong', {}, title), detail.length ? h('div', {}, ...detail) : null);
}

/** What went wrong, in words for a person: 403 and 409 say what the role or the state lacks. */
function problemBox(error) {
  const p = error.problem || {};
  const title = {
    0: t('errNetwork'), 400: t('err400'), 403: t('err403'), 404: t('err404'), 409: t('err409'),
    413: t('err413'), 422: t('err422'), 429: t('err429'), 503: t('err503'),
  }[error.status] || t('errOther', error.status);
  const errors = (p.errors || []).map((e) => h('li', {}, h('code', {}, e.path), ' ', e.message));
  return notice('error', title, p.detail ? h('p', {}, p.detail) : null,
    errors.length ? h('ul', { class: 'problems' }, errors) : null);
}

/** Runs an action, showing its failure in place. */
async function attempt(where, action) {
  try {
    return await action();
  } catch (e) {
    if (!(e instanceof ApiError)) throw e;
    if (where) fill(where, problemBox(e));
    return undefined;
  }
}

function busy(button, running) {
  if (!button) return;
  button.disabled = running;
  button.setAttribute('aria-busy', running ? 'true' : 'false');
}

const money = (amount) => (amount === undefined || amount === null ? '' : Number(amount).toLocaleString(
  lang === 'en' ? 'en-US' : 'zh-CN', { style: 'currency', currency: 'CNY' }));
const when = (instant) => (instant ? new Date(instant).toLocaleString(lang === 'en' ? 'en-GB' : 'zh-CN',
  { timeZone: 'Asia/Shanghai', dateStyle: 'medium', timeStyle: 'medium' }) : '');
const shortVersion = (version) => (version ? version.replace(/^sha256:/, '').slice(0, 12) : '');
const verdictBadge = (verdict) => h('span', { class: `badge verdict-${String(verdict).toLowerCase()}` },
  t(`verdict.${verdict}`));
const stateBadge = (state) => h('span', { class: `badge state-${state}` }, t(`state.${state}`));

function table(headings, rows, attrs = {}) {
  return h('table', attrs,
    h('thead', {}, h('tr', {}, headings.map((heading) => h('th', { scope: 'col' }, heading)))),
    h('tbody', {}, rows));
}

function versionLink(version) {
  return h('a', { href: `/console/rulesets/${encodeURIComponent(version)}`, title: version, class: 'version' },
    shortVersion(version));
}

// ---------------------------------------------------------------------------------------------------------------
// An answer, as a person reads it: verdict, findings with their regulation, the steps as a timeline, money.

function answerView(answer) {
  const findings = answer.findings || [];
  const days = answer.estimatedBusinessDays;
  const sections = [
    h('div', { class: 'verdict-line' }, verdictBadge(answer.verdict),
      h('span', { class: 'muted' }, t('caseLine', answer.caseId || '—', answer.asOf || '', shortVersion(answer.rulesetVersion)))),
    h('h3', {}, t('findings'), ' ', h('span', { class: 'count' }, findings.length)),
    findings.length ? table([t('severity'), t('finding'), t('regulation')], findings.map((f) => h('tr', { 'data-field': `findings[${f.code}${f.subject ? `/${f.subject}` : ''}]` },
      h('td', {}, h('span', { class: `badge severity-${String(f.severity).toLowerCase()}` }, t(`severity.${f.severity}`))),
      h('td', {}, h('div', {}, f.message || f.code), h('div', { class: 'muted small' }, h('code', {}, f.code), f.subject ? ` · ${f.subject}` : '')),
      h('td', {}, f.regulation || '—'))), { class: 'findings' }) : h('p', { class: 'muted' }, t('noFindings')),
    h('h3', {}, t('steps'), days ? h('span', { class: 'muted' }, ' ', t('businessDays', days.min, days.max)) : null),
    h('ol', { class: 'timeline' }, (answer.steps || []).map((s) => h('li', { 'data-field': `steps[${s.code}]` },
      h('div', {}, s.description || s.code), h('div', { class: 'muted small' }, h('code', {}, s.code), s.regulation ? ` · ${s.regulation}` : '')))),
    h('h3', {}, t('money')),
    moneyTable(answer),
  ];
  return h('div', { class: 'answer' }, sections);
}

function moneyTable(answer) {
  const line = (kind, item, extra) => h('tr', { 'data-field': `${kind}s[${item.code}]` }, h('td', {}, t(kind)), h('td', {}, item.description || item.code,
    extra ? h('span', { class: 'muted small' }, ` ${extra}`) : null), h('td', { class: 'num' }, money(item.amount)));
  const rows = [
    ...(answer.fees || []).map((f) => line('fee', f)),
    ...(answer.refunds || []).map((r) => line('refund', r)),
    ...(answer.holds || []).map((hold) => line('hold', hold, t('releaseAfter', hold.releaseAfterDays))),
  ];
  const totals = answer.totals || {};
  return h('table', { class: 'money' },
    h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, t('kind')), h('th', { scope: 'col' }, t('item')), h('th', { scope: 'col', class: 'num' }, t('amount')))),
    h('tbody', {}, rows.length ? rows : h('tr', {}, h('td', { colspan: 3, class: 'muted' }, t('noMoney')))),
    h('tfoot', {},
      h('tr', { 'data-field': 'totals.fees' }, h('th', { colspan: 2, scope: 'row' }, t('totalFees')), h('td', { class: 'num' }, money(totals.fees))),
      h('tr', { 'data-field': 'totals.refunds' }, h('th', { colspan: 2, scope: 'row' }, t('totalRefunds')), h('td', { class: 'num' }, money(totals.refunds))),
      h('tr', { class: 'net', 'data-field': 'totals.net' }, h('th', { colspan: 2, scope: 'row' }, t('net')), h('td', { class: 'num' }, money(totals.net)))));
}

function remediesView(report) {
  if (report.verdict === 'APPROVED') return h('p', { class: 'muted' }, t('alreadyApproved'));
  if (!report.curable) {
    return h('div', {}, h('p', {}, t('notCurable')),
      h('ul', {}, (report.blocking || []).map((f) => h('li', {}, f.message || f.code))));
  }
  return h('ol', { class: 'cures' }, (report.cures || []).map((cure) => h('li', {},
    h('div', {}, t('cureLeadsTo'), ' ', verdictBadge(cure.verdict)),
    h('ul', {}, cure.changes.map((c) => h('li', {}, c.description))))));
}

// ---------------------------------------------------------------------------------------------------------------
// Decide: a case from the form or as JSON, the worked examples as presets.

const FORM_FIELDS = [
  ['caseId', 'caseId', 'text'], ['asOf', 'asOf', 'date'], ['reason', 'reason', 'Reason'],
  ['merchant.merchantId', 'merchantId', 'text'], ['merchant.type', 'merchantType', 'MerchantType'],
  ['merchant.regulatoryHold', 'regulatoryHold', 'boolean'], ['terminal.serialNumber', 'serialNumber', 'text'],
  ['terminal.ownership', 'ownership', 'Ownership'], ['terminal.tamperSuspected', 'tamperSuspected', 'boolean'],
  ['contract.status', 'contractStatus', 'ContractStatus'], ['contract.monthlyFee', 'monthlyFee', 'number'],
  ['account.balance', 'balance', 'number'], ['account.openChargebacks', 'openChargebacks', 'integer'],
  ['dataWipe.level', 'wipeLevel', 'WipeLevel'], ['dataWipe.disposition', 'disposition', 'Disposition'],
];

const getPath = (object, path) => path.split('.').reduce((o, k) => (o == null ? undefined : o[k]), object);
function setPath(object, path, value) {
  const keys = path.split('.');
  let o = object;
  keys.slice(0, -1).forEach((k) => { if (typeof o[k] !== 'object' || o[k] === null) o[k] = {}; o = o[k]; });
  if (value === undefined) delete o[keys.at(-1)]; else o[keys.at(-1)] = value;
}

async function pageDecide() {
  const contract = (await attempt($('#decide-result'), () => api('GET', '/q/openapi?format=json')))?.body;
  if (!contract) return;
  const schemas = contract.components.schemas;
  const examples = Object.entries(contract.components.examples || {}).filter(([name]) => /^\d\d-/.test(name));
  const preset = $('#preset');
  examples.forEach(([name]) => preset.append(h('option', { value: name }, t(`example.${name}`))));
  const json = $('#case-json');
  const form = $('#case-form');
  const fields = {};
  FORM_FIELDS.forEach(([path, key, kind]) => {
    const id = `f-${key}`;
    let input;
    if (schemas[kind]?.enum) {
      input = h('select', { id }, h('option', { value: '' }, '—'),
        schemas[kind].enum.map((v) => h('option', { value: v }, t(`enum.${v}`) === `enum.${v}` ? v : `${t(`enum.${v}`)} (${v})`)));
    } else if (kind === 'boolean') {
      input = h('input', { id, type: 'checkbox' });
    } else {
      input = h('input', { id, type: kind === 'integer' || kind === 'number' ? 'number' : kind, step: kind === 'number' ? '0.01' : undefined });
    }
    fields[path] = { input, kind };
    form.append(h('div', { class: kind === 'boolean' ? 'field check' : 'field' }, h('label', { for: id }, t(`field.${key}`)), input));
  });
  const documents = h('fieldset', { class: 'documents' }, h('legend', {}, t('field.documents')),
    schemas.DocumentType.enum.map((d) => h('label', { class: 'check' }, h('input', { type: 'checkbox', value: d, name: 'doc' }), ' ', d)));
  form.append(documents);

  const read = () => { try { return JSON.parse(json.value); } catch { return null; } };
  const toForm = () => {
    const request = read();
    $('#json-error').textContent = request ? '' : t('jsonInvalid');
    if (!request) return;
    for (const [path, { input, kind }] of Object.entries(fields)) {
      const value = getPath(request, path);
      if (kind === 'boolean') input.checked = value === true; else input.value = value ?? '';
    }
    const docs = new Set(request.documents || []);
    $$('input[name=doc]', documents).forEach((box) => { box.checked = docs.has(box.value); });
  };
  const toJson = () => {
    const request = read() || {};
    for (const [path, { input, kind }] of Object.entries(fields)) {
      let value;
      if (kind === 'boolean') value = input.checked;
      else if (input.value === '') value = undefined;
      else if (kind === 'number' || kind === 'integer') value = Number(input.value);
      else value = input.value;
      setPath(request, path, value);
    }
    request.documents = $$('input[name=doc]', documents).filter((b) => b.checked).map((b) => b.value);
    json.value = JSON.stringify(request, null, 2);
    $('#json-error').textContent = '';
  };
  form.addEventListener('change', toJson);
  json.addEventListener('input', toForm);
  preset.addEventListener('change', () => {
    const chosen = examples.find(([name]) => name === preset.value);
    if (chosen) { json.value = JSON.stringify(chosen[1].value, null, 2); toForm(); }
  });
  preset.value = examples[0]?.[0] || '';
  preset.dispatchEvent(new Event('change'));

  $('#decide-form').addEventListener('submit', async (event) => {
    event.preventDefault();
    const result = $('#decide-result');
    const request = read();
    if (!request) { fill(result, notice('error', t('jsonInvalid'))); return; }
    const button = $('#decide-button');
    busy(button, true);
    fill(result, h('p', { class: 'muted' }, t('deciding')));
    const answer = await attempt(result, () => api('POST', '/api/v1/decisions', { body: request }));
    busy(button, false);
    if (!answer) return;
    const decision = answer.body;
    const remedies = h('section', { class: 'remedies' }, h('h3', {}, t('whatWouldChange')), h('p', { class: 'muted' }, t('loading')));
    fill(result, answerView(decision), remedies,
      h('p', { class: 'muted small' }, t('recordedAs'), ' ', h('code', { id: 'decision-id' }, decision.decisionId)));
    result.focus();
    const report = await attempt(remedies, () => api('GET', `/api/v1/decisions/${encodeURIComponent(decision.decisionId)}/remedies`));
    if (report) fill(remedies, h('h3', {}, t('whatWouldChange')), remediesView(report.body));
  });
}

// ---------------------------------------------------------------------------------------------------------------
// Decisions: search the log, one decision with its proof, replay side by side.

const SEARCH_FIELDS = ['merchantId', 'caseId', 'verdict', 'rulesetVersion', 'from', 'to'];

async function pageDecisions() {
  const form = $('#search');
  const results = $('#results');
  const more = $('#more');
  let cursor = null;
  const params = new URLSearchParams(window.location.search);
  SEARCH_FIELDS.forEach((name) => { if (params.has(name)) form.elements[name].value = params.get(name); });
  const query = () => {
    const q = new URLSearchParams();
    SEARCH_FIELDS.forEach((name) => { const v = form.elements[name].value.trim(); if (v) q.set(name, v); });
    return q;
  };
  const load = async (nextPage) => {
    const q = query();
    q.set('limit', '25');
    if (nextPage && cursor) q.set('cursor', cursor);
    const where = $('#search-problem');
    where.replaceChildren();
    const page = await attempt(where, () => api('GET', `/api/v1/decisions?${q}`));
    if (!page) return;
    cursor = page.body.nextCursor;
    const rows = page.body.items.map((d) => h('tr', {},
      h('td', {}, when(d.recordedAt)),
      h('td', {}, h('a', { href: `/console/decisions/${encodeURIComponent(d.decisionId)}` }, d.caseId || d.decisionId)),
      h('td', {}, d.merchantId || '—'),
      h('td', {}, verdictBadge(d.verdict), d.integrity?.status === 'altered' ? h('span', { class: 'badge bad' }, t('altered')) : null),
      h('td', {}, versionLink(d.rulesetVersion)),
      h('td', {}, d.requestedBy)));
    const tbody = $('tbody', results);
    if (nextPage && tbody) append(tbody, rows);
    else fill(results, rows.length ? table([t('recordedAt'), t('case'), t('merchant'), t('verdict'), t('version'), t('requestedBy')], rows)
      : h('p', { class: 'muted' }, t('noDecisions')));
    more.hidden = !cursor;
  };
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    history.replaceState(null, '', `?${query()}`);
    load(false);
  });
  more.addEventListener('click', () => load(true));
  load(false);
}

async function pageDecision() {
  const id = body.dataset.decisionId;
  const where = $('#decision');
  const got = await attempt(where, () => api('GET', `/api/v1/decisions/${encodeURIComponent(id)}`));
  if (!got) return;
  const record = got.body;
  const intact = record.integrity?.status !== 'altered';
  fill($('#decision-facts'),
    h('dl', { class: 'facts' },
      h('dt', {}, t('verdict')), h('dd', {}, verdictBadge(record.answer.verdict)),
      h('dt', {}, t('case')), h('dd', {}, record.request.caseId || '—'),
      h('dt', {}, t('merchant')), h('dd', {}, record.request.merchant?.merchantId || '—'),
      h('dt', {}, t('recordedAt')), h('dd', {}, when(record.recordedAt)),
      h('dt', {}, t('requestedBy')), h('dd', {}, record.requestedBy),
      h('dt', {}, t('version')), h('dd', {}, versionLink(record.rulesetVersion)),
      h('dt', {}, t('integrity')), h('dd', {}, intact ? h('span', { class: 'badge good' }, t('intact'))
        : h('span', { class: 'badge bad' }, t('altered')), record.integrity?.problem ? ` ${record.integrity.problem}` : ''),
      h('dt', {}, t('chain')), h('dd', { class: 'mono small' }, `${record.chain.writerId} #${record.chain.sequence}`, h('br'), record.chain.hash)),
    h('p', {}, h('a', { class: 'button', id: 'case-file', href: `/api/v1/decisions/${encodeURIComponent(id)}/case-file`, download: `case-file-${id}.pdf` }, t('downloadCaseFile'))));
  fill(where, h('h2', {}, t('answer')), answerView(record.answer),
    h('details', {}, h('summary', {}, t('request')), h('pre', { class: 'json' }, JSON.stringify(record.request, null, 2))),
    h('details', {}, h('summary', {}, t('answerJson')), h('pre', { class: 'json' }, JSON.stringify(record.answer, null, 2))),
    h('h3', {}, t('firedRules'), ' ', h('span', { class: 'count' }, (record.answer.firedRules || []).length)),
    h('ol', { class: 'fired' }, (record.answer.firedRules || []).map((rule) => h('li', {}, rule))));

  const proof = $('#proof');
  const p = await attempt(null, () => api('GET', `/api/v1/decisions/${encodeURIComponent(id)}/proof`));
  fill(proof, h('h2', {}, t('proof')), p ? h('div', {},
    h('p', {}, t('proofLine', p.body.leafIndex, p.body.treeSize)),
    h('details', {}, h('summary', {}, t('proofDetails')), h('pre', { class: 'mono small' },
      `leaf ${p.body.leafHash}\nroot ${p.body.rootHash}\n\n${p.body.auditPath.join('\n')}\n\n${p.body.checkpoint}\n${p.body.publicKey}`)))
    : h('p', { class: 'muted' }, t('proofPending')));

  const select = $('#replay-version');
  select.append(h('option', { value: '' }, t('ownVersion', shortVersion(record.rulesetVersion))), h('option', { value: 'active' }, t('activeVersion')));
  const versions = await attempt(null, () => api('GET', '/api/v1/rulesets'));
  (versions?.body.items || []).filter((v) => v.version !== record.rulesetVersion).forEach((v) =>
    select.append(h('option', { value: v.version }, `${shortVersion(v.version)} ${v.label || ''} (${t(`state.${v.state}`)})`)));
  $('#replay-form').addEventListener('submit', async (event) => {
    event.preventDefault();
    const out = $('#replay-result');
    const q = select.value ? `?ruleset=${encodeURIComponent(select.value)}` : '';
    busy($('#replay-button'), true);
    const replay = await attempt(out, () => api('POST', `/api/v1/decisions/${encodeURIComponent(id)}/replay${q}`));
    busy($('#replay-button'), false);
    if (replay) fill(out, replayView(replay.body));
  });
}

/** The recorded and the replayed answer side by side; each field that differs is marked in both. */
function replayView(replay) {
  const changed = new Map(replay.differences.map((d) => [d.field, d]));
  const head = replay.identical ? notice('ok', t('replayIdentical', shortVersion(replay.rulesetVersion)))
    : notice('info', t('replayDiffers', replay.differences.length, shortVersion(replay.rulesetVersion)));
  const rows = replay.differences.map((d) => h('tr', { class: `change-${d.change}` },
    h('th', { scope: 'row' }, h('code', {}, d.field)), h('td', {}, t(`change.${d.change}`)),
    h('td', { class: 'old' }, h('pre', {}, JSON.stringify(d.original, null, 1))),
    h('td', { class: 'new' }, h('pre', {}, JSON.stringify(d.replayed, null, 1)))));
  // Each line that differs is marked on both sides: the verdict, a finding, a step, a fee, a total.
  const mark = (answer) => {
    const view = answerView(answer);
    if (changed.has('verdict')) $('.verdict-line', view)?.classList.add('differs');
    $$('[data-field]', view).forEach((el) => { if (changed.has(el.dataset.field)) el.classList.add('differs'); });
    return view;
  };
  return h('div', {}, head,
    rows.length ? table([t('field'), t('change'), t('recorded'), t('replayed')], rows, { class: 'differences' }) : null,
    h('div', { class: 'side-by-side' },
      h('section', {}, h('h3', {}, t('recorded'), ' ', versionLink(replay.recordedRulesetVersion)), mark(replay.original)),
      h('section', {}, h('h3', {}, t('replayed'), ' ', versionLink(replay.rulesetVersion)), mark(replay.replayed))));
}

// ---------------------------------------------------------------------------------------------------------------
// Audit: verify, checkpoints, the public key, export, retention.

/** A break's kind in words, its code beneath for whoever reads the API's answer too. */
function breakKind(kind) {
  const words = texts[`breakKind.${kind}`];
  return words ? [h('strong', {}, words), h('div', { class: 'muted small mono' }, kind)] : kind;
}

async function pageAudit() {
  $('#verify-button').addEventListener('click', async () => {
    const out = $('#verify-result');
    busy($('#verify-button'), true);
    fill(out, h('p', { class: 'muted' }, t('verifying')));
    const started = performance.now();
    const v = await attempt(out, () => api('GET', '/api/v1/audit/verify'));
    busy($('#verify-button'), false);
    if (!v) return;
    const r = v.body;
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    const breaks = r.breaks || [];
    const governance = r.governanceBreaks || [];
    const treeBreaks = r.tree?.breaks || [];
    fill(out,
      r.intact ? notice('ok', t('verifyIntact', r.recordsChecked, seconds), t('verifyIntactMore', r.snapshotsChecked, r.governanceEventsChecked ?? 0))
        : notice('error', t('verifyBroken', r.breakCount ?? breaks.length, r.recordsChecked)),
      breaks.length ? h('section', {}, h('h3', {}, t('recordBreaks')), table([t('kind'), t('chain'), t('decision'), t('field'), t('reason')],
        breaks.map((b) => h('tr', {}, h('td', {}, breakKind(b.kind)), h('td', { class: 'mono' }, `${b.writerId} #${b.sequence}`),
          h('td', {}, h('a', { href: `/console/decisions/${encodeURIComponent(b.decisionId)}` }, b.decisionId)), h('td', {}, b.field || '—'), h('td', {}, b.reason))))) : null,
      (r.snapshotBreaks || []).length ? h('section', {}, h('h3', {}, t('snapshotBreaks')), table([t('version'), t('reason')],
        r.snapshotBreaks.map((b) => h('tr', {}, h('td', {}, versionLink(b.version)), h('td', {}, b.reason))))) : null,
      governance.length ? h('section', {}, h('h3', {}, t('governanceBreaks')), table([t('sequence'), t('version'), t('field'), t('reason')],
        governance.map((b) => h('tr', {}, h('td', {}, b.sequence ?? '—'), h('td', {}, versionLink(b.version)), h('td', {}, b.field || '—'), h('td', {}, b.reason))))) : null,
      treeBreaks.length ? h('section', {}, h('h3', {}, t('treeBreaks')), table([t('at'), t('reason')],
        treeBreaks.map((b) => h('tr', {}, h('td', {}, b.at), h('td', {}, b.reason))))) : null,
      h('h3', {}, t('chains')), table([t('chain'), t('records'), t('lastHash')], (r.chains || []).map((c) => h('tr', {},
        h('td', { class: 'mono' }, c.writerId), h('td', { class: 'num' }, c.records), h('td', { class: 'mono small' }, c.lastHash)))),
      r.tree ? h('p', { class: 'muted' }, t('treeLine', r.tree.leavesChecked, r.tree.treeSize, r.tree.checkpointsChecked, r.tree.unsequenced)) : null);
  });

  const checkpoints = await attempt($('#checkpoints'), () => api('GET', '/api/v1/audit/checkpoints?limit=10'));
  if (checkpoints) {
    const items = checkpoints.body.checkpoints;
    fill($('#checkpoints'), items.length ? table([t('madeAt'), t('treeSize'), t('rootHash'), t('madeBy')], items.map((c) => h('tr', {},
      h('td', {}, when(c.madeAt)), h('td', { class: 'num' }, c.treeSize), h('td', { class: 'mono small' }, c.rootHash), h('td', { class: 'mono' }, c.madeBy))))
      : h('p', { class: 'muted' }, t('noCheckpoints')));
  }
  const key = await attempt($('#public-key'), () => api('GET', '/api/v1/audit/public-key', { accept: 'text/plain' }));
  if (key) fill($('#public-key'), h('pre', { class: 'mono', id: 'public-key-text' }, String(key.body).trim()));
  const retention = await attempt($('#retention'), () => api('GET', '/api/v1/audit/retention'));
  if (retention) {
    const r = retention.body;
    fill($('#retention'), h('dl', { class: 'facts' },
      h('dt', {}, t('retentionPeriod')), h('dd', {}, r.retention || t('keptForever')),
      h('dt', {}, t('cutoff')), h('dd', {}, r.cutoff ? when(r.cutoff) : '—'),
      h('dt', {}, t('eligible')), h('dd', {}, r.eligible),
      h('dt', {}, t('archives')), h('dd', {}, r.archives.length)),
    r.archives.length ? table([t('archivedAt'), t('recordedBefore'), t('purged'), t('by')], r.archives.map((a) => h('tr', {},
      h('td', {}, when(a.archivedAt)), h('td', {}, when(a.recordedBefore)), h('td', { class: 'num' }, a.purgedCount), h('td', {}, a.archivedBy)))) : null);
  }
  const exportForm = $('#export-form');
  exportForm.addEventListener('submit', (event) => {
    event.preventDefault();
    const q = new URLSearchParams();
    ['from', 'to'].forEach((n) => { if (exportForm.elements[n].value) q.set(n, exportForm.elements[n].value); });
    window.location.assign(`/api/v1/audit/export?${q}`);
  });
}

// ---------------------------------------------------------------------------------------------------------------
// Rule sets: the versions, one version (diff, backtest, approve, activate), upload and validate.

async function pageRulesets() {
  const list = await attempt($('#versions'), () => api('GET', '/api/v1/rulesets'));
  if (!list) return;
  const items = list.body.items;
  fill($('#versions'), table([t('version'), t('label'), t('state'), t('createdBy'), t('createdAt'), t('approvals'), t('scenarios')],
    items.map((v) => h('tr', { class: v.active ? 'active' : null },
      h('td', {}, versionLink(v.version)), h('td', {}, v.label || '—'), h('td', {}, stateBadge(v.state), v.integrity === 'altered' ? h('span', { class: 'badge bad' }, t('altered')) : null),
      h('td', {}, v.createdBy), h('td', {}, when(v.createdAt)),
      h('td', {}, `${(v.approvals || []).length}/${v.approvalsRequired ?? 1}`),
      h('td', {}, `${v.validation.scenariosPassed}✓ ${v.validation.scenariosFailed ? `${v.validation.scenariosFailed}✗` : ''}`)))));
  const [a, b] = [$('#compare-version'), $('#compare-against')];
  items.forEach((v) => {
    const label = `${shortVersion(v.version)} ${v.label || ''} (${t(`state.${v.state}`)})`;
    a.append(h('option', { value: v.version }, label));
    b.append(h('option', { value: v.version }, label));
  });
  if (items.length > 1) b.value = (items.find((v) => v.active) || items[1]).version;
  $('#compare-form').addEventListener('submit', (event) => {
    event.preventDefault();
    window.location.assign(`/console/rulesets/${encodeURIComponent(a.value)}?against=${encodeURIComponent(b.value)}#diff`);
  });

  const schedules = await attempt($('#schedules'), () => api('GET', '/api/v1/rulesets/schedules'));
  if (schedules) {
    fill($('#schedules'), schedules.body.items.length ? table([t('version'), t('effectiveAt'), t('scheduledBy'), ''],
      schedules.body.items.map((s) => h('tr', {}, h('td', {}, versionLink(s.version)), h('td', {}, when(s.effectiveAt)), h('td', {}, s.scheduledBy),
        h('td', {}, roles.has('rules-admin') ? h('button', { type: 'button', class: 'secondary', onclick: async (event) => {
          busy(event.target, true);
          const done = await attempt($('#schedules-problem'), () => api('POST', `/api/v1/rulesets/schedules/${s.id}/cancel`, { body: {} }));
          if (done) window.location.reload(); else busy(event.target, false);
        } }, t('cancelSchedule')) : null))))
      : h('p', { class: 'muted' }, t('noSchedules')));
  }
  historyInto($('#history'), '/api/v1/rulesets/events?limit=50');
}

async function historyInto(where, path) {
  const events = await attempt(where, () => api('GET', path));
  if (!events) return;
  fill(where, events.body.items.length ? table([t('at'), t('event'), t('version'), t('by'), t('comment')],
    events.body.items.map((e) => h('tr', {}, h('td', {}, when(e.at)), h('td', {}, t(`event.${e.kind}`)),
      h('td', {}, versionLink(e.version), e.fromVersion ? h('span', { class: 'muted small' }, ` ← ${shortVersion(e.fromVersion)}`) : null),
      h('td', {}, e.by), h('td', {}, e.comment || (e.effectiveAt ? t('effective', when(e.effectiveAt)) : ''))))) : h('p', { class: 'muted' }, t('noEvents')));
}

async function pageRuleset() {
  const version = body.dataset.version;
  const enc = encodeURIComponent(version);
  const got = await attempt($('#ruleset'), () => api('GET', `/api/v1/rulesets/${enc}`));
  if (!got) return;
  const v = got.body;
  const all = (await attempt(null, () => api('GET', '/api/v1/rulesets')))?.body.items || [];
  const active = all.find((x) => x.active);
  fill($('#ruleset'),
    h('div', { class: 'verdict-line' }, stateBadge(v.state), v.integrity === 'altered' ? h('span', { class: 'badge bad' }, t('altered')) : null,
      h('span', { class: 'mono small' }, v.version)),
    h('dl', { class: 'facts' },
      h('dt', {}, t('label')), h('dd', {}, v.label || '—'),
      h('dt', {}, t('createdBy')), h('dd', {}, `${v.createdBy} · ${when(v.createdAt)} · ${t(`source.${v.source}`)}`),
      h('dt', {}, t('scenarios')), h('dd', {}, t('scenarioLine', v.validation.scenariosPassed, v.validation.scenariosFailed)),
      h('dt', {}, t('approvals')), h('dd', {}, t('approvalLine', (v.approvals || []).length, v.approvalsRequired ?? 1),
        h('ul', { class: 'plain' }, (v.approvals || []).map((w) => h('li', {}, '✓ ', w.by, ' · ', when(w.at), w.comment ? ` — ${w.comment}` : '')),
          (v.rejections || []).map((w) => h('li', { class: 'bad' }, '✗ ', w.by, ' · ', when(w.at), w.comment ? ` — ${w.comment}` : '')))),
      v.activatedAt ? [h('dt', {}, t('lastActivated')), h('dd', {}, `${when(v.activatedAt)} · ${v.activatedBy || ''}`)] : null));

  // What the signed-in person may do with it, by role and by state; the server decides in the end.
  const actions = $('#actions');
  const out = $('#action-result');
  const comment = () => $('#action-comment').value.trim();
  const act = async (button, path, payload, said) => {
    busy(button, true);
    const done = await attempt(out, () => api('POST', path, { body: payload }));
    busy(button, false);
    if (done) {
      sessionStorage.setItem('console-notice', t(said));
      window.location.reload();
    }
  };
  const buttons = [];
  if (roles.has('rules-approver') && !v.active) {
    buttons.push(h('button', { type: 'button', id: 'approve', onclick: (e) => act(e.target, `/api/v1/rulesets/${enc}/approve`, { comment: comment() }, 'doneApproved') }, t('approve')));
    buttons.push(h('button', { type: 'button', id: 'reject', class: 'danger', onclick: (e) => act(e.target, `/api/v1/rulesets/${enc}/reject`, { comment: comment() }, 'doneRejected') }, t('reject')));
  }
  if (roles.has('rules-admin') && !v.active) {
    const wasActive = v.state === 'retired';
    buttons.push(h('button', { type: 'button', id: 'activate', onclick: (e) => act(e.target, `/api/v1/rulesets/${enc}/activate`, { comment: comment() || undefined }, 'doneActivated') },
      wasActive ? t('rollBack') : t('activateNow')));
    const at = h('input', { type: 'datetime-local', id: 'effective-at', 'aria-label': t('effectiveAt') });
    buttons.push(h('span', { class: 'inline' }, at, h('button', { type: 'button', id: 'schedule', class: 'secondary', onclick: (e) => {
      if (!at.value) { fill(out, notice('error', t('chooseInstant'))); return; }
      // The instant is read in Asia/Shanghai, where the policy's dates are.
      act(e.target, `/api/v1/rulesets/${enc}/activate`, { comment: comment() || undefined, effectiveAt: `${at.value}:00+08:00` }, 'doneScheduled');
    } }, t('schedule'))));
  }
  if (buttons.length) {
    fill(actions, h('label', { for: 'action-comment' }, t('comment')),
      h('textarea', { id: 'action-comment', rows: 2, placeholder: t('commentHint') }), h('div', { class: 'buttons' }, buttons));
  } else {
    fill(actions, h('p', { class: 'muted' }, v.active ? t('isActive') : t('noActions')));
  }
  const saved = sessionStorage.getItem('console-notice');
  if (saved) { sessionStorage.removeItem('console-notice'); fill(out, notice('ok', saved)); }

  // The diff, against the version asked for, else the active one.
  const against = new URLSearchParams(window.location.search).get('against') || (active && active.version !== version ? active.version : null);
  const select = $('#diff-against');
  all.filter((x) => x.version !== version).forEach((x) => select.append(h('option', { value: x.version },
    `${shortVersion(x.version)} ${x.label || ''} (${t(`state.${x.state}`)})`)));
  if (against) select.value = against;
  const showDiff = async () => {
    if (!select.value) { fill($('#diff'), h('p', { class: 'muted' }, t('nothingToCompare'))); return; }
    const diff = await attempt($('#diff'), () => api('GET', `/api/v1/rulesets/${enc}/diff?against=${encodeURIComponent(select.value)}`));
    if (diff) fill($('#diff'), diffView(diff.body));
  };
  select.addEventListener('change', showDiff);
  showDiff();

  $('#backtest-form').addEventListener('submit', async (event) => {
    event.preventDefault();
    const where = $('#backtest');
    const button = $('#backtest-button');
    busy(button, true);
    const limit = $('#backtest-limit').value || '1000';
    fill(where, h('p', { class: 'muted' }, t('backtesting')));
    let sim = await attempt(where, () => api('POST', `/api/v1/rulesets/${enc}/simulate?limit=${encodeURIComponent(limit)}&wait=10`));
    while (sim && sim.body.status === 'RUNNING') {
      fill(where, h('p', { class: 'muted' }, t('backtestProgress', sim.body.processed, sim.body.total ?? '…')));
      await new Promise((r) => setTimeout(r, 1000));
      sim = await attempt(where, () => api('GET', `/api/v1/rulesets/simulations/${encodeURIComponent(sim.body.simulationId)}`));
    }
    busy(button, false);
    if (!sim) return;
    if (sim.body.status === 'FAILED') { fill(where, notice('error', t('backtestFailed'), sim.body.error)); return; }
    fill(where, backtestView(sim.body.result));
  });

  const files = Object.keys(v.files || {}).sort();
  fill($('#files'), h('p', { class: 'muted' }, t('fileCount', files.length)), h('ul', { class: 'files' }, files.map((path) =>
    h('li', {}, h('details', {}, h('summary', {}, h('code', {}, path)), h('pre', { class: 'source' }, v.files[path]))))));
  historyInto($('#version-history'), `/api/v1/rulesets/events?version=${enc}`);
}

/**
 * A unified diff with its lines marked; where one line is replaced by one line, the part that changed is marked
 * too, so "50.00" to "60.00" stands out in a long row of a table.
 */
function diffLines(text) {
  const lines = text.split('\n');
  const kind = (line) => (line.startsWith('+++') || line.startsWith('---') ? 'meta' : line.startsWith('+') ? 'add'
    : line.startsWith('-') ? 'del' : line.startsWith('@@') ? 'hunk' : null);
  const out = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const pair = kind(line) === 'del' && kind(lines[i + 1] || '') === 'add' && kind(lines[i - 1] || '') !== 'del'
      && kind(lines[i + 2] || '') !== 'add';
    if (!pair) { out.push(h('span', { class: kind(line) }, `${line}\n`)); continue; }
    const [a, b] = [line.slice(1), lines[i + 1].slice(1)];
    let start = 0;
    while (start < a.length && start < b.length && a[start] === b[start]) start++;
    let end = 0;
    while (end < a.length - start && end < b.length - start && a[a.length - 1 - end] === b[b.length - 1 - end]) end++;
    // Widen to whole words and numbers: "50.00" to "60.00", not "5" to "6".
    const word = /[\p{L}\p{N}_.]/u;
    while (start > 0 && word.test(a[start - 1])) start--;
    while (end > 0 && word.test(a[a.length - end]) && word.test(b[b.length - end])) end--;
    const marked = (sign, x) => h('span', { class: sign === '-' ? 'del' : 'add' }, sign, x.slice(0, start),
      h('mark', {}, x.slice(start, x.length - end)), x.slice(x.length - end), '\n');
    out.push(marked('-', a), marked('+', b));
    i++;
  }
  return h('pre', { class: 'diff' }, out);
}

/** Rules and files that differ; each file's unified diff with its lines marked. */
function diffView(diff) {
  if (diff.empty) return notice('info', t('diffEmpty'));
  const ruleRows = [];
  [['added', 'ruleAdded'], ['removed', 'ruleRemoved'], ['changed', 'ruleChanged']].forEach(([kind, label]) =>
    diff.rules[kind].forEach((r) => ruleRows.push(h('tr', { class: `change-${kind}` }, h('td', {}, t(label)),
      h('td', {}, r.name), h('td', {}, h('code', {}, r.file)), h('td', {}, r.regulation || '—'),
      h('td', {}, (r.changes || []).map((c) => t(`ruleChange.${c}`)).join(', '))))));
  const scenarios = [...diff.scenarios.added.map((s) => `+ ${s}`), ...diff.scenarios.removed.map((s) => `− ${s}`),
    ...diff.scenarios.changed.map((s) => `~ ${s}`)];
  // The files that decide first; the scenarios and the worked examples, which only check, after them.
  const checks = (path) => path.endsWith('.scenarios.json') || path.startsWith('tests/') || path.endsWith('.md');
  const ordered = [...diff.files.changed, ...diff.files.added, ...diff.files.removed]
    .sort((x, y) => Number(checks(x.path)) - Number(checks(y.path)));
  const fileBlocks = ordered.map((f) =>
    h('details', { open: !checks(f.path), class: 'file-diff' }, h('summary', {}, h('code', {}, f.path),
      checks(f.path) ? h('span', { class: 'muted small' }, ` · ${t('checksOnly')}`) : null),
      diffLines(f.diff)));
  return h('div', {},
    h('p', {}, t('diffLine', shortVersion(diff.version), shortVersion(diff.against))),
    h('h3', {}, t('rules'), ' ', h('span', { class: 'count' }, ruleRows.length)),
    ruleRows.length ? table([t('change'), t('rule'), t('file'), t('regulation'), t('what')], ruleRows, { class: 'rule-changes' }) : h('p', { class: 'muted' }, t('noRuleChanges')),
    scenarios.length ? h('details', {}, h('summary', {}, t('scenariosChanged', scenarios.length)),
      h('ul', { class: 'plain small' }, scenarios.map((s) => h('li', {}, s)))) : null,
    h('h3', {}, t('files'), ' ', h('span', { class: 'count' }, fileBlocks.length)), fileBlocks);
}

// Charts are SVG drawn here: no chart library is needed for bars and a matrix.
function barChart(rows, { label = '', format = String } = {}) {
  // rows: [{name, before, after}]; one pair of bars a row, before above after.
  const width = 640;
  const bar = 14;
  const gap = 12;
  const left = 190;
  const right = 110;
  const max = Math.max(1e-9, ...rows.flatMap((r) => [Math.abs(r.before), Math.abs(r.after)]));
  const scale = (n) => ((width - left - right) * Math.abs(n)) / max;
  const height = rows.length * (2 * bar + gap) + 24;
  return h('svg', { viewBox: `0 0 ${width} ${height}`, width, role: 'img', 'aria-label': label, class: 'chart' },
    rows.map((r, i) => {
      const y = i * (2 * bar + gap);
      const changed = r.before !== r.after;
      return h('g', {},
        h('text', { x: left - 8, y: y + bar + 4, 'text-anchor': 'end', class: changed ? 'axis strong' : 'axis' }, r.name),
        h('rect', { x: left, y, width: Math.max(1, scale(r.before)), height: bar, class: 'before' }, h('title', {}, `${t('before')}: ${format(r.before)}`)),
        h('text', { x: left + scale(r.before) + 4, y: y + bar - 3, class: 'value' }, format(r.before)),
        h('rect', { x: left, y: y + bar, width: Math.max(1, scale(r.after)), height: bar, class: 'after' }, h('title', {}, `${t('after')}: ${format(r.after)}`)),
        h('text', { x: left + scale(r.after) + 4, y: y + 2 * bar - 3, class: changed ? 'value strong' : 'value' }, format(r.after)));
    }),
    h('g', {}, h('rect', { x: left, y: height - 14, width: 10, height: 10, class: 'before' }),
      h('text', { x: left + 14, y: height - 5, class: 'axis' }, t('before')),
      h('rect', { x: left + 110, y: height - 14, width: 10, height: 10, class: 'after' }),
      h('text', { x: left + 124, y: height - 5, class: 'axis' }, t('after'))));
}

/** Per code, how many decisions would gain it, lose it or see it change: stacked bars. */
function codeChart(rows) {
  const width = 640;
  const left = 250;
  const room = width - left - 130;
  const max = Math.max(1, ...rows.map((c) => c.added + c.removed + c.changed));
  const scale = (n) => (room * n) / max;
  return h('svg', { viewBox: `0 0 ${width} ${rows.length * 22 + 26}`, width, role: 'img', 'aria-label': t('changesByCode'), class: 'chart' },
    rows.map((c, i) => {
      let x = left;
      const parts = [['added', c.added], ['removed', c.removed], ['changed', c.changed]].filter(([, n]) => n > 0).map(([kind, n]) => {
        const rect = h('rect', { x, y: i * 22, width: scale(n), height: 16, class: `code-${kind}` }, h('title', {}, `${t(`change.${kind}`)}: ${n}`));
        x += scale(n);
        return rect;
      });
      return h('g', {}, h('text', { x: left - 8, y: i * 22 + 12, 'text-anchor': 'end', class: 'axis' }, `${t(`codeKind.${c.kind}`)} ${c.code}`), parts,
        h('text', { x: x + 6, y: i * 22 + 12, class: 'value' }, [c.added ? `+${c.added}` : '', c.removed ? `−${c.removed}` : '', c.changed ? `~${c.changed}` : ''].filter(Boolean).join(' ')));
    }),
    h('g', {}, ['added', 'removed', 'changed'].map((kind, i) => [
      h('rect', { x: left + i * 110, y: rows.length * 22 + 10, width: 10, height: 10, class: `code-${kind}` }),
      h('text', { x: left + i * 110 + 14, y: rows.length * 22 + 19, class: 'axis' }, t(`change.${kind}`))])));
}

function backtestView(report) {
  const verdicts = ['APPROVED', 'APPROVED_WITH_CONDITIONS', 'INCOMPLETE', 'MANUAL_REVIEW', 'REJECTED'];
  const count = (from, to) => (report.verdicts || []).find((x) => x.from === from && x.to === to)?.count || 0;
  const max = Math.max(1, ...(report.verdicts || []).map((x) => x.count));
  const matrix = h('table', { class: 'matrix', id: 'verdict-matrix' },
    h('caption', {}, t('matrixCaption')),
    h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, t('fromTo')), verdicts.map((v) => h('th', { scope: 'col' }, t(`verdict.${v}`))))),
    h('tbody', {}, verdicts.map((from) => h('tr', {}, h('th', { scope: 'row' }, t(`verdict.${from}`)),
      verdicts.map((to) => {
        const n = count(from, to);
        const level = n === 0 ? 0 : Math.ceil((4 * n) / max);
        return h('td', { class: `heat-${from === to ? 'same' : level}` }, n || '·');
      })))));
  // Older stored reports have no per-fee amounts: they show how many cases each fee is charged in.
  const amounts = report.feeAmounts && Object.keys(report.feeAmounts).length;
  const fees = Object.entries(amounts ? report.feeAmounts : (report.feeCounts || {})).map(([name, c]) =>
    ({ name, before: Number(c.before), after: Number(c.after) }));
  const codeRows = [];
  [['byFindingCode', 'finding'], ['byFeeCode', 'fee'], ['byStepCode', 'step']].forEach(([key, kind]) =>
    Object.entries(report[key] || {}).forEach(([code, c]) => codeRows.push({ code, kind, ...c })));
  const feeBefore = report.feeTotals?.before ?? 0;
  const feeAfter = report.feeTotals?.after ?? 0;
  return h('div', { id: 'backtest-report' },
    h('div', { class: 'stats' },
      h('div', {}, h('strong', {}, report.compared), h('span', {}, t('compared'))),
      h('div', {}, h('strong', {}, report.changed), h('span', {}, t('changedDecisions'))),
      h('div', {}, h('strong', {}, report.verdictsChanged), h('span', {}, t('verdictsChanged'))),
      h('div', {}, h('strong', {}, money(feeAfter - feeBefore)), h('span', {}, t('feeDelta', money(feeBefore), money(feeAfter))))),
    h('p', { class: 'muted' }, t('baselineLine', report.baseline === 'recorded' ? t('recordedAnswers') : shortVersion(report.baseline))),
    h('div', { class: 'charts' },
      h('section', {}, h('h3', {}, t('verdictMatrix')), matrix),
      h('section', {}, h('h3', {}, amounts ? t('feeDeltas') : t('feeCases')), fees.length
        ? barChart(fees, { label: t('feeDeltas'), format: amounts ? money : String }) : h('p', { class: 'muted' }, t('noFees')))),
    h('section', {}, h('h3', {}, t('changesByCode')), codeRows.length ? codeChart(codeRows) : h('p', { class: 'muted' }, t('noCodeChanges'))),
    (report.changedDecisions || []).length ? h('section', {}, h('h3', {}, t('changedList')), table([t('decision'), t('verdict'), t('simulated'), t('differences')],
      report.changedDecisions.slice(0, 50).map((d) => h('tr', {},
        h('td', {}, h('a', { href: `/console/decisions/${encodeURIComponent(d.decisionId)}` }, d.decisionId)),
        h('td', {}, verdictBadge(d.verdict)), h('td', {}, verdictBadge(d.simulatedVerdict)),
        h('td', { class: 'small' }, d.differences.map((x) => x.field).join(', ')))))) : null);
}

// Upload: a folder from the officer's computer, or the active version's files to edit; validate, accept, store.
/** The key under which this tab keeps the signed-in user's unsaved rule files. */
const draftKey = () => `console-draft:${body.dataset.user || ''}`;

async function pageUpload() {
  const files = new Map();
  let current = null;
  const list = $('#file-list');
  const editor = $('#editor');
  const gutter = $('#editor-lines');
  const editorLabel = $('#editor-label');
  const report = $('#report');
  let lastReport = null;

  // Line numbers beside the editor, the lines with a problem marked, scrolled with the text.
  const renderGutter = () => {
    const bad = new Set((lastReport?.errors || []).filter((e) => e.file === current).map((e) => e.line));
    const count = current === null ? 0 : editor.value.split('\n').length;
    fill(gutter, Array.from({ length: count }, (_, i) => h('span', { class: bad.has(i + 1) ? 'bad' : null }, `${i + 1}\n`)));
    gutter.scrollTop = editor.scrollTop;
  };
  editor.addEventListener('scroll', () => { gutter.scrollTop = editor.scrollTop; });

  // What was typed survives a reload or a lapsed session: the files are kept in this tab's storage, under the
  // user's name, until they are stored as a version, discarded, or the user signs out.
  let keeping = null;
  const keepDraft = () => {
    clearTimeout(keeping);
    if (current !== null) files.set(current, editor.value);
    if (files.size === 0) return;
    try {
      sessionStorage.setItem(draftKey(), JSON.stringify({
        files: Object.fromEntries(files), current, label: $('#label').value, at: Date.now(),
      }));
    } catch (e) {
      // Storage full or refused: the page works on, only without the draft.
    }
  };
  const keepDraftSoon = () => { clearTimeout(keeping); keeping = setTimeout(keepDraft, 400); };
  window.addEventListener('pagehide', keepDraft);
  $('#label').addEventListener('input', keepDraftSoon);

  const renderList = () => {
    const problems = new Map();
    (lastReport?.errors || []).forEach((e) => problems.set(e.file, (problems.get(e.file) || 0) + 1));
    fill(list, [...files.keys()].sort().map((path) => h('li', {}, h('button', {
      type: 'button', class: path === current ? 'file current' : 'file', 'aria-current': path === current ? 'true' : null,
      onclick: () => open(path),
    }, path, problems.get(path) ? h('span', { class: 'badge bad' }, problems.get(path)) : null))));
    $('#file-count').textContent = t('fileCount', files.size);
  };
  const open = (path, line) => {
    if (current !== null) files.set(current, editor.value);
    current = path;
    editor.value = files.get(path) ?? '';
    editor.disabled = false;
    editorLabel.textContent = path;
    renderList();
    showFileProblems();
    editor.scrollTop = 0;
    if (line > 0) {
      const lines = editor.value.split('\n');
      const start = lines.slice(0, line - 1).reduce((n, l) => n + l.length + 1, 0);
      editor.focus();
      editor.setSelectionRange(start, start + (lines[line - 1] || '').length);
      editor.scrollTop = Math.max(0, (line - 5) * 18);
    }
    renderGutter();
  };
  const showFileProblems = () => {
    const here = (lastReport?.errors || []).filter((e) => e.file === current);
    fill($('#file-problems'), here.map((e) => h('li', {}, h('button', { type: 'button', class: 'link', onclick: () => open(e.file, e.line) },
      t('lineColumn', e.line, e.column)), ' ', e.message)));
  };
  editor.addEventListener('input', () => {
    if (current !== null) files.set(current, editor.value);
    renderGutter();
    keepDraftSoon();
  });
  const load = (entries, opening) => {
    files.clear();
    entries.forEach(([path, text]) => files.set(path, text));
    current = null;
    lastReport = null;
    fill(report);
    renderList();
    const first = [...files.keys()].sort().find((p) => p.endsWith('.csv')) || [...files.keys()].sort()[0];
    if (files.has(opening)) open(opening);
    else if (first) open(first);
    $('#validate').disabled = files.size === 0;
    keepDraft();
  };

  $('#from-active').addEventListener('click', async () => {
    const got = await attempt(report, () => api('GET', '/api/v1/rulesets/active'));
    if (got) { load(Object.entries(got.body.files || {})); $('#label').value = ''; }
  });
  $('#folder').addEventListener('change', async (event) => {
    const chosen = [...event.target.files];
    // A folder's files arrive as "rules/fees/fees.drl": the first segment is the folder itself.
    const entries = await Promise.all(chosen.map(async (f) => [(f.webkitRelativePath || f.name).split('/').slice(1).join('/') || f.name, await f.text()]));
    load(entries.filter(([path]) => !path.split('/').some((part) => part.startsWith('.'))));
  });

  const validate = async (query) => {
    keepDraft();
    busy($('#validate'), true);
    fill(report, h('p', { class: 'muted' }, t('validating')));
    const got = await attempt(report, () => api('POST', `/api/v1/rulesets/validate${query}`, { body: { files: Object.fromEntries(files) } }));
    busy($('#validate'), false);
    if (!got) return;
    lastReport = got.body;
    if (lastReport.accepted) {
      Object.entries(lastReport.accepted.files).forEach(([path, text]) => files.set(path, text));
      if (current !== null) editor.value = files.get(current);
      keepDraft();
    }
    renderList();
    showFileProblems();
    renderGutter();
    renderReport();
  };
  const renderReport = () => {
    const r = lastReport;
    const failed = r.scenarios.results.filter((s) => !s.passed);
    fill(report,
      r.valid ? notice('ok', t('valid', r.scenarios.passed), t('validMore', shortVersion(r.version)))
        : notice('error', t('invalid', r.errors.length, r.scenarios.failed)),
      r.accepted ? notice('info', t('acceptedLine', r.accepted.changes.length), h('ul', { class: 'plain small' }, r.accepted.changes.map((c) =>
        h('li', {}, `${c.file} › ${c.scenario}`, h('div', { class: 'muted' }, c.what.join('; '))))),
      r.accepted.notAccepted.length ? h('p', {}, t('notAccepted', r.accepted.notAccepted.join(', '))) : null) : null,
      r.errors.length ? h('section', {}, h('h3', {}, t('errors')), h('ul', { class: 'problems', id: 'errors' }, r.errors.map((e) => h('li', {},
        h('button', { type: 'button', class: 'link', onclick: () => open(e.file, e.line) }, `${e.file}:${e.line}:${e.column}`), ' ', e.message)))) : null,
      r.warnings.length ? h('section', {}, h('h3', {}, t('warnings')), h('ul', { class: 'plain' }, r.warnings.map((w) => h('li', {},
        h('code', {}, `${w.file}:${w.line}`), ' ', w.message)))) : null,
      failed.length ? h('section', { id: 'failed-scenarios' }, h('h3', {}, t('failedScenarios'), ' ', h('span', { class: 'count' }, failed.length)),
        table([t('scenario'), t('expectedGot')], failed.map((s) => h('tr', {}, h('td', {}, h('div', {}, s.name), h('code', { class: 'small' }, s.file)),
          h('td', {}, h('ul', { class: 'plain' }, s.mismatches.map((m) => h('li', { class: 'mismatch' }, m))))))),
        h('div', { class: 'buttons' },
          h('button', { type: 'button', id: 'accept', onclick: () => validate('?accept=true') }, t('accept')),
          h('button', { type: 'button', id: 'accept-examples', class: 'secondary', onclick: () => validate('?acceptExamples=true') }, t('acceptExamples'))),
        h('p', { class: 'muted small' }, t('acceptHint'))) : null,
      r.valid ? h('form', { id: 'store-form', class: 'inline-form', onsubmit: store },
        h('button', { type: 'submit', id: 'store' }, t('store'))) : null,
      h('div', { id: 'store-result' }));
  };
  const store = async (event) => {
    event.preventDefault();
    keepDraft();
    busy($('#store'), true);
    const label = $('#label').value.trim();
    const got = await attempt($('#store-result'), () => api('POST', '/api/v1/rulesets', { body: { files: Object.fromEntries(files), label: label || null } }));
    busy($('#store'), false);
    if (got) {
      window.removeEventListener('pagehide', keepDraft);
      sessionStorage.removeItem(draftKey());
      sessionStorage.setItem('console-notice', t('stored'));
      window.location.assign(`/console/rulesets/${encodeURIComponent(got.body.version)}#diff`);
    }
  };
  $('#validate').addEventListener('click', () => validate(''));

  let draft = null;
  try {
    draft = JSON.parse(sessionStorage.getItem(draftKey()) || 'null');
  } catch (e) {
    sessionStorage.removeItem(draftKey());
  }
  if (draft?.files && Object.keys(draft.files).length) {
    load(Object.entries(draft.files), draft.current);
    $('#label').value = draft.label || '';
    const when = new Date(draft.at).toLocaleTimeString(lang, { hour: '2-digit', minute: '2-digit' });
    fill(report, notice('info', t('draftRestored', when), h('p', {}, t('draftRestoredMore')),
      h('button', {
        type: 'button', id: 'discard-draft', class: 'secondary',
        onclick: () => {
          window.removeEventListener('pagehide', keepDraft);
          sessionStorage.removeItem(draftKey());
          window.location.reload();
        },
      }, t('draftDiscard'))));
  }
}

// ---------------------------------------------------------------------------------------------------------------

const pages = {
  decide: pageDecide, decisions: pageDecisions, decision: pageDecision, audit: pageAudit,
  rulesets: pageRulesets, ruleset: pageRuleset, upload: pageUpload,
};

// Signing out leaves no unsaved rule files behind in this tab for the next person.
$('#sign-out')?.closest('form')?.addEventListener('submit', () => {
  Object.keys(sessionStorage).filter((key) => key.startsWith('console-draft:')).forEach((key) => sessionStorage.removeItem(key));
});
// The language switch returns to this page as it is, its search included.
const switchLanguage = $('header a.language');
if (switchLanguage && window.location.search) {
  const target = new URL(switchLanguage.href);
  target.searchParams.set('back', window.location.pathname + window.location.search);
  switchLanguage.href = target.pathname + target.search;
}

// data-ready tells the browser tests the page has done its first work; data-ready-ms how long that took.
const ready = () => {
  body.setAttribute('data-ready-ms', String(Math.round(performance.now())));
  body.setAttribute('data-ready', 'true');
};
pages[body.dataset.page]?.().then(ready, (e) => {
  body.setAttribute('data-ready', 'failed');
  const main = $('main');
  main.prepend(notice('error', t('errScript'), String(e)));
  throw e;
});
if (!pages[body.dataset.page]) ready();
