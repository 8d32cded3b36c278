// Members: one row per node, merged from the config service and the nodes' own reports.

import { get } from '../api.js';
import { el, fill, syncRows, fmtInt, fmtNum, fmtBytes, fmtAgo, fmtTime, nodeChip, registerNodes, compareIds, sparkline } from '../util.js';

const COLUMNS = [
  ['node'], ['zone'], ['address'], ['role'], ['status'], ['phi (60 s)'], ['keys', 'num'], ['bytes', 'num'],
  ['hints queued', 'num'], ['last exchange'], ['reachable'], ['gen', 'num'], ['table', 'num'],
];

export default {
  title: 'Members',
  create(root) {
    const body = el('tbody');
    const table = el('table', { id: 'members-table' },
      el('thead', {}, el('tr', {}, ...COLUMNS.map(([t, c]) => el('th', { class: c }, t)))), body);
    const totals = el('div', { class: 'cards' });
    root.append(totals, el('section', { class: 'panel' }, el('h2', {}, 'Members'), el('div', { class: 'table-wrap' }, table),
      el('p', { class: 'hint' }, 'phi: the failure detector\'s suspicion, every 2 s over the last 60 s; the dashed line is the conviction threshold (8). hints queued: hints other nodes hold for this node. last exchange: its newest anti-entropy exchange. reachable: whether the console reached the node\'s HTTP port.')));

    return {
      async refresh() {
        const m = await get('/api/v1/members');
        const members = [...(m.members || [])].sort((a, b) => compareIds(a.id, b.id));
        registerNodes(members.map((x) => x.id));
        const now = Date.now();
        let keys = 0;
        let bytes = 0;
        let hints = 0;
        let up = 0;
        for (const x of members) {
          keys += x.keys || 0;
          bytes += x.bytes || 0;
          hints += x.hintsQueued || 0;
          if (x.status === 'up') up++;
        }
        const row = (x) => {
          const phiNow = x.phi;
          return el('tr', { dataset: { node: x.id }, class: x.status },
            el('td', { class: 'id' }, nodeChip(x.id)),
            el('td', { class: 'zone' }, x.zone ?? el('span', { class: 'muted' }, '–')),
            el('td', { class: 'address mono small', title: `gossip ${x.address ?? '–'} · http ${x.http ?? '–'}` }, x.address ?? '–', x.http ? el('div', { class: 'muted' }, `http ${x.http}`) : null),
            el('td', { class: 'role' }, el('span', { class: `badge ${x.role}` }, x.role ?? '–')),
            el('td', { class: 'status' }, el('span', { class: `badge ${x.status}` }, x.status ?? '–')),
            el('td', { class: 'phi', title: (x.phiHistory || []).map((v) => fmtNum(v, 2)).join(' ') },
              el('span', { class: 'mono' }, phiNow == null ? '–' : fmtNum(phiNow, 2)), sparkline(x.phiHistory)),
            el('td', { class: 'keys num' }, fmtInt(x.keys)),
            el('td', { class: 'bytes num', title: x.bytes == null ? '' : `${fmtInt(x.bytes)} bytes` }, fmtBytes(x.bytes)),
            el('td', { class: 'hints num', title: x.hintBytesQueued != null ? `${fmtInt(x.hintBytesQueued)} bytes` : '' },
              x.hintsQueued ? el('span', { class: 'dev-pos' }, fmtInt(x.hintsQueued)) : fmtInt(x.hintsQueued),
              x.hintBytesQueued ? el('span', { class: 'muted small' }, ` (${fmtBytes(x.hintBytesQueued)})`) : null),
            el('td', { class: 'exchange', title: x.lastExchangeMillis ? fmtTime(x.lastExchangeMillis) : 'no exchange yet' }, fmtAgo(x.lastExchangeMillis, now)),
            el('td', { class: 'reachable', title: x.problem || '' }, el('span', { class: `badge ${x.reachable ? 'yes' : 'no'}` }, x.reachable ? 'yes' : 'no'),
              x.problem ? el('span', { class: 'muted small' }, ` ${x.problem}`) : null),
            el('td', { class: 'generation num' }, x.generation ?? '–'),
            el('td', { class: 'table-version num' }, x.tableVersion ?? '–'));
        };
        syncRows(body, members, 'node', row);
        if (!members.length) body.append(el('tr', {}, el('td', { colspan: COLUMNS.length, class: 'empty' }, 'no members')));
        const card = (label, value) => el('div', { class: 'card' }, el('div', { class: 'label' }, label), el('div', { class: 'value' }, value));
        fill(totals, card('Up', `${up} / ${members.length}`), card('Keys', fmtInt(keys)), card('Bytes', fmtBytes(bytes)), card('Hints queued', fmtInt(hints)));
      },
      destroy() {},
    };
  },
};
