// Overview: is the cluster healthy and, if not, why; node counts, table version, config leader,
// and one line per member.

import { get } from '../api.js';
import { el, clear, fill, syncRows, fmtInt, fmtTime, fmtBytes, fmtAgo, nodeChip, registerNodes, compareIds, errorBox } from '../util.js';

const RED_KINDS = new Set(['nodes-down', 'below-w', 'fallback-buckets', 'config-leader']);

function reasonDetail(r) {
  const parts = [];
  if (Array.isArray(r.nodes) && r.nodes.length) parts.push(r.nodes.join(', '));
  if (r.count != null) parts.push(`count ${fmtInt(r.count)}`);
  if (r.bytes != null) parts.push(fmtBytes(r.bytes));
  if (r.oldestExchangeMillis != null) parts.push(`oldest exchange ${fmtAgo(r.oldestExchangeMillis)}`);
  return parts.join(' · ');
}

function card(label, value, sub, attrs) {
  return el('div', { class: 'card' }, el('div', { class: 'label' }, label), el('div', { class: 'value', ...attrs }, value), sub ? el('div', { class: 'sub' }, sub) : null);
}

export default {
  title: 'Overview',
  create(root) {
    const cards = el('div', { class: 'cards' });
    const reasonsPanel = el('section', { class: 'panel' }, el('h2', {}, 'Why'), el('ul', { id: 'reasons' }));
    const membersPanel = el('section', { class: 'panel' }, el('h2', {}, 'Nodes'), el('div', { class: 'node-strip' }));
    const err = el('div');
    root.append(err, cards, reasonsPanel, membersPanel);
    let lastKey = '';
    let lastMembers = '';

    return {
      async refresh(o) {
        const overview = o || (await get('/api/v1/overview'));
        clear(err);
        if (!o && !overview) return;
        const key = JSON.stringify({ ...overview, atMillis: 0 });
        if (key !== lastKey) {
          lastKey = key;
          const n = overview.nodes || {};
          fill(cards, 
            card('Nodes', el('span', { id: 'overview-nodes', dataset: { up: n.up, down: n.down, total: n.total } },
              `${fmtInt(n.up)} up`, el('span', { class: 'muted' }, ' / '), el('span', { class: n.down ? 'dev-pos' : '' }, `${fmtInt(n.down)} down`), el('span', { class: 'muted' }, ' / '), `${fmtInt(n.total)} total`)),
            card('Table version', el('span', { id: 'overview-table-version' }, overview.tableVersion ?? '–')),
            card('Config leader', el('span', { id: 'overview-config-leader' }, overview.configLeader ?? 'none'), overview.configLeader ? null : 'no leader: changes cannot commit'),
            card('Health', overview.healthy ? 'healthy' : `${(overview.reasons || []).length} issue${(overview.reasons || []).length === 1 ? '' : 's'}`, `as of ${fmtTime(overview.atMillis)}`),
          );
          const list = reasonsPanel.querySelector('#reasons');
          const items = [];
          const old = reasonsPanel.querySelector('.all-good');
          if (old) old.remove();
          for (const r of overview.reasons || []) {
            items.push(el('li', { dataset: { kind: r.kind }, class: RED_KINDS.has(r.kind) ? 'bad' : 'warn' },
              el('span', { class: 'kind' }, r.kind), el('span', { class: 'text' }, r.text), el('span', { class: 'detail' }, reasonDetail(r))));
          }
          syncRows(list, items, 'kind');
          if (!(overview.reasons || []).length) list.after(el('div', { class: 'all-good' }, overview.summary || 'Every node up, every bucket with all its primaries, no transfer, no hints, a config leader.'));
        }
        // One line per member: cheap (the console answers from its last gathering).
        try {
          const m = await get('/api/v1/members');
          const mk = JSON.stringify(m.members.map((x) => [x.id, x.status, x.role, x.keys, x.bytes, x.hintsQueued, x.reachable, x.zone]));
          if (mk !== lastMembers) {
            lastMembers = mk;
            const members = [...(m.members || [])].sort((a, b) => compareIds(a.id, b.id));
            registerNodes(members.map((x) => x.id));
            const strip = clear(membersPanel.querySelector('.node-strip'));
            for (const x of members) {
              strip.append(el('a', { class: `node-pill ${x.status}`, href: '#/members', style: { textDecoration: 'none', color: 'inherit' } },
                nodeChip(x.id), ' ', el('span', { class: `badge ${x.status}` }, x.status),
                el('div', { class: 'small muted' }, `${fmtInt(x.keys)} keys · ${fmtBytes(x.bytes)}${x.hintsQueued ? ` · ${fmtInt(x.hintsQueued)} hints` : ''}${x.reachable === false ? ' · unreachable' : ''}`)));
            }
            if (!members.length) strip.append(el('div', { class: 'empty' }, 'no members'));
          }
        } catch (e) {
          fill(membersPanel.querySelector('.node-strip'), errorBox(e));
          lastMembers = '';
        }
      },
      destroy() {},
    };
  },
};
