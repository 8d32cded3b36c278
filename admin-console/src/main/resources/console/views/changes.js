// Changes: a membership change from a dry run (plan) to commit, and the transfer it starts.

import { get, action } from '../api.js';
import { el, clear, fill, syncRows, nodeColour, fmtInt, fmtBytes, fmtRate, fmtDuration, nodeChip, compareIds, progressBar } from '../util.js';

const KINDS = [
  ['join', 'add nodes'],
  ['leave', 'drain nodes and retire them'],
  ['replace', 'hand one node\'s buckets to a replacement'],
  ['remove-dead', 'drop nodes that will not come back'],
];

function stat(label, value, cls) {
  return el('div', { class: `stat ${cls || ''}` }, el('div', { class: 'v' }, value), el('div', { class: 'l' }, label));
}

/** replicasPerNode may come as {"n1": 768} or [{"node": "n1", "replicas": 768}]. */
function perNodeEntries(rpn) {
  if (!rpn) return [];
  if (Array.isArray(rpn)) return rpn.map((x) => [x.node ?? x.id, x.replicas ?? x.count ?? x.value]);
  return Object.entries(rpn);
}

export default {
  title: 'Changes',
  create(root) {
    const kind = el('select', { id: 'change-kind' }, ...KINDS.map(([v, t]) => el('option', { value: v, title: t }, v)));
    const kindHint = el('span', { class: 'muted small' });
    const nodes = el('input', { id: 'change-nodes', type: 'text', placeholder: 'n4, n5', spellcheck: 'false', size: 24 });
    const replacement = el('input', { id: 'change-replacement', type: 'text', placeholder: 'n5', spellcheck: 'false', size: 10 });
    const replacementField = el('div', { class: 'field dim' }, el('label', { for: 'change-replacement' }, 'replacement (replace only)'), replacement);
    const planButton = el('button', { id: 'plan-button', type: 'submit', class: 'primary' }, 'Plan (dry run)');
    const commitButton = el('button', { id: 'commit-button', type: 'button', class: 'primary' }, 'Commit');
    const cancelButton = el('button', { id: 'cancel-button', type: 'button', class: 'danger' }, 'Cancel');
    const planResult = el('div', { id: 'plan-result', dataset: { moves: '', bytes: '' } }, el('div', { class: 'empty' }, 'No plan yet: describe a change and run a dry run. Nothing changes until you commit.'));
    const tableVersion = el('span', { id: 'table-version' }, '–');
    const stagedLine = el('span', { class: 'muted small' });
    const transfer = el('section', { id: 'transfer', class: 'panel', dataset: { state: 'none' } });
    const transferNodes = el('tbody');
    const transferHead = el('div');
    transfer.append(el('h2', {}, 'Transfer'), transferHead,
      el('div', { class: 'table-wrap' }, el('table', { id: 'transfer-nodes' },
        el('thead', {}, el('tr', {}, el('th', {}, 'node'), el('th', { class: 'num' }, 'pending buckets'), el('th', { class: 'num' }, 'moved'),
          el('th', { class: 'num' }, 'rate'), el('th', { class: 'num' }, 'ETA'), el('th', {}, 'progress'))),
        transferNodes)));

    const form = el('form', { id: 'change-form', autocomplete: 'off' },
      el('div', { class: 'form-row' },
        el('div', { class: 'field' }, el('label', { for: 'change-kind' }, 'change'), kind),
        el('div', { class: 'field' }, el('label', { for: 'change-nodes' }, 'nodes (comma-separated ids)'), nodes),
        replacementField,
        planButton, kindHint),
      el('p', { class: 'hint' }, 'A plan is a dry run against the current table; Commit applies the plan, Cancel drops it. Both need the admin token.'));

    root.append(
      el('div', { class: 'cards' },
        el('div', { class: 'card' }, el('div', { class: 'label' }, 'Table version'), el('div', { class: 'value' }, tableVersion), el('div', { class: 'sub' }, stagedLine))),
      el('section', { class: 'panel' }, el('h2', {}, 'Plan a change'), form),
      el('section', { class: 'panel' }, el('h2', {}, 'Plan'), planResult, el('div', { class: 'actions' }, commitButton, cancelButton)),
      transfer);

    const syncKind = () => {
      replacementField.classList.toggle('dim', kind.value !== 'replace');
      kindHint.textContent = (KINDS.find(([v]) => v === kind.value) || [])[1] || '';
    };
    kind.addEventListener('change', syncKind);
    syncKind();

    let maxPending = new Map(); // node -> the most pending buckets seen in this transfer
    let transferVersion = null;
    let destroyed = false;

    function request() {
      const body = {
        change: kind.value,
        nodes: nodes.value.split(/[\s,]+/).map((s) => s.trim()).filter(Boolean),
      };
      if (kind.value === 'replace' || replacement.value.trim()) body.replacement = replacement.value.trim() || null;
      return body;
    }

    function showPlan(p) {
      const moves = Array.isArray(p.moves) ? p.moves : [];
      const moveCount = p.moveCount ?? moves.length;
      const violations = Array.isArray(p.zoneViolations) ? p.zoneViolations.length : p.zoneViolations ?? 0;
      planResult.dataset.moves = String(moveCount);
      planResult.dataset.bytes = String(p.estimatedBytes ?? 0);
      const perNode = perNodeEntries(p.replicasPerNode).sort((a, b) => compareIds(a[0], b[0]));
      const maxR = Math.max(1, ...perNode.map(([, v]) => v || 0));
      const movesBody = el('tbody');
      const details = el('details', { class: 'moves' }, el('summary', {}, `${fmtInt(moveCount)} moves`),
        el('div', { class: 'table-wrap tall' }, el('table', { class: 'moves-table', style: { maxWidth: '640px' } },
          el('thead', {}, el('tr', {}, el('th', { class: 'num' }, 'bucket'), el('th', {}, 'from'), el('th', {}, 'to'), el('th', { class: 'num' }, 'estimated'))), movesBody)));
      let filled = false;
      details.addEventListener('toggle', () => {
        if (!details.open || filled) return;
        filled = true;
        const rows = moves.slice(0, 5000).map((m) => el('tr', {},
          el('td', { class: 'num' }, m.bucket), el('td', {}, m.from ? nodeChip(m.from) : el('span', { class: 'muted' }, 'new copy')), el('td', {}, m.to ? nodeChip(m.to) : el('span', { class: 'muted' }, 'dropped')), el('td', { class: 'num' }, fmtBytes(m.estimatedBytes))));
        movesBody.append(...rows);
        if (moves.length > 5000) movesBody.append(el('tr', {}, el('td', { colspan: 4, class: 'muted' }, `… and ${fmtInt(moves.length - 5000)} more`)));
      });
      fill(planResult, 
        el('div', { class: 'muted small' }, `${p.change ?? ''}${p.against != null ? ` against table v${p.against}` : ''}${p.version != null ? ` → v${p.version}` : ''}`),
        el('div', { class: 'stats' },
          stat('moves', fmtInt(moveCount)),
          stat('bytes to move', fmtBytes(p.estimatedBytes)),
          stat('zone violations', fmtInt(violations), violations ? 'bad' : ''),
          stat(p.estimateBytesPerSecond ? `estimated time at ${fmtBytes(p.estimateBytesPerSecond)}/s per receiver` : 'estimated time', fmtDuration(p.estimatedSeconds))),
        Array.isArray(p.zoneViolations) && p.zoneViolations.length ? el('div', { class: 'error-box small' }, `zone violations: ${p.zoneViolations.map((v) => (typeof v === 'object' ? JSON.stringify(v) : v)).join('; ')}`) : null,
        perNode.length ? el('table', { class: 'per-node', style: { maxWidth: '640px' } },
          el('thead', {}, el('tr', {}, el('th', {}, 'node'), el('th', { class: 'num' }, 'replicas after'), el('th', {}, ''))),
          el('tbody', {}, ...perNode.map(([id, v]) => el('tr', { dataset: { node: id } },
            el('td', {}, nodeChip(id)), el('td', { class: 'num' }, fmtInt(v)),
            el('td', {}, el('div', { class: 'share-bar' }, el('div', { class: 'fill', style: { width: `${(100 * (v || 0)) / maxR}%`, background: nodeColour(id) } }))))))) : null,
        details);
    }

    form.addEventListener('submit', async (e) => {
      e.preventDefault();
      const r = await action('/api/v1/plan', request(), {
        label: 'plan',
        describe: (p) => `${fmtInt(p.moveCount ?? (p.moves || []).length)} moves, ${fmtBytes(p.estimatedBytes)}, about ${fmtDuration(p.estimatedSeconds)} (dry run: nothing changed)`,
      });
      if (destroyed) return;
      if (r.ok && r.data) showPlan(r.data);
      else if (!r.ok) {
        // the plan shown is no longer the one the server holds: say so rather than keep it
        planResult.dataset.moves = '';
        planResult.dataset.bytes = '';
        fill(planResult, el('div', { class: 'error-box' }, r.error));
      }
    });
    commitButton.addEventListener('click', async () => {
      const r = await action('/api/v1/commit', {}, { label: 'commit', describe: (c) => `table v${c.version} (${c.change}, ${fmtInt(c.moves)} moves)` });
      if (destroyed) return;
      if (r.ok) {
        planResult.prepend(el('div', { class: 'agree-banner' }, `committed: table v${r.data?.version ?? '?'} (${r.data?.change ?? ''}, ${fmtInt(r.data?.moves)} moves)`));
        refresh().catch(() => {});
      }
    });
    cancelButton.addEventListener('click', async () => {
      const r = await action('/api/v1/cancel', {}, { label: 'cancel', describe: (c) => (c && c.cancelled === false ? 'nothing to cancel' : 'plan dropped') });
      if (destroyed) return;
      if (r.ok) {
        planResult.dataset.moves = '';
        planResult.dataset.bytes = '';
        fill(planResult, el('div', { class: 'empty' }, r.data && r.data.cancelled === false ? 'Nothing to cancel.' : 'Plan cancelled.'));
        refresh().catch(() => {});
      }
    });

    function showTransfer(t) {
      const running = !!(t && t.running);
      transfer.dataset.state = running ? 'running' : 'none';
      const version = t ? t.version ?? t.tableVersion : null;
      if (t && version !== transferVersion) {
        transferVersion = version;
        maxPending = new Map();
      }
      const list = [...((t && t.nodes) || [])].sort((a, b) => compareIds(a.id, b.id));
      const done = t?.done ?? 0;
      const total = t?.moves ?? 0;
      const eta = Math.max(0, ...list.map((n) => n.etaSeconds || 0));
      fill(transferHead, running
        ? el('div', {},
          el('div', { class: 'form-row', style: { alignItems: 'center', marginBottom: '8px' } },
            el('span', { class: 'badge running' }, 'running'),
            el('span', {}, `to table v${version}: ${fmtInt(done)} of ${fmtInt(total)} moves done`),
            el('span', { class: 'muted' }, `ETA ${fmtDuration(eta)}`)),
          el('div', { style: { margin: '4px 0 12px' } }, progressBar(total ? done / total : 0, `${fmtInt(done)} / ${fmtInt(total)}`)))
        : el('div', { class: 'empty' }, t && t.version != null && total ? `No transfer running (the last one, to v${version}, moved ${fmtInt(done)} of ${fmtInt(total)}).` : 'No transfer running.'));
      const rows = [];
      for (const n of list) {
        const seen = Math.max(maxPending.get(n.id) || 0, n.pendingBuckets || 0);
        maxPending.set(n.id, seen);
        const remaining = n.bytesPerSecond > 0 && n.etaSeconds != null ? n.bytesPerSecond * n.etaSeconds : null;
        const byBytes = remaining != null && n.bytesMoved + remaining > 0 ? n.bytesMoved / (n.bytesMoved + remaining) : null;
        const frac = !n.pendingBuckets ? 1 : byBytes != null ? byBytes : seen ? 1 - n.pendingBuckets / seen : 0;
        rows.push(el('tr', { dataset: { node: n.id } },
          el('td', {}, nodeChip(n.id)),
          el('td', { class: 'num' }, fmtInt(n.pendingBuckets)),
          el('td', { class: 'num' }, fmtBytes(n.bytesMoved)),
          el('td', { class: 'num' }, fmtRate(n.bytesPerSecond)),
          el('td', { class: 'num' }, n.etaSeconds == null ? '–' : fmtDuration(n.etaSeconds)),
          el('td', {}, progressBar(frac, `${Math.round(frac * 100)} %`))));
      }
      syncRows(transferNodes, rows, 'node');
      if (!list.length) transferNodes.append(el('tr', {}, el('td', { colspan: 6, class: 'empty' }, 'no node is moving buckets')));
    }

    async function refresh() {
      const [t, c] = await Promise.allSettled([get('/api/v1/transfer'), get('/api/v1/config')]);
      if (destroyed) return;
      if (c.status === 'fulfilled') {
        tableVersion.textContent = c.value.tableVersion ?? '–';
        const s = c.value.staged;
        stagedLine.textContent = s == null || s === false ? 'no plan staged' : 'a plan is staged';
      }
      if (t.status === 'fulfilled') showTransfer(t.value);
      const failed = [t, c].find((x) => x.status === 'rejected');
      if (failed) throw failed.reason;
    }

    return {
      refresh,
      destroy() {
        destroyed = true;
      },
    };
  },
};
