// Keys: every replica's view of one key, where they differ, and a way to resolve siblings
// (keep one, write a merged value, or delete) with the merged context.

import { get, action, showResult } from '../api.js';
import { el, clear, fill, fmtInt, nodeChip, registerNodes, base64ToBytes, textToBase64, hexDump, errorBox } from '../util.js';

function render(sib, format) {
  if (sib.value == null) return `(value not sent: ${fmtInt(sib.size)} bytes, over the inspector's size limit)`;
  if (format === 'hex') return hexDump(base64ToBytes(sib.value));
  if (sib.text == null) return `(not UTF-8, ${fmtInt(sib.size)} bytes)\n${hexDump(base64ToBytes(sib.value))}`;
  if (format === 'json') {
    try {
      return JSON.stringify(JSON.parse(sib.text), null, 2);
    } catch (e) {
      return sib.text;
    }
  }
  return sib.text;
}

const sibKey = (s) => `${s.dot}|${s.value}`;
const replicaSig = (r) => (r.found ? (r.siblings || []).map(sibKey).sort().join('\n') : '(none)');

const siblingsAgreed = (replicas) => Math.max(0, ...replicas.map((r) => (r.siblings || []).length));

function keyFromHash() {
  const m = (location.hash || '').match(/[?&]key=([^&]*)/);
  if (!m) return null;
  try {
    return decodeURIComponent(m[1]);
  } catch (e) {
    return m[1];
  }
}

export default {
  title: 'Keys',
  create(root) {
    const input = el('input', { id: 'key-input', type: 'text', placeholder: 'key', spellcheck: 'false', size: 40 });
    const inspectButton = el('button', { id: 'inspect-button', type: 'submit', class: 'primary' }, 'Inspect');
    const format = el('select', { id: 'value-format' }, el('option', { value: 'text' }, 'text'), el('option', { value: 'json' }, 'json'), el('option', { value: 'hex' }, 'hex'));
    const form = el('form', { autocomplete: 'off' },
      el('div', { class: 'form-row' },
        el('div', { class: 'field' }, el('label', { for: 'key-input' }, 'key'), input),
        inspectButton,
        el('div', { class: 'field' }, el('label', { for: 'value-format' }, 'show values as'), format)));
    const result = el('section', { id: 'key-result', class: 'panel', dataset: { differ: 'false' } }, el('div', { class: 'empty' }, 'Inspect a key to see every replica\'s siblings and clock.'));
    const merged = el('textarea', { id: 'merged-value', spellcheck: 'false', placeholder: 'the value to write over every sibling shown' });
    const writeMerged = el('button', { id: 'write-merged', type: 'button', class: 'primary' }, 'Write this value');
    const deleteKey = el('button', { id: 'delete-key', type: 'button', class: 'danger' }, 'Delete key');
    const resolvePanel = el('section', { class: 'panel' }, el('h2', {}, 'Resolve'),
      el('p', { class: 'hint', style: { marginTop: 0 } }, 'Writes and deletes carry the merged context of every replica, so they supersede every sibling shown. "Keep this one" on a sibling writes its bytes; or edit the merged value below. Needs the admin token.'),
      merged, el('div', { class: 'actions' }, writeMerged, deleteKey));
    root.append(el('section', { class: 'panel' }, el('h2', {}, 'Inspect a key'), form), result, resolvePanel);

    let current = null; // the key inspected
    let data = null; // its last answer
    let lastJson = '';
    let dirty = false; // the operator typed in #merged-value
    let prefillSig = '';
    let busy = false;
    let destroyed = false;

    merged.addEventListener('input', () => {
      dirty = true;
    });

    function prefill(d) {
      const seen = new Set();
      const texts = [];
      for (const r of d.replicas || []) {
        for (const s of r.siblings || []) {
          if (s.value == null || seen.has(s.value)) continue;
          seen.add(s.value);
          if (s.text != null) texts.push(s.text);
        }
      }
      const sig = [...seen].sort().join('|');
      if (sig === prefillSig) return; // same siblings: leave the field (and any edit) alone
      prefillSig = sig;
      if (!dirty) merged.value = texts.join('\n');
    }

    function show(d) {
      data = d;
      registerNodes([...(d.preference || []), ...(d.replicas || []).map((r) => r.node)]);
      const fmt = format.value;
      const replicas = d.replicas || [];
      // the signature most replicas agree on: the others are marked as differing
      const sigCount = new Map();
      for (const r of replicas) if (r.reachable !== false && !r.error) sigCount.set(replicaSig(r), (sigCount.get(replicaSig(r)) || 0) + 1);
      let majority = null;
      let best = 0;
      for (const [s, c] of sigCount) if (c > best) [majority, best] = [s, c];
      const answered = replicas.filter((r) => r.reachable !== false && !r.error).length;
      const sibOn = new Map();
      for (const r of replicas) for (const s of r.siblings || []) sibOn.set(sibKey(s), (sibOn.get(sibKey(s)) || 0) + 1);

      const silent = replicas.length - answered;
      const silentNote = silent ? ` ${silent} did not answer: what ${silent === 1 ? 'it holds' : 'they hold'} is unknown.` : '';
      result.dataset.differ = String(!!d.differ);
      result.dataset.key = d.key;
      const cards = el('div', { id: 'replicas' });
      for (const r of replicas) {
        const differs = d.differ && r.reachable !== false && !r.error && replicaSig(r) !== majority;
        const rank = (d.preference || []).indexOf(r.node);
        const card = el('article', { class: `replica${differs ? ' differs' : ''}${r.reachable === false ? ' unreachable' : ''}`, dataset: { node: r.node, found: r.found, differs } },
          el('header', {}, nodeChip(r.node),
            rank >= 0 ? el('span', { class: 'badge' }, rank === 0 ? 'primary 1' : `primary ${rank + 1}`) : el('span', { class: 'badge fallback' }, 'not in preference list'),
            r.reachable === false ? el('span', { class: 'badge down' }, 'unreachable') : null,
            r.reachable !== false && !r.found && !r.error ? el('span', { class: 'badge' }, 'not found') : null,
            differs ? el('span', { class: 'badge fallback differ-mark' }, 'differs') : null,
            r.valuesOmitted ? el('span', { class: 'badge', title: 'large values are shown by size only' }, 'values omitted') : null,
            r.found ? el('span', { class: 'muted small' }, `${(r.siblings || []).length} sibling${(r.siblings || []).length === 1 ? '' : 's'}`) : null),
          r.error ? errorBox(r.error) : null,
          r.clock ? el('div', { class: 'clock', title: 'this replica\'s clock' }, r.clock) : null);
        (r.siblings || []).forEach((s, i) => {
          const on = sibOn.get(sibKey(s)) || 0;
          const unique = d.differ && on < answered;
          card.append(el('div', { class: `sibling${unique ? ' unique' : ''}`, dataset: { index: i } },
            el('div', { class: 'meta' },
              el('strong', {}, `#${i + 1}`),
              el('span', { class: 'dot', title: 'the dot: the write that made this sibling' }, s.dot ?? '–'),
              el('span', {}, `${fmtInt(s.size)} B`),
              unique ? el('span', { class: 'badge fallback' }, `on ${on} of ${answered}`) : null,
              el('button', { type: 'button', class: 'choose-sibling', dataset: { node: r.node, index: i }, onclick: () => keep(s) }, 'Keep this one')),
            el('pre', {}, render(s, fmt))));
        });
        cards.append(card);
      }
      fill(result, 
        el('div', { class: 'key-head' },
          el('div', {}, el('span', { class: 'muted small' }, 'key '), el('strong', { class: 'mono' }, d.key)),
          el('div', {}, el('span', { class: 'muted small' }, 'bucket '), el('strong', {}, d.bucket ?? '–')),
          el('div', {}, el('span', { class: 'muted small' }, 'preference '), ...(d.preference || []).flatMap((id, i) => [i ? ' → ' : '', nodeChip(id)]))),
        d.differ
          ? el('div', { class: 'differ-banner', id: 'differ-marker' }, 'The replicas differ: they do not hold the same siblings (marked below). Anti-entropy or a read will repair them; a resolve writes one value over all of them.')
          : siblingsAgreed(replicas) > 1
            ? el('div', { class: 'differ-banner siblings' }, `The replicas${silent ? ' that answered' : ''} agree, on ${siblingsAgreed(replicas)} siblings: concurrent writes. Keep one, or write a merged value below.${silentNote}`)
            : el('div', { class: silent ? 'differ-banner' : 'agree-banner' }, replicas.some((r) => r.found)
              ? `The replicas${silent ? ' that answered' : ''} agree.${silentNote}`
              : `No replica${silent ? ' that answered' : ''} holds this key.${silentNote}`),
        cards,
        d.context ? el('div', { class: 'context', title: 'the merged context: a write with it supersedes everything shown' }, `merged context ${d.context}`) : null);
      prefill(d);
    }

    async function inspect(force) {
      if (current == null) return;
      const key = current;
      let d;
      try {
        d = await get(`/api/v1/keys?key=${encodeURIComponent(key)}`);
      } catch (e) {
        if (destroyed || key !== current) return;
        lastJson = '';
        data = null;
        result.dataset.differ = 'false';
        fill(result, errorBox(`cannot inspect ${JSON.stringify(key)}: ${e.message}`));
        return;
      }
      if (destroyed || key !== current) return;
      const json = JSON.stringify(d);
      if (!force && json === lastJson) return; // re-rendering the same would only steal clicks
      lastJson = json;
      show(d);
    }

    async function run(path, body, label) {
      if (current == null && !input.value) {
        showResult(0, `${label} (not sent): inspect a key first`);
        return;
      }
      // the key shown is the one acted on; with none shown yet, the one typed
      const key = current ?? input.value;
      current = key;
      busy = true;
      try {
        const r = await action(`${path}?key=${encodeURIComponent(key)}`, body, { label: `${label} ${JSON.stringify(key)}` });
        if (r.ok) {
          dirty = false;
          prefillSig = '';
        }
      } finally {
        busy = false;
      }
      if (!destroyed) await inspect(true);
    }

    const context = () => (data && data.key === current ? data.context ?? null : null);
    const keep = (s) => (s.value == null
      ? showResult(0, 'resolve (not sent): this sibling\'s bytes were not sent (too large); write the merged value instead')
      : run('/api/v1/keys/resolve', { value: s.value, context: context() }, 'resolve'));
    writeMerged.addEventListener('click', () => run('/api/v1/keys/resolve', { value: textToBase64(merged.value), context: context() }, 'write'));
    deleteKey.addEventListener('click', () => run('/api/v1/keys/delete', { context: context() }, 'delete'));
    format.addEventListener('change', () => {
      if (data) show(data);
    });
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      current = input.value;
      dirty = false;
      prefillSig = '';
      lastJson = '';
      history.replaceState(history.state, '', `${location.pathname}${location.search}#/keys?key=${encodeURIComponent(current)}`);
      inspect(true);
    });

    const fromHash = keyFromHash();
    if (fromHash != null) {
      input.value = fromHash;
      current = fromHash;
    }

    return {
      async refresh() {
        if (!busy) await inspect(false);
      },
      destroy() {
        destroyed = true;
      },
    };
  },
};
