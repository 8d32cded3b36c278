// Ring: the Q buckets as arcs coloured by their primary, the other replicas as inner bands, and an
// outer mark ring for buckets in fallback, below W, or moving. Hovering shows the bucket's
// preference list; the shares table says how far each node is from its ideal.

import { get } from '../api.js';
import { el, svg, clear, fill, syncRows, fmtInt, fmtNum, nodeColour, nodeChip, registerNodes, compareIds } from '../util.js';

const SIZE = 660;
const C = SIZE / 2;
const R_MARK_OUT = 292;
const R_MARK_IN = 280;
const R_PRIMARY_OUT = 274;
const R_PRIMARY_IN = 222;
const R_REPLICAS_OUT = 218;
const R_REPLICAS_IN = 160;
const STATES = ['ok', 'fallback', 'below-w', 'transfer'];

function polar(r, a) {
  return [C + r * Math.cos(a), C + r * Math.sin(a)];
}

function angle(b, q) {
  return (b / q) * 2 * Math.PI - Math.PI / 2;
}

/** An annular sector from bucket b0 to b1 (exclusive) between radii ri and ro. */
function sector(b0, b1, q, ri, ro, overlap = 0) {
  const a0 = angle(b0, q);
  const a1 = angle(b1, q) + overlap;
  const large = a1 - a0 > Math.PI ? 1 : 0;
  const [x0, y0] = polar(ro, a0);
  const [x1, y1] = polar(ro, a1);
  const [x2, y2] = polar(ri, a1);
  const [x3, y3] = polar(ri, a0);
  const f = (n) => n.toFixed(2);
  return `M${f(x0)},${f(y0)}A${ro},${ro} 0 ${large} 1 ${f(x1)},${f(y1)}L${f(x2)},${f(y2)}A${ri},${ri} 0 ${large} 0 ${f(x3)},${f(y3)}Z`;
}

/**
 * Runs of consecutive buckets, so the mark ring is a few paths, not a thousand. A run is at most a
 * quarter of the ring: an arc whose ends meet (every bucket marked) would draw nothing.
 */
function runs(buckets, q) {
  const sorted = [...buckets].sort((a, b) => a - b);
  const most = Math.max(1, Math.floor(q / 4));
  const out = [];
  for (const b of sorted) {
    const last = out[out.length - 1];
    if (last && last[1] === b && last[1] - last[0] < most) last[1] = b + 1;
    else out.push([b, b + 1]);
  }
  return out;
}

function setAttr(node, name, value) {
  const v = String(value);
  if (node.getAttribute(name) !== v) node.setAttribute(name, v);
}

export default {
  title: 'Ring',
  create(root) {
    const svgEl = svg('svg', { id: 'ring-svg', viewBox: `0 0 ${SIZE} ${SIZE}`, role: 'img', 'aria-label': 'the ring of buckets' });
    const tip = el('div', { id: 'ring-tip', hidden: true });
    const box = el('div', { class: 'ring-box' }, svgEl, tip);
    const legend = el('div', { class: 'legend' });
    const counts = el('div', { class: 'state-counts' });
    const sharesBody = el('tbody');
    const shares = el('table', { id: 'shares' },
      el('thead', {}, el('tr', {}, el('th', {}, 'node'), el('th', { class: 'num' }, 'primaries'), el('th', { class: 'num' }, 'ideal'),
        el('th', { class: 'num' }, 'off ideal'), el('th', { class: 'num' }, 'replicas'), el('th', { class: 'num' }, 'ideal'), el('th', {}, 'primaries vs ideal'))),
      sharesBody);
    const head = el('div', { class: 'muted small' });
    root.append(el('div', { class: 'grid ring-layout' },
      el('section', { class: 'panel' }, el('h2', {}, 'Ring'), head, box, legend),
      el('div', {},
        el('section', { class: 'panel' }, el('h2', {}, 'Bucket states'), counts,
          el('p', { class: 'hint' }, 'Outer band: primary of each bucket (faded when that node is down). Inner bands: the other replicas, in preference order. Outermost marks: buckets in fallback (amber), below W (red), moving (blue). Hover for a bucket\'s preference list.')),
        el('section', { class: 'panel' }, el('h2', {}, 'Shares'), el('div', { class: 'table-wrap' }, shares)))));

    let ring = null;
    let shape = '';
    let bucketPaths = [];
    let replicaPaths = []; // [replicaIndex][bucket]
    const markPaths = {};
    let hovered = null;
    let lastShares = '';

    function build(r) {
      clear(svgEl);
      const q = r.buckets;
      const n = Math.max(1, r.replicas || 1);
      // the background tracks
      svgEl.append(svg('circle', { class: 'track', cx: C, cy: C, r: (R_MARK_IN + R_MARK_OUT) / 2, 'stroke-width': R_MARK_OUT - R_MARK_IN }));
      const overlap = (2 * Math.PI) / q / 4; // hides the anti-aliasing seams between neighbours
      const gPrimary = svg('g', { class: 'primaries' });
      bucketPaths = [];
      for (let b = 0; b < q; b++) {
        const p = svg('path', { class: 'bucket', d: sector(b, b + 1, q, R_PRIMARY_IN, R_PRIMARY_OUT, b === q - 1 ? 0 : overlap), dataset: { bucket: b } });
        bucketPaths.push(p);
        gPrimary.append(p);
      }
      const gReplicas = svg('g', { class: 'replicas' });
      replicaPaths = [];
      const bands = n - 1;
      const gap = 3;
      const thick = bands > 0 ? (R_REPLICAS_OUT - R_REPLICAS_IN - gap * (bands - 1)) / bands : 0;
      for (let i = 1; i < n; i++) {
        const ro = R_REPLICAS_OUT - (i - 1) * (thick + gap);
        const ri = ro - thick;
        const row = [];
        for (let b = 0; b < q; b++) {
          const p = svg('path', { class: 'replica', d: sector(b, b + 1, q, ri, ro, b === q - 1 ? 0 : overlap), dataset: { b, replica: i } });
          row.push(p);
          gReplicas.append(p);
        }
        replicaPaths.push(row);
      }
      const gMarks = svg('g', { class: 'marks' });
      for (const s of ['fallback', 'below-w', 'transfer']) {
        markPaths[s] = svg('path', { class: `mark ${s}`, d: '' });
        gMarks.append(markPaths[s]);
      }
      const gTicks = svg('g', { class: 'ticks' });
      const step = q >= 8 ? q / 8 : 1;
      for (let b = 0; b < q; b += step) {
        const a = angle(b, q);
        const [x0, y0] = polar(R_MARK_OUT + 2, a);
        const [x1, y1] = polar(R_MARK_OUT + 8, a);
        const [tx, ty] = polar(R_MARK_OUT + 20, a);
        gTicks.append(svg('line', { class: 'tick', x1: x0, y1: y0, x2: x1, y2: y1 }),
          svg('text', { class: 'tick-label', x: tx, y: ty, 'text-anchor': 'middle', 'dominant-baseline': 'middle' }, String(Math.round(b))));
      }
      const centre = svg('g', { class: 'centre' },
        svg('text', { class: 'big', x: C, y: C - 14, 'text-anchor': 'middle' }, `v${r.version}`),
        svg('text', { x: C, y: C + 10, 'text-anchor': 'middle', 'font-size': 13 }, `${fmtInt(q)} buckets · N=${n}`),
        svg('text', { class: 'centre-state', x: C, y: C + 30, 'text-anchor': 'middle', 'font-size': 12 }, ''));
      svgEl.append(gReplicas, gPrimary, gMarks, gTicks, centre);
    }

    function update(r) {
      const q = r.buckets;
      const down = new Set(r.down || []);
      const moving = new Set(r.transferring || []);
      const byState = { fallback: [], 'below-w': [], transfer: [] };
      const stateCount = { ok: 0, fallback: 0, 'below-w': 0, transfer: 0 };
      for (let b = 0; b < q; b++) {
        const pref = (r.table && r.table[b]) || [];
        const state = (r.states && r.states[b]) || (moving.has(b) ? 'transfer' : 'ok');
        stateCount[state] = (stateCount[state] || 0) + 1;
        if (byState[state]) byState[state].push(b);
        else if (moving.has(b)) byState.transfer.push(b);
        const p = bucketPaths[b];
        const primary = pref[0];
        setAttr(p, 'data-primary', primary ?? '');
        setAttr(p, 'data-state', state);
        setAttr(p, 'fill', nodeColour(primary));
        p.classList.toggle('primary-down', down.has(primary));
        for (let i = 0; i < replicaPaths.length; i++) {
          const rp = replicaPaths[i][b];
          const id = pref[i + 1];
          setAttr(rp, 'fill', nodeColour(id));
          rp.classList.toggle('primary-down', down.has(id));
        }
      }
      for (const s of Object.keys(byState)) {
        markPaths[s].setAttribute('d', runs(byState[s], q).map(([a, b]) => sector(a, b, q, R_MARK_IN, R_MARK_OUT)).join(''));
      }
      const centreState = svgEl.querySelector('.centre-state');
      const notOk = q - stateCount.ok;
      if (centreState) {
        centreState.textContent = notOk ? `${fmtInt(notOk)} not ok` : 'all buckets ok';
        centreState.setAttribute('fill', notOk ? '#b7791f' : '#2f8f4e');
      }
      fill(counts, ...STATES.map((s) => el('span', { class: `badge ${s}`, dataset: { state: s } }, `${s} ${fmtInt(stateCount[s] || 0)}`)));
      head.textContent = `table v${r.version} · ${fmtInt(q)} buckets · ${r.replicas} replicas · ${(r.nodes || []).length} nodes${down.size ? ` · down: ${[...down].join(', ')}` : ''}`;
      fill(legend, 
        ...[...(r.nodes || [])].sort(compareIds).map((id) => el('span', {}, el('span', { class: 'sw', style: { background: nodeColour(id), opacity: down.has(id) ? 0.35 : 1 } }), id, down.has(id) ? ' (down)' : '')),
        el('span', {}, el('span', { class: 'sw fallback' }), 'fallback'),
        el('span', {}, el('span', { class: 'sw below-w' }), 'below W'),
        el('span', {}, el('span', { class: 'sw transfer' }), 'moving'));
      const sk = JSON.stringify([r.shares, r.replicas, r.buckets]);
      if (sk !== lastShares) {
        lastShares = sk;
        const rows = [];
        const list = [...(r.shares || [])].sort((a, b) => compareIds(a.node, b.node));
        const maxP = Math.max(1, ...list.map((s) => Math.max(s.primaries || 0, s.idealPrimaries || 0)));
        for (const s of list) {
          const ideal = s.idealPrimaries;
          const idealReplicas = s.idealReplicas ?? (ideal != null ? ideal * (r.replicas || 1) : null);
          const dev = ideal ? ((s.primaries - ideal) / ideal) * 100 : null;
          rows.push(el('tr', { dataset: { node: s.node } },
            el('td', {}, nodeChip(s.node)),
            el('td', { class: 'num' }, fmtInt(s.primaries)),
            el('td', { class: 'num muted' }, fmtNum(ideal, 1)),
            el('td', { class: `num ${dev > 0.5 ? 'dev-pos' : dev < -0.5 ? 'dev-neg' : ''}` }, dev == null ? '–' : `${dev > 0 ? '+' : ''}${fmtNum(dev, 1)} %`),
            el('td', { class: 'num' }, fmtInt(s.replicas)),
            el('td', { class: 'num muted' }, fmtNum(idealReplicas, 1)),
            el('td', {}, el('div', { class: 'share-bar', title: `${s.primaries} of ideal ${fmtNum(ideal, 1)}` },
              el('div', { class: 'fill', style: { width: `${(100 * (s.primaries || 0)) / maxP}%`, background: nodeColour(s.node) } }),
              ideal != null ? el('div', { class: 'ideal', style: { left: `${(100 * ideal) / maxP}%` } }) : null))));
        }
        syncRows(sharesBody, rows, 'node');
      }
    }

    function bucketAt(evt) {
      const t = evt.target;
      if (t && t.dataset) {
        if (t.dataset.bucket != null) return Number(t.dataset.bucket);
        if (t.dataset.b != null) return Number(t.dataset.b);
      }
      if (!ring) return null;
      const ctm = svgEl.getScreenCTM();
      if (!ctm) return null;
      const pt = new DOMPoint(evt.clientX, evt.clientY).matrixTransform(ctm.inverse());
      const dx = pt.x - C;
      const dy = pt.y - C;
      const rr = Math.hypot(dx, dy);
      if (rr < R_REPLICAS_IN || rr > R_MARK_OUT) return null;
      let a = Math.atan2(dy, dx) + Math.PI / 2;
      if (a < 0) a += 2 * Math.PI;
      return Math.min(ring.buckets - 1, Math.floor((a / (2 * Math.PI)) * ring.buckets));
    }

    function showTip(b, evt) {
      if (b == null || !ring) {
        hideTip();
        return;
      }
      if (hovered !== b) {
        if (hovered != null) markHover(hovered, false);
        hovered = b;
        markHover(b, true);
      }
      renderTip(b);
      tip.hidden = false;
      if (evt) {
        const rect = box.getBoundingClientRect();
        let x = evt.clientX - rect.left + 16;
        let y = evt.clientY - rect.top + 16;
        if (x + 260 > rect.width) x = Math.max(0, evt.clientX - rect.left - 270);
        if (y + 150 > rect.height) y = Math.max(0, evt.clientY - rect.top - 150);
        tip.style.left = `${x}px`;
        tip.style.top = `${y}px`;
      }
    }

    function markHover(b, on) {
      bucketPaths[b]?.classList.toggle('hover', on);
      for (const row of replicaPaths) row[b]?.classList.toggle('hover', on);
    }

    function hideTip() {
      if (hovered != null) markHover(hovered, false);
      hovered = null;
      tip.hidden = true;
    }

    function renderTip(b) {
      const pref = (ring.table && ring.table[b]) || [];
      const state = (ring.states && ring.states[b]) || 'ok';
      const fallbacks = (ring.fallbacks && ring.fallbacks[b]) || [];
      const down = new Set(ring.down || []);
      const moving = (ring.transferring || []).includes(b);
      tip.dataset.bucket = b;
      fill(tip, 
        el('div', { class: 'row' }, el('strong', {}, `bucket ${b}`), el('span', { class: `badge ${state}` }, state)),
        el('div', { class: 'row' }, el('span', { class: 'k' }, 'preference'),
          el('span', { class: 'pref' }, ...pref.flatMap((id, i) => [i ? ' → ' : '', nodeChip(id), down.has(id) ? ' (down)' : '']))),
        el('div', { class: 'row' }, el('span', { class: 'k' }, 'fallbacks'),
          el('span', { class: 'fallbacks' }, fallbacks.length
            ? fallbacks.flatMap((id, i) => [i ? ', ' : '', nodeChip(id)])
            : pref.some((id) => down.has(id)) ? 'none: no spare node, writes go to the primaries up' : 'none')),
        moving ? el('div', { class: 'row' }, el('span', { class: 'k' }, 'transfer'), 'moving now') : null);
    }

    svgEl.addEventListener('mousemove', (e) => showTip(bucketAt(e), e));
    svgEl.addEventListener('mouseover', (e) => showTip(bucketAt(e), e));
    svgEl.addEventListener('mouseleave', hideTip);

    return {
      async refresh() {
        const r = await get('/api/v1/ring');
        registerNodes([...(r.nodes || []), ...(r.table || []).flat(), ...(r.fallbacks || []).flat().filter(Boolean)]);
        const s = `${r.version}/${r.buckets}/${r.replicas}`;
        ring = r;
        if (s !== shape || bucketPaths.length !== r.buckets) {
          shape = s;
          hovered = null;
          build(r);
        }
        update(r);
        if (hovered != null && !tip.hidden) renderTip(hovered);
      },
      destroy() {},
    };
  },
};
