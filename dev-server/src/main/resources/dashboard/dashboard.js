// The Hotframe dashboard: renders the model the dev server pushes over server-sent events.
// Plain DOM, no build step. Text from the project (file names, messages, state) only ever goes
// through textContent, never innerHTML.
'use strict';

const $ = (selector) => document.querySelector(selector);
let model = null;
let inspected = null;

function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === null || v === undefined) continue;
    if (k === 'class') node.className = v; else if (k === 'text') node.textContent = v;
    else if (k.startsWith('on')) node.addEventListener(k.slice(2), v); else node.setAttribute(k, v);
  }
  for (const child of children) if (child !== null && child !== undefined) node.append(child);
  return node;
}

function svg(tag, attrs, text) {
  const node = document.createElementNS('http://www.w3.org/2000/svg', tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  if (text !== undefined) node.textContent = text;
  return node;
}

const time = (ms) => new Date(ms).toLocaleTimeString([], { hour12: false });
const phases = (p) => Object.entries(p || {}).map(([k, v]) => `${k} ${v}`).join(' · ');
const tier = (name) => el('span', { class: `tier tier-${name}`, text: name });

function connect() {
  const events = new EventSource('/api/events');
  events.addEventListener('model', (e) => { model = JSON.parse(e.data); render(); });
  events.onopen = () => live(true);
  events.onerror = () => live(false);
}

function live(on) {
  const pill = $('#live');
  pill.textContent = on ? 'live' : 'reconnecting…';
  pill.className = `pill ${on ? 'on' : 'off'}`;
}

function render() {
  $('#project').textContent = `${model.project} · app ${model.app} · ${model.url} · seq ${model.seq}`;
  renderViewers();
  renderProblems();
  renderTimeline();
  renderLatency();
}

function renderViewers() {
  const body = $('#viewers tbody');
  body.replaceChildren();
  for (const v of model.viewers) {
    const connected = v.state === 'connected';
    const select = el('button', { text: 'Inspect', disabled: connected ? null : '', class: inspected === v.id ? 'selected' : null,
      onclick: () => inspect(v.id) });
    body.append(el('tr', { 'data-viewer': v.id },
      el('td', { class: 'mono', text: v.id }), el('td', { text: v.host || '' }), el('td', { text: v.jdk || '' }),
      el('td', { text: v.backend || '' }), el('td', { class: 'mono', text: v.lastAckedSeq ?? '' }),
      el('td', { class: v.leakedGenerations ? 'mono bad' : 'mono', text: v.leakedGenerations ?? '',
        title: v.leakedGenerations ? 'generations of the app\'s code the viewer no longer runs but still holds in memory: '
          + 'usually a thread the app started and did not stop in onUnload (the viewer\'s warnings name it)' : null }),
      el('td', { class: connected ? 'ok' : 'bad', text: v.state }), el('td', {}, select)));
  }
  $('#no-viewers').hidden = model.viewers.length > 0;
}

function renderProblems() {
  const box = $('#problems');
  box.replaceChildren();
  $('#problem-count').textContent = model.problems.length;
  if (model.problems.length === 0) {
    box.append(el('p', { class: 'muted', text: 'No errors. Everything builds and runs.' }));
    return;
  }
  for (const p of model.problems) {
    const where = p.file ? `${p.file}:${p.line}:${p.column}` : `viewer ${p.viewer}`;
    const place = p.link ? el('a', { href: p.link, text: where }) : el('span', { text: where });
    const excerpt = (p.excerpt || []).length === 0 ? null : el('pre', {}, ...p.excerpt.map((l) =>
      el('span', { class: l.here ? 'here' : null, text: `${String(l.line).padStart(4)} | ${l.text}\n` })));
    box.append(el('div', { class: 'problem', 'data-kind': p.kind },
      el('div', { class: 'where mono' }, tier(p.kind === 'runtime' ? 'error' : 'error'), ' ', el('b', { text: p.kind }), ' ', place,
        p.viewer && p.file ? el('span', { class: 'muted', text: ` (viewer ${p.viewer})` }) : null),
      el('div', { class: 'mono', text: p.message }), excerpt));
  }
}

function renderTimeline() {
  const body = $('#timeline tbody');
  body.replaceChildren();
  for (const e of model.timeline) {
    if (e.kind === 'undo' || e.kind === 'restart') {
      body.append(el('tr', { 'data-kind': e.kind }, el('td', { text: time(e.atMs) }), el('td'), el('td', {}, tier(e.kind)),
        el('td', { class: 'muted', text: e.from }), el('td', { class: e.ok ? null : 'bad', text: e.reason }), el('td'),
        el('td', { class: 'mono', text: `${e.viewer}: gen ${e.generation}` })));
      continue;
    }
    const viewers = el('td', { class: 'mono small' });
    for (const a of e.viewers) {
      const escalated = a.tier !== e.tier && e.tier !== 'error' ? ` (${a.tier})` : '';
      viewers.append(el('div', { class: a.ok ? 'ok' : 'bad',
        text: `${a.viewer}: ${a.ok ? a.totalMs + ' ms' : 'failed'}${escalated}`, title: a.error || phases(a.phasesMs) }));
    }
    body.append(el('tr', { 'data-seq': e.seq }, el('td', { text: time(e.atMs) }), el('td', { class: 'mono', text: `#${e.seq}` }),
      el('td', {}, tier(e.tier)), el('td', { class: 'mono small', text: e.files.join(', ') }), el('td', { text: e.reason }),
      el('td', { class: 'small muted', text: phases(e.phasesMs) }), viewers));
  }
}

function renderLatency() {
  const box = $('#latency');
  const tiers = Object.entries(model.latency);
  box.replaceChildren();
  if (tiers.length === 0) {
    box.append(el('p', { class: 'muted', text: 'No reload applied yet.' }));
    return;
  }
  const max = Math.max(10, ...tiers.map(([, t]) => t.max));
  const width = 460, left = 78, right = 20, row = 34, top = 8;
  const height = top + tiers.length * row + 26;
  const x = (ms) => left + (ms / max) * (width - left - right);
  const plot = svg('svg', { viewBox: `0 0 ${width} ${height}`, width: '100%', role: 'img', 'aria-label': 'latency per tier' });
  for (let i = 0; i <= 4; i++) {
    const ms = Math.round((max * i) / 4);
    plot.append(svg('line', { x1: x(ms), x2: x(ms), y1: top, y2: height - 20, stroke: '#26313d' }));
    plot.append(svg('text', { x: x(ms), y: height - 6, 'text-anchor': 'middle' }, `${ms} ms`));
  }
  tiers.forEach(([name, t], i) => {
    const y = top + i * row + row / 2;
    const colour = getComputedStyle(document.documentElement).getPropertyValue(`--${name}`).trim() || '#4f8cff';
    plot.append(svg('text', { x: 4, y: y + 4 }, `${name} (${t.count})`));
    for (const s of t.samples) plot.append(svg('circle', { cx: x(s), cy: y, r: 2.5, fill: colour, 'fill-opacity': 0.35 }));
    plot.append(svg('rect', { x: left, y: y - 6, width: Math.max(1, x(t.p50) - left), height: 12, fill: colour, 'fill-opacity': 0.55, rx: 2 }));
    plot.append(svg('line', { x1: x(t.p95), x2: x(t.p95), y1: y - 10, y2: y + 10, stroke: colour, 'stroke-width': 2,
      'data-p95': t.p95 }));
    plot.append(svg('text', { x: width - right, y: y - 9, 'text-anchor': 'end' }, `p50 ${t.p50} · p95 ${t.p95} ms`));
  });
  box.append(plot);
}

async function inspect(id) {
  inspected = id;
  $('#inspected').textContent = id;
  $('#refresh-state').disabled = false;
  $('#refresh-frame').disabled = false;
  renderViewers();
  await loadState();
  loadFrame();
}

async function api(path, options) {
  const response = await fetch(path, Object.assign({ credentials: 'same-origin' }, options));
  const body = await response.json();
  if (!response.ok) throw new Error(body.error || response.statusText);
  return body;
}

async function loadState() {
  try {
    const report = await api(`/api/viewers/${encodeURIComponent(inspected)}/state`);
    showState(report);
  } catch (e) {
    result(false, e.message);
  }
}

function showState(report) {
  const tree = $('#state-tree');
  tree.replaceChildren(el('div', { class: 'muted small', text: `generation ${report.generation}` }), node(report.state, ''));
  if (report.error) result(false, report.error);
}

function node(value, path) {
  if (value !== null && typeof value === 'object') {
    const list = el('ul');
    for (const [k, v] of Object.entries(value)) {
      const child = `${path}/${String(k).replace(/~/g, '~0').replace(/\//g, '~1')}`;
      const leaf = v === null || typeof v !== 'object';
      list.append(el('li', {}, el('span', { class: 'key', text: Array.isArray(value) ? `[${k}]` : k }), ': ',
        leaf ? editor(v, child) : node(v, child)));
    }
    return list;
  }
  return editor(value, path);
}

function editor(value, path) {
  const input = el('input', { 'data-path': path, value: JSON.stringify(value), title: `${path} (JSON; Enter applies)` });
  input.addEventListener('input', () => input.classList.add('changed'));
  input.addEventListener('keydown', (e) => { if (e.key === 'Enter') edit(path, input.value); });
  return input;
}

async function edit(path, text) {
  let value;
  try { value = JSON.parse(text); } catch (e) { value = text; }
  try {
    const report = await api(`/api/viewers/${encodeURIComponent(inspected)}/state`, {
      method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ path, value }) });
    showState(report);
    if (!report.error) result(true, `${path} = ${JSON.stringify(value)} applied`);
    loadFrame();
  } catch (e) {
    result(false, e.message);
  }
}

function result(ok, text) {
  $('#edit-result').replaceChildren(el('span', { class: ok ? 'ok' : 'bad', text }));
}

function loadFrame() {
  if (!inspected) return;
  const img = el('img', { alt: `latest frame of ${inspected}`,
    src: `/api/viewers/${encodeURIComponent(inspected)}/frame.png?t=${Date.now()}` });
  $('#frame').replaceChildren(img);
}

async function undo() {
  try {
    const sent = await api('/api/undo', { method: 'POST' });
    result(true, `undo sent to ${sent.sent} viewer${sent.sent === 1 ? '' : 's'}`);
    if (inspected) setTimeout(loadState, 300);
  } catch (e) {
    result(false, e.message);
  }
}

async function restartApp() {
  try {
    const sent = await api('/api/restart', { method: 'POST' });
    result(true, `restart sent to ${sent.sent} viewer${sent.sent === 1 ? '' : 's'}`);
    if (inspected) setTimeout(loadState, 300);
  } catch (e) {
    result(false, e.message);
  }
}

document.addEventListener('DOMContentLoaded', () => {
  $('#undo').addEventListener('click', undo);
  $('#restart').addEventListener('click', restartApp);
  $('#refresh-state').addEventListener('click', loadState);
  $('#refresh-frame').addEventListener('click', loadFrame);
  connect();
});
