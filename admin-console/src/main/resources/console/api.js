// The console's one way to talk to its API: every request carries the admin token when there is
// one. Reads are open on a plain-HTTP port; over HTTPS they need the token (or the browser's client
// certificate), and actions need it or an admin certificate.
// Every action's answer (or error) lands in #action-result[data-status], so an operator (and a
// test) sees what the server said without a dialog.

const TOKEN_KEY = 'ringstore.adminToken';

export class ApiError extends Error {
  constructor(status, code, message) {
    super(message || code || `HTTP ${status}`);
    this.status = status;
    this.code = code;
  }
}

export function getToken() {
  try {
    return sessionStorage.getItem(TOKEN_KEY) || '';
  } catch (e) {
    return '';
  }
}

export function setToken(token) {
  try {
    if (token) sessionStorage.setItem(TOKEN_KEY, token);
    else sessionStorage.removeItem(TOKEN_KEY);
  } catch (e) {
    // sessionStorage can be off (privacy settings); the token then lives for this call only.
  }
}

async function parse(response) {
  const text = await response.text();
  if (!text) return null;
  try {
    return JSON.parse(text);
  } catch (e) {
    return { message: text };
  }
}

function errorOf(status, body) {
  if (body && typeof body === 'object') return new ApiError(status, body.error, body.message || body.error);
  return new ApiError(status, null, `HTTP ${status}`);
}

/** GET an API path (absolute, e.g. /api/v1/ring); resolves to the parsed JSON or throws ApiError. */
export async function get(path, { signal } = {}) {
  const headers = { Accept: 'application/json' };
  const token = getToken();
  if (token) headers.Authorization = `Bearer ${token}`;
  let response;
  try {
    response = await fetch(path, { headers, cache: 'no-store', signal });
  } catch (e) {
    if (e.name === 'AbortError') throw e;
    throw new ApiError(0, 'UNREACHABLE', `cannot reach the console: ${e.message}`);
  }
  const body = await parse(response);
  if (!response.ok) {
    const err = errorOf(response.status, body);
    if (response.status === 401 && !token) err.message += ' — paste the admin token in the header';
    throw err;
  }
  return body;
}

/**
 * POST an action with the admin token. Always resolves: {ok, status, data, error}; the outcome is
 * also written to #action-result so it stays visible until the next action.
 */
export async function action(path, body, { label, describe } = {}) {
  const headers = { 'Content-Type': 'application/json', Accept: 'application/json' };
  const token = getToken();
  if (token) headers.Authorization = `Bearer ${token}`;
  const name = label || path.replace('/api/v1/', '');
  showResult('pending', `${name}…`);
  let response;
  try {
    response = await fetch(path, { method: 'POST', headers, body: JSON.stringify(body ?? {}), cache: 'no-store' });
  } catch (e) {
    const message = `${name}: cannot reach the console (${e.message})`;
    showResult(0, message);
    return { ok: false, status: 0, data: null, error: message };
  }
  const data = await parse(response);
  if (!response.ok) {
    const err = errorOf(response.status, data);
    let message = `${name} failed (${response.status}${err.code ? ' ' + err.code : ''}): ${err.message}`;
    if (response.status === 401 && !token) message += ' — paste the admin token in the header first';
    showResult(response.status, message);
    return { ok: false, status: response.status, data, error: message };
  }
  let text;
  try {
    text = describe ? describe(data) : summarize(data);
  } catch (e) {
    text = summarize(data);
  }
  showResult(response.status, `${name}: ${text}`);
  return { ok: true, status: response.status, data, error: null };
}

function summarize(data) {
  if (data == null) return 'done';
  const text = JSON.stringify(data);
  return text.length > 300 ? text.slice(0, 300) + '…' : text;
}

export function showResult(status, message) {
  const box = document.getElementById('action-result');
  if (!box) return;
  box.hidden = false;
  box.dataset.status = String(status);
  box.className = status === 'pending' ? 'pending' : status >= 200 && status < 300 ? 'ok' : 'failed';
  box.textContent = message;
  box.title = new Date().toLocaleTimeString();
}
