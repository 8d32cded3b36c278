// The console shell: the admin token, the hash router, the health line, and one 2 s refresh loop
// that reads the visible view's API and the overview (nothing else is polled).

import { get, getToken, setToken } from './api.js';
import { clear, fmtTime } from './util.js';
import overview from './views/overview.js';
import ring from './views/ring.js';
import members from './views/members.js';
import config from './views/config.js';
import changes from './views/changes.js';
import keys from './views/keys.js';
import metrics from './views/metrics.js';

const VIEWS = { overview, ring, members, config, changes, keys, metrics };
const DEFAULT_VIEW = 'overview';
const REFRESH_MS = 2000;

const RED_KINDS = new Set(['nodes-down', 'below-w', 'fallback-buckets', 'config-leader']);

let current = null; // {name, view}
let timer = null;
let running = false;
let generation = 0; // bumps on every route change; a refresh of an old view is ignored

// ---- token: taken from the fragment (ringstore local prints #token=...), kept in sessionStorage ----

function takeTokenFromHash() {
  const hash = location.hash || '';
  const m = hash.match(/[#&?]token=([^&?]*)/);
  if (!m) return;
  let token = m[1];
  try {
    token = decodeURIComponent(token);
  } catch (e) {
    // leave it as it came
  }
  if (token) setToken(token);
  let rest = hash.replace(/([#&?])token=[^&?]*/, '$1').replace(/[&?]+$/, '').replace(/^#[&?]+/, '#').replace(/([&?])[&?]+/g, '$1');
  if (rest === '#' || rest === '') rest = '';
  history.replaceState(history.state, '', location.pathname + location.search + rest);
}

function showTokenState() {
  const set = getToken() !== '';
  const state = document.getElementById('token-state');
  state.dataset.set = String(set);
  state.textContent = set ? 'token set' : 'no token';
  state.className = set ? 'set' : 'unset';
  const input = document.getElementById('token-input');
  input.placeholder = set ? 'token set — paste to replace' : 'paste the admin token';
}

function wireToken() {
  const form = document.getElementById('token-form');
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const input = document.getElementById('token-input');
    setToken(input.value.trim());
    input.value = '';
    showTokenState();
  });
  showTokenState();
}

// ---- router ----

function routeName() {
  const hash = (location.hash || '').replace(/^#\/?/, '');
  const name = hash.split(/[?&/]/)[0];
  return VIEWS[name] ? name : DEFAULT_VIEW;
}

function route() {
  takeTokenFromHash();
  showTokenState();
  const name = routeName();
  if (current && current.name === name) return;
  if (current) {
    try {
      current.view.destroy?.();
    } catch (e) {
      console.error(e);
    }
  }
  generation++;
  const root = clear(document.getElementById('view'));
  root.dataset.view = name;
  for (const a of document.querySelectorAll('nav a[data-view]')) {
    const on = a.dataset.view === name;
    a.classList.toggle('active', on);
    if (on) a.setAttribute('aria-current', 'page');
    else a.removeAttribute('aria-current');
  }
  const view = VIEWS[name].create(root);
  current = { name, view };
  document.title = `${VIEWS[name].title} · Ringstore`;
  tick();
}

// ---- health line ----

async function refreshHealth() {
  const health = document.getElementById('health');
  try {
    const o = await get('/api/v1/overview');
    health.dataset.healthy = String(!!o.healthy);
    const kinds = (o.reasons || []).map((r) => r.kind);
    const level = o.healthy ? 'healthy' : kinds.some((k) => RED_KINDS.has(k)) ? 'bad' : 'warn';
    health.className = `health ${level}`;
    health.textContent = o.summary || (o.healthy ? 'healthy' : 'unhealthy');
    health.title = o.atMillis ? `as of ${fmtTime(o.atMillis)}` : '';
    return o;
  } catch (e) {
    health.dataset.healthy = 'false';
    health.className = 'health bad';
    health.textContent = `console API unreachable: ${e.message}`;
    return null;
  }
}

// ---- the loop ----

async function tick() {
  clearTimeout(timer);
  timer = null;
  const mine = generation;
  const view = current && current.view;
  const started = Date.now();
  running = true;
  let results;
  try {
    // The overview feeds the health line and is handed to the view, so it is read once per tick.
    const overviewRead = refreshHealth();
    results = await Promise.allSettled([overviewRead, view ? overviewRead.then((o) => view.refresh(o)) : null]);
  } finally {
    running = false;
  }
  if (mine !== generation) return; // a route change started its own loop
  const failed = results.find((r) => r.status === 'rejected');
  const viewResult = results[1];
  const viewError = document.getElementById('view-error');
  viewError.hidden = !(viewResult && viewResult.status === 'rejected');
  viewError.textContent = viewError.hidden ? '' : `This view could not refresh: ${viewResult.reason && viewResult.reason.message}. Showing the last answer; retrying every ${REFRESH_MS / 1000} s.`;
  const updated = document.getElementById('updated');
  if (failed) console.error(failed.reason);
  updated.textContent = failed
    ? `refresh failed at ${fmtTime(Date.now())}: ${failed.reason && failed.reason.message}`
    : `updated ${fmtTime(Date.now())} · every ${REFRESH_MS / 1000} s`;
  updated.className = failed ? 'failed' : '';
  schedule(Math.max(200, REFRESH_MS - (Date.now() - started)));
}

function schedule(ms) {
  clearTimeout(timer);
  // A hidden tab does not poll: the console gathers the cluster only while someone looks.
  if (document.hidden) return;
  timer = setTimeout(tick, ms);
}

document.addEventListener('visibilitychange', () => {
  if (!document.hidden && timer == null && !running) tick();
});

takeTokenFromHash();
wireToken();
window.addEventListener('hashchange', route);
route();

// for scripts and tests poking at the page
window.ringstoreConsole = { refresh: () => tick() };
