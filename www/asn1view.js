// The ASN.1 view: an object's DER as an element tree with offsets, tags and lengths, linked
// both ways with a hex view and with the decoded fields of its card.
import { el, highlightField } from './render.js';

// ASN.1 field labels (from the core's tree) and the report's field paths they correspond to.
const TO_REPORT = {
  serialNumber: 'serial',
  signature: 'signature_algorithm',
  signatureAlgorithm: 'signature_algorithm',
  issuer: 'issuer',
  subject: 'subject',
  validity: 'validity',
  'validity/notBefore': 'validity/not_before',
  'validity/notAfter': 'validity/not_after',
  subjectPublicKeyInfo: 'public_key',
  extensions: 'extensions',
};
const toReport = (field) => TO_REPORT[field] ?? field;
const toAsn1 = (reportField) => Object.entries(TO_REPORT).find(([, v]) => v === reportField)?.[0] ?? reportField;

export function asn1Panel(view, bytes, card) {
  const nodes = [];
  const hexCells = [];
  let selected = null;

  function select(node, { fromCard = false } = {}) {
    selected?.button.classList.remove('selected');
    for (const cell of hexCells) cell.classList.remove('selected');
    selected = node;
    node.button.classList.add('selected');
    const end = node.offset + node.header_length + node.length;
    for (let i = node.offset; i < end && i < hexCells.length; i++) hexCells[i].classList.add('selected');
    hexCells[node.offset]?.scrollIntoView?.({ block: 'nearest' });
    info.textContent = `offset ${node.offset}, header ${node.header_length} bytes, length ${node.length}` +
      (node.field ? ` — ${node.field}` : '');
    if (!fromCard && node.field) highlightField(card, toReport(node.field));
  }

  function build(node, depth) {
    const label = [`${node.offset}`, node.tag_name, `(${node.length})`].join(' ');
    const button = el('button', { type: 'button', class: 'node', 'data-offset': node.offset, 'data-field': null },
      el('span', { class: 'muted', text: label }),
      node.field ? el('strong', { text: ` ${node.field}` }) : '',
      node.value !== null && node.value !== undefined && node.value !== '' ? el('code', { text: ` ${node.value}` }) : '',
      node.encapsulates ? el('span', { class: 'muted', text: ' encapsulates' }) : '');
    const entry = { ...node, button, depth };
    nodes.push(entry);
    button.addEventListener('click', () => select(entry));
    if (!node.children?.length) return el('li', {}, button);
    return el('li', {}, button, el('ul', {}, node.children.map((child) => build(child, depth + 1))));
  }

  const tree = el('ul', { class: 'asn1-tree', 'aria-label': 'ASN.1 elements' }, build(view.tree, 0));
  const hex = el('div', { class: 'hex', 'aria-label': 'DER bytes in hex' });
  for (let rowStart = 0; rowStart < bytes.length; rowStart += 16) {
    const row = el('div', { class: 'hex-row' }, el('span', { class: 'muted offset', text: rowStart.toString(16).padStart(6, '0') }));
    for (let i = rowStart; i < Math.min(rowStart + 16, bytes.length); i++) {
      const cell = el('span', { class: 'byte', 'data-offset': i, text: bytes[i].toString(16).padStart(2, '0') });
      hexCells.push(cell);
      row.append(cell);
    }
    hex.append(row);
  }
  hex.addEventListener('click', (event) => {
    const offset = Number(event.target.dataset?.offset);
    if (!Number.isFinite(offset)) return;
    // The deepest element containing the byte.
    const containing = nodes.filter((n) => offset >= n.offset && offset < n.offset + n.header_length + n.length);
    const deepest = containing.sort((a, b) => b.depth - a.depth)[0];
    if (deepest) select(deepest);
  });
  const info = el('p', { class: 'asn1-info', 'aria-live': 'polite' });

  // Decoded fields of the card select their bytes.
  const onCardClick = (event) => {
    const fieldNode = event.target.closest?.('[data-field]');
    if (!fieldNode || !card.contains(fieldNode) || panel.contains(fieldNode)) return;
    const field = toAsn1(fieldNode.dataset.field);
    const match = nodes.find((n) => n.field === field) ?? nodes.find((n) => n.field && field.startsWith(n.field));
    if (match) select(match, { fromCard: true });
  };
  card.addEventListener('click', onCardClick);

  const panel = el('section', { class: 'asn1-panel', 'aria-label': 'ASN.1 view' },
    el('h4', { text: `ASN.1 — ${bytes.length} bytes` }), info, el('div', { class: 'asn1-panes' }, tree, hex));
  return panel;
}
