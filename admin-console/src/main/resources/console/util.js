// Small DOM and formatting helpers shared by the views. Text is always set with textContent:
// keys and values come from users and are never parsed as HTML.

const SVG_NS = 'http://www.w3.org/2000/svg';

/** el('td', {class: 'x', dataset: {node: 'n1'}}, 'text', child) */
export function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  applyAttrs(node, attrs);
  append(node, children);
  return node;
}

export function svg(tag, attrs, ...children) {
  const node = document.createElementNS(SVG_NS, tag);
  applyAttrs(node, attrs);
  append(node, children);
  return node;
}

function applyAttrs(node, attrs) {
  if (!attrs) return;
  for (const [k, v] of Object.entries(attrs)) {
    if (v == null || v === false) continue;
    if (k === 'dataset') {
      for (const [dk, dv] of Object.entries(v)) if (dv != null) node.dataset[dk] = String(dv);
    } else if (k === 'style' && typeof v === 'object') {
      Object.assign(node.style, v);
    } else if (k.startsWith('on') && typeof v === 'function') {
      node.addEventListener(k.slice(2), v);
    } else if (k === 'text') {
      node.textContent = v;
    } else {
      node.setAttribute(k, v === true ? '' : String(v));
    }
  }
}

function append(node, children) {
  for (const c of children.flat(Infinity)) {
    if (c == null || c === false) continue;
    node.append(c instanceof Node ? c : String(c));
  }
}

/** Replace a node's children (nulls and falses skipped, unlike Element.append). */
export function fill(node, ...children) {
  clear(node);
  append(node, children);
  return node;
}

export function clear(node) {
  while (node.firstChild) node.removeChild(node.firstChild);
  return node;
}

// ---- formatting ----

export function fmtInt(n) {
  if (n == null || Number.isNaN(n)) return '–';
  return Math.round(n).toLocaleString('en-US');
}

export function fmtNum(n, digits = 1) {
  if (n == null || Number.isNaN(n)) return '–';
  return Number(n).toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: 0 });
}

export function fmtBytes(n) {
  if (n == null || Number.isNaN(n)) return '–';
  const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB'];
  let v = Math.abs(n);
  let i = 0;
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024;
    i++;
  }
  const sign = n < 0 ? '-' : '';
  return `${sign}${i === 0 ? v : v < 10 ? v.toFixed(1) : Math.round(v)} ${units[i]}`;
}

export function fmtRate(bytesPerSecond) {
  if (bytesPerSecond == null) return '–';
  return `${fmtBytes(bytesPerSecond)}/s`;
}

/** 75 -> "1 min 15 s"; 0 -> "0 s". */
export function fmtDuration(seconds) {
  if (seconds == null || !Number.isFinite(seconds)) return '–';
  let s = Math.max(0, Math.round(seconds));
  if (s < 60) return `${s} s`;
  const d = Math.floor(s / 86400);
  s -= d * 86400;
  const h = Math.floor(s / 3600);
  s -= h * 3600;
  const m = Math.floor(s / 60);
  s -= m * 60;
  if (d) return `${d} d ${h} h`;
  if (h) return `${h} h ${m} min`;
  return s ? `${m} min ${s} s` : `${m} min`;
}

/** An epoch-millis instant as "12 s ago"; null as "never". */
export function fmtAgo(millis, now = Date.now()) {
  if (millis == null) return 'never';
  const s = (now - millis) / 1000;
  if (s < 0) return 'just now';
  return `${fmtDuration(s)} ago`;
}

export function fmtTime(millis) {
  if (millis == null) return '–';
  const d = new Date(millis);
  const today = new Date();
  const sameDay = d.toDateString() === today.toDateString();
  const time = d.toLocaleTimeString('en-GB', { hour12: false });
  return sameDay ? time : `${d.toISOString().slice(0, 10)} ${time}`;
}

// ---- node colours: stable for the page's life, assigned in id order on first sight ----

const PALETTE = [
  '#4e79a7', '#f28e2b', '#59a14f', '#b07aa1', '#76b7b2', '#edc948',
  '#9c755f', '#e15759', '#86bcb6', '#8cd17d', '#a0cbe8', '#ffbe7d',
  '#d4a6c8', '#79706e', '#499894', '#b6992d',
];
const colours = new Map();

export function registerNodes(ids) {
  const fresh = [...new Set(ids)].filter((id) => id != null && !colours.has(id)).sort(compareIds);
  for (const id of fresh) {
    const i = colours.size;
    const base = PALETTE[i % PALETTE.length];
    // Past the palette, rotate the hue so colours stay distinct-ish.
    colours.set(id, i < PALETTE.length ? base : `hsl(${(i * 137.5) % 360} 55% 55%)`);
  }
}

export function nodeColour(id) {
  if (id == null) return '#c8ccd4';
  if (!colours.has(id)) registerNodes([id]);
  return colours.get(id);
}

/** n2 < n10: compare ids by their text with the digits as numbers. */
export function compareIds(a, b) {
  return String(a).localeCompare(String(b), 'en', { numeric: true });
}

export function nodeChip(id) {
  return el('span', { class: 'chip', title: id }, el('i', { style: { background: nodeColour(id) } }), id ?? '–');
}

// ---- sparkline ----

/** A small inline svg of a series (phi), with the threshold line drawn when it is in range. */
export function sparkline(values, { width = 120, height = 22, threshold = 8, max } = {}) {
  const pts = (values || []).filter((v) => v != null && Number.isFinite(v));
  const top = Math.max(max ?? 0, threshold * 1.25, ...pts, 1);
  const s = svg('svg', {
    class: 'spark', width, height, viewBox: `0 0 ${width} ${height}`, role: 'img',
    'aria-label': pts.length ? `phi ${pts.map((v) => v.toFixed(1)).join(', ')}` : 'no phi history',
  });
  const y = (v) => height - 1 - (Math.min(v, top) / top) * (height - 2);
  s.append(svg('line', { class: 'threshold', x1: 0, x2: width, y1: y(threshold), y2: y(threshold) }));
  if (pts.length === 0) return s;
  const step = pts.length > 1 ? width / (pts.length - 1) : 0;
  const d = pts.map((v, i) => `${i ? 'L' : 'M'}${(i * step).toFixed(1)},${y(v).toFixed(1)}`).join('');
  const last = pts[pts.length - 1];
  s.append(svg('path', { class: last >= threshold ? 'line high' : 'line', d }));
  s.append(svg('circle', { class: last >= threshold ? 'dot high' : 'dot', cx: ((pts.length - 1) * step).toFixed(1), cy: y(last).toFixed(1), r: 2 }));
  return s;
}

/** A horizontal progress bar (0..1). */
export function progressBar(fraction, label) {
  const f = Math.max(0, Math.min(1, fraction || 0));
  return el('div', { class: 'progress', role: 'progressbar', 'aria-valuemin': 0, 'aria-valuemax': 100, 'aria-valuenow': Math.round(f * 100), title: label || `${Math.round(f * 100)} %` },
    el('div', { class: 'fill', style: { width: `${(f * 100).toFixed(1)}%` } }));
}

/** Render an error state inside a view section. */
export function errorBox(err) {
  return el('div', { class: 'error-box' }, err && err.message ? err.message : String(err));
}

// ---- bytes ----

export function base64ToBytes(b64) {
  const bin = atob(b64 || '');
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

export function bytesToBase64(bytes) {
  let bin = '';
  for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(bin);
}

export function textToBase64(text) {
  return bytesToBase64(new TextEncoder().encode(text));
}

export function hexDump(bytes) {
  const lines = [];
  for (let off = 0; off < bytes.length; off += 16) {
    const row = bytes.subarray(off, off + 16);
    const hex = [...row].map((b) => b.toString(16).padStart(2, '0')).join(' ');
    const ascii = [...row].map((b) => (b >= 0x20 && b < 0x7f ? String.fromCharCode(b) : '.')).join('');
    lines.push(`${off.toString(16).padStart(6, '0')}  ${hex.padEnd(47)}  ${ascii}`);
  }
  return lines.join('\n') || '(empty)';
}

// ---- keyed rows, updated in place ----

function syncAttrs(target, source) {
  for (const { name } of [...target.attributes]) if (!source.hasAttribute(name)) target.removeAttribute(name);
  for (const { name, value } of [...source.attributes]) if (target.getAttribute(name) !== value) target.setAttribute(name, value);
}

function sameChildren(a, b) {
  if (a.childNodes.length !== b.childNodes.length) return false;
  for (let i = 0; i < a.childNodes.length; i++) if (!a.childNodes[i].isEqualNode(b.childNodes[i])) return false;
  return true;
}

/**
 * Make `parent`'s keyed children match `items`: a row whose key stays keeps its element and its
 * cells (only their attributes and contents change), so a script holding a row or a cell between
 * two refreshes still holds a live element. `render(item)` builds a fresh row whose
 * `data-${keyAttr}` is the key; rows without that attribute (an "empty" row) are replaced.
 */
export function syncRows(parent, items, keyAttr, render = (row) => row) {
  const attr = `data-${keyAttr}`;
  const existing = new Map();
  for (const child of [...parent.children]) {
    if (child.hasAttribute(attr)) existing.set(child.getAttribute(attr), child);
    else child.remove();
  }
  const keep = new Set();
  let cursor = null;
  for (const item of items) {
    const fresh = render(item);
    const key = fresh.getAttribute(attr);
    let row = existing.get(key);
    if (row && row.children.length === fresh.children.length && row.tagName === fresh.tagName) {
      syncAttrs(row, fresh);
      for (let i = 0; i < fresh.children.length; i++) {
        const cell = row.children[i];
        const next = fresh.children[i];
        syncAttrs(cell, next);
        if (!sameChildren(cell, next)) cell.replaceChildren(...next.childNodes);
      }
    } else {
      if (row) row.remove();
      row = fresh;
    }
    keep.add(key);
    const want = cursor ? cursor.nextSibling : parent.firstChild;
    if (want !== row) parent.insertBefore(row, want);
    cursor = row;
  }
  for (const [key, row] of existing) if (!keep.has(key)) row.remove();
}
