// Config: the config service's Raft group and the table's history.

import { get } from '../api.js';
import { el, syncRows, fmtInt, fmtTime, fmtAgo } from '../util.js';

export default {
  title: 'Config',
  create(root) {
    const leader = el('span', { id: 'config-leader' }, '–');
    const term = el('span', { id: 'config-term' }, '–');
    const version = el('span', { id: 'config-table-version' }, '–');
    const staged = el('span', { id: 'config-staged' }, '–');
    const card = (label, value) => el('div', { class: 'card' }, el('div', { class: 'label' }, label), el('div', { class: 'value' }, value));
    const replicasBody = el('tbody');
    const problem = el('div', { class: 'error-box', hidden: true });
    const historyBody = el('tbody');
    root.append(
      el('div', { class: 'cards' }, card('Leader', leader), card('Term', term), card('Table version', version), card('Staged plan', staged)),
      el('div', { class: 'grid two' },
        el('section', { class: 'panel' }, el('h2', {}, 'Raft group'),
          el('table', { id: 'config-replicas' }, el('thead', {}, el('tr', {}, el('th', {}, 'replica'), el('th', {}, 'address'), el('th', {}, 'state'), el('th', { class: 'num' }, 'term'), el('th', {}, 'problem'))), replicasBody),
          problem),
        el('section', { class: 'panel' }, el('h2', {}, 'Table history'),
          el('div', { class: 'table-wrap tall' },
            el('table', { id: 'history' }, el('thead', {}, el('tr', {}, el('th', { class: 'num' }, 'version'), el('th', {}, 'change'), el('th', {}, 'time'), el('th', { class: 'num' }, 'moves'))), historyBody)))));
    let lastKey = '';

    return {
      async refresh() {
        const c = await get('/api/v1/config');
        const key = JSON.stringify(c);
        if (key === lastKey) {
          // only the relative times move
          for (const span of historyBody.querySelectorAll('.ago')) span.textContent = ` · ${fmtAgo(Number(span.dataset.at))}`;
          return;
        }
        lastKey = key;
        leader.textContent = c.leader ?? 'none';
        leader.className = c.leader ? '' : 'dev-pos';
        term.textContent = c.term ?? '–';
        version.textContent = c.tableVersion ?? '–';
        staged.textContent = c.staged == null || c.staged === false ? 'none' : typeof c.staged === 'object' ? describeStaged(c.staged) : String(c.staged);
        problem.hidden = !c.problem;
        problem.textContent = c.problem ? `config service: ${c.problem}` : '';
        const replicaRows = [];
        for (const r of c.replicas || []) {
          const isLeader = r.id === c.leader;
          replicaRows.push(el('tr', { dataset: { replica: r.id }, class: isLeader ? 'leader' : '' },
            el('td', { class: 'mono' }, r.id, isLeader ? el('span', { class: 'badge leader', style: { marginLeft: '8px' } }, 'leader') : null),
            el('td', { class: 'mono small' }, r.address ?? '–'),
            el('td', {}, el('span', { class: `badge ${r.state}` }, r.state ?? '–'), r.role ? el('span', { class: 'muted small' }, ` ${r.role}`) : null),
            el('td', { class: 'num' }, r.term ?? '–'),
            el('td', { class: r.problem ? 'dev-pos' : 'muted' }, r.problem ?? '–')));
        }
        syncRows(replicasBody, replicaRows, 'replica');
        if (!(c.replicas || []).length) replicasBody.append(el('tr', {}, el('td', { colspan: 5, class: 'empty' }, 'no replicas reported')));
        const historyRows = [];
        const history = [...(c.history || [])].sort((a, b) => b.version - a.version);
        for (const h of history) {
          historyRows.push(el('tr', { dataset: { version: h.version } },
            el('td', { class: 'num' }, h.version),
            el('td', {}, describeChange(h.change)),
            el('td', { title: h.atMillis ? new Date(h.atMillis).toISOString() : '' }, fmtTime(h.atMillis),
              el('span', { class: 'muted small ago', dataset: { at: h.atMillis } }, h.atMillis ? ` · ${fmtAgo(h.atMillis)}` : '')),
            el('td', { class: 'num' }, fmtInt(h.moves))));
        }
        syncRows(historyBody, historyRows, 'version');
        if (!history.length) historyBody.append(el('tr', {}, el('td', { colspan: 4, class: 'empty' }, 'no history')));
      },
      destroy() {},
    };
  },
};

function describeChange(change) {
  if (change == null) return '–';
  if (typeof change === 'string') return change;
  const kind = change.change || change.kind || change.type || '';
  const nodes = Array.isArray(change.nodes) ? change.nodes.join(', ') : '';
  const repl = change.replacement ? ` → ${change.replacement}` : '';
  return kind || nodes ? `${kind} ${nodes}${repl}`.trim() : JSON.stringify(change);
}

function describeStaged(s) {
  const d = describeChange(s.change ?? s);
  const moves = s.moveCount ?? (Array.isArray(s.moves) ? s.moves.length : s.moves);
  return moves != null ? `${d} (${fmtInt(moves)} moves)` : d;
}
