// Metrics: the last ten minutes for the cluster or one node, as uPlot charts that are built once
// and fed new data with setData every refresh.

import uPlot from '../vendor/uplot/uPlot.esm.js';
import { get } from '../api.js';
import { el, clear, fill, fmtNum, compareIds } from '../util.js';

const OP_ORDER = ['get', 'put', 'delete'];
const COLOURS = ['#4e79a7', '#f28e2b', '#e15759', '#59a14f', '#b07aa1', '#76b7b2', '#edc948', '#9c755f', '#ff9da7', '#bab0ac'];
const OP_COLOURS = { get: '#4e79a7', put: '#f28e2b', delete: '#e15759' };

/** Keys of a map-valued sample field across all samples, the operations in their usual order. */
function keysOf(samples, field) {
  const set = new Set();
  for (const s of samples) for (const k of Object.keys(s[field] || {})) set.add(k);
  return [...set].sort((a, b) => {
    const ia = OP_ORDER.indexOf(a);
    const ib = OP_ORDER.indexOf(b);
    if (ia >= 0 || ib >= 0) return (ia < 0 ? 99 : ia) - (ib < 0 ? 99 : ib);
    return compareIds(a, b);
  });
}

const num = (v) => (v == null || !Number.isFinite(v) ? null : v);

// Each chart: which series it draws from the samples, and how its values read.
const CHARTS = [
  {
    metric: 'ops', title: 'Operations per second', unit: '/s',
    series: (samples) => keysOf(samples, 'opsPerSecond').map((k) => ({ label: k, colour: OP_COLOURS[k], value: (s) => num(s.opsPerSecond?.[k]) })),
  },
  {
    metric: 'p50', title: 'Latency p50 (coordinator)', unit: ' ms',
    series: (samples) => keysOf(samples, 'p50Millis').map((k) => ({ label: k, colour: OP_COLOURS[k], value: (s) => num(s.p50Millis?.[k]) })),
  },
  {
    metric: 'p99', title: 'Latency p99 (coordinator)', unit: ' ms',
    series: (samples) => keysOf(samples, 'p99Millis').map((k) => ({ label: k, colour: OP_COLOURS[k], value: (s) => num(s.p99Millis?.[k]) })),
  },
  {
    metric: 'errors', title: 'Errors per second, by code', unit: '/s',
    series: (samples) => keysOf(samples, 'errorsPerSecond').map((k) => ({ label: k, value: (s) => num(s.errorsPerSecond?.[k] ?? 0) })),
  },
  {
    metric: 'hints', title: 'Hints per second', unit: '/s',
    series: () => [
      { label: 'stored', colour: '#b7791f', value: (s) => num(s.hintsStoredPerSecond) },
      { label: 'replayed', colour: '#2f8f4e', value: (s) => num(s.hintsReplayedPerSecond) },
    ],
  },
  {
    metric: 'repairs', title: 'Repairs per second', unit: '/s',
    series: () => [{ label: 'repairs', colour: '#b07aa1', value: (s) => num(s.repairsPerSecond) }],
  },
];

/** A line only joins neighbours: a value with gaps on both sides (one busy 2 s) gets a dot. */
function isolated(u, seriesIdx) {
  const ys = u.data[seriesIdx] || [];
  const out = [];
  for (let i = 0; i < ys.length; i++) {
    if (ys[i] != null && (i === 0 || ys[i - 1] == null) && (i === ys.length - 1 || ys[i + 1] == null)) out.push(i);
  }
  return out;
}

/** x-axis labels on a 24 h clock, with seconds when the ticks are less than a minute apart. */
function clockLabels(u, splits) {
  const step = splits.length > 1 ? splits[1] - splits[0] : 60;
  const opts = step < 60
    ? { hour: '2-digit', minute: '2-digit', second: '2-digit', hour12: false }
    : { hour: '2-digit', minute: '2-digit', hour12: false };
  return splits.map((v) => new Date(v * 1000).toLocaleTimeString('en-GB', opts));
}

function fmtValue(v, unit) {
  if (v == null) return '–';
  const digits = Math.abs(v) >= 100 ? 0 : Math.abs(v) >= 10 ? 1 : 2;
  return `${fmtNum(v, digits)}${unit}`;
}

export default {
  title: 'Metrics',
  create(root) {
    const scope = el('select', { id: 'metrics-scope' }, el('option', { value: 'cluster' }, 'cluster'));
    const summary = el('div', { class: 'cards' });
    const charts = el('div', { id: 'charts' });
    root.append(
      el('section', { class: 'panel' },
        el('div', { class: 'form-row', style: { alignItems: 'center' } },
          el('div', { class: 'field' }, el('label', { for: 'metrics-scope' }, 'scope'), scope),
          el('p', { class: 'hint', style: { margin: 0 } }, 'The last 10 minutes, one sample every 2 s. The cluster sums the rates and takes the worst latency of any node at each step.'))),
      summary, charts);

    const slots = CHARTS.map((def) => {
      const plot = el('div', { class: 'plot' });
      const note = el('div', { class: 'nodata' });
      const box = el('div', { class: 'chart', dataset: { metric: def.metric, points: 0 } }, el('h3', {}, def.title), plot, note);
      charts.append(box);
      return { def, box, plot, note, u: null, labels: '' };
    });

    let last = null;
    let destroyed = false;

    function width(slot) {
      return Math.max(300, Math.floor(slot.plot.clientWidth || slot.box.clientWidth - 24 || 500));
    }

    function draw(slot, samples) {
      const series = slot.def.series(samples);
      const xs = samples.map((s) => s.atMillis / 1000);
      const data = [xs, ...series.map((sr) => samples.map(sr.value))];
      const labels = series.map((s) => s.label).join('|');
      if (!slot.u || labels !== slot.labels) {
        if (slot.u) slot.u.destroy();
        clear(slot.plot);
        slot.labels = labels;
        const unit = slot.def.unit;
        slot.u = new uPlot({
          width: width(slot),
          height: 200,
          scales: { x: { time: true }, y: { range: (u, min, max) => [0, Math.max(max ?? 0, unit === ' ms' ? 1 : 1) * 1.1] } },
          series: [
            { value: (u, v) => (v == null ? '–' : new Date(v * 1000).toLocaleTimeString('en-GB', { hour12: false })) },
            ...series.map((s, i) => ({
              label: s.label,
              stroke: s.colour || COLOURS[i % COLOURS.length],
              width: 1.5,
              points: { show: true, size: 5, fill: s.colour || COLOURS[i % COLOURS.length], filter: isolated },
              value: (u, v) => fmtValue(v, unit),
            })),
          ],
          axes: [
            { stroke: '#8a93a2', grid: { stroke: '#eef0f4' }, ticks: { stroke: '#e1e4ea' }, space: 90, values: clockLabels },
            { stroke: '#8a93a2', grid: { stroke: '#eef0f4' }, ticks: { stroke: '#e1e4ea' }, size: 64, values: (u, splits) => splits.map((v) => fmtValue(v, unit)) },
          ],
          legend: { live: true },
          cursor: { drag: { x: false, y: false } },
        }, data, slot.plot);
      } else {
        slot.u.setData(data);
      }
      slot.box.dataset.points = String(xs.length);
      showLatest(slot, xs.length);
      slot.note.textContent = xs.length === 0 ? 'no samples yet' : series.length === 0 ? (slot.def.metric === 'errors' ? 'no errors in the last 10 minutes' : 'nothing to draw yet') : '';
    }

    function showLatest(slot, n) {
      const u = slot.u;
      if (!u || n === 0 || typeof u.setLegend !== 'function') return;
      if (u.cursor && u.cursor.left != null && u.cursor.left >= 0) return; // the operator is reading a point
      u.setLegend({ idx: n - 1 });
    }

    function syncScope(nodeIds) {
      const want = ['cluster', ...nodeIds.sort(compareIds)];
      const have = [...scope.options].map((o) => o.value);
      if (want.join('|') === have.join('|')) return;
      const selected = scope.value;
      fill(scope, ...want.map((id) => el('option', { value: id }, id)));
      scope.value = want.includes(selected) ? selected : 'cluster';
    }

    function showSummary(samples) {
      const s = samples[samples.length - 1];
      const card = (label, value) => el('div', { class: 'card' }, el('div', { class: 'label' }, label), el('div', { class: 'value' }, value));
      if (!s) {
        clear(summary);
        return;
      }
      const sum = (o) => Object.values(o || {}).reduce((a, v) => a + (v || 0), 0);
      const worst = (o) => Math.max(...Object.values(o || {}).filter((v) => v != null), -Infinity);
      const p99 = worst(s.p99Millis);
      fill(summary, 
        card('ops/s now', fmtValue(sum(s.opsPerSecond), '')),
        card('worst p99 now', p99 === -Infinity ? '–' : fmtValue(p99, ' ms')),
        card('errors/s now', fmtValue(sum(s.errorsPerSecond), '')),
        card('hints stored/s', fmtValue(s.hintsStoredPerSecond, '')),
        card('repairs/s', fmtValue(s.repairsPerSecond, '')));
    }

    function drawAll() {
      if (!last) return;
      const samples = scope.value === 'cluster' ? last.cluster || [] : (last.nodes || {})[scope.value] || [];
      showSummary(samples);
      for (const slot of slots) draw(slot, samples);
    }

    scope.addEventListener('change', drawAll);
    const ro = new ResizeObserver(() => {
      for (const slot of slots) if (slot.u) {
        const w = width(slot);
        if (Math.abs(w - slot.u.width) > 4) slot.u.setSize({ width: w, height: 200 });
      }
    });
    ro.observe(charts);

    return {
      async refresh() {
        const m = await get('/api/v1/metrics');
        if (destroyed) return;
        last = m;
        syncScope(Object.keys(m.nodes || {}));
        drawAll();
      },
      destroy() {
        destroyed = true;
        ro.disconnect();
        for (const slot of slots) if (slot.u) slot.u.destroy();
      },
    };
  },
};
