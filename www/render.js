// Rendering of the core's report into DOM nodes, shared by the page and the <cert-scope>
// element. It only presents what the report says; it never derives a verdict.

export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === undefined || value === null || value === false) continue;
    if (key === 'class') node.className = value;
    else if (key === 'text') node.textContent = value;
    else node.setAttribute(key, value === true ? '' : value);
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined) continue;
    node.append(typeof child === 'string' ? document.createTextNode(child) : child);
  }
  return node;
}

const colonHex = (hex) => hex.match(/.{1,2}/g)?.join(':').toUpperCase() ?? '';

function copyButton(value, label) {
  const button = el('button', { type: 'button', class: 'copy', 'aria-label': `Copy ${label}` }, 'Copy');
  button.addEventListener('click', async () => {
    try {
      await navigator.clipboard.writeText(value);
      button.textContent = 'Copied';
    } catch {
      button.textContent = 'Select and copy';
    }
    setTimeout(() => (button.textContent = 'Copy'), 1500);
  });
  return button;
}

function row(label, ...value) {
  return [el('dt', { text: label }), el('dd', {}, ...value)];
}

function describeOrigin(origin) {
  switch (origin.encoding) {
    case 'pem': return `PEM ${origin.label}, line ${origin.line}`;
    case 'der': return `DER at byte ${origin.offset}`;
    default: return origin.encoding;
  }
}

function validityLine(validity) {
  const days = validity.days_until_expiry;
  let state = '';
  let cls = 'ok';
  if (validity.valid_at_analysis_time === false && days !== null && days < 0) {
    state = `expired ${-days} days ago`;
    cls = 'bad';
  } else if (validity.valid_at_analysis_time === false) {
    state = 'not yet valid';
    cls = 'bad';
  } else if (days !== null) {
    state = `${days} days left`;
    if (days < 30) cls = 'warn';
  }
  return el('span', {}, `${validity.not_before} → ${validity.not_after} `,
    el('span', { class: `pill ${cls}`, text: state }),
    ` (${validity.period_days} days)`);
}

export function certificateCard(cert) {
  const key = cert.public_key;
  const keyText = [key.algorithm, key.curve, key.bits ? `${key.bits} bits` : null,
    key.rsa_exponent ? `e=${key.rsa_exponent}` : null].filter(Boolean).join(', ');
  const extensions = el('ul', { class: 'extensions' },
    cert.extensions.map((ext) => el('li', {},
      el('strong', { text: ext.name }), ext.critical ? el('span', { class: 'pill warn', text: 'critical' }) : null,
      ` ${ext.oid}`)));
  return el('article', { class: 'card certificate', 'data-sha256': cert.fingerprints.sha256 },
    el('h3', { class: 'subject', text: cert.subject.rfc4514 || '(empty subject)' }),
    el('p', { class: 'origin', text: `#${cert.index + 1} · ${describeOrigin(cert.origin)}` }),
    el('dl', {},
      row('Subject', el('span', { class: 'subject-dn', text: cert.subject.rfc4514 })),
      row('Issuer', el('span', { class: 'issuer-dn', text: cert.issuer.rfc4514 })),
      row('Validity', validityLine(cert.validity)),
      row('Serial', el('code', { text: cert.serial.hex }), cert.serial.decimal ? ` (${cert.serial.decimal})` : ''),
      row('Signature', `${cert.signature_algorithm.name} (${cert.signature_algorithm.oid})`),
      row('Public key', keyText),
      row('SHA-256', el('code', { class: 'fingerprint sha256', text: colonHex(cert.fingerprints.sha256) }),
        copyButton(cert.fingerprints.sha256, 'SHA-256 fingerprint')),
      row('SHA-1', el('code', { class: 'fingerprint', text: colonHex(cert.fingerprints.sha1) })),
      row('SPKI pin', el('code', { text: `sha256/${key.spki_sha256_base64}` }),
        copyButton(key.spki_sha256_base64, 'SPKI pin')),
    ),
    el('details', {}, el('summary', { text: `Extensions (${cert.extensions.length})` }), extensions));
}

export function problemCard(problem) {
  return el('article', { class: 'card problem', role: 'alert' },
    el('h3', { text: 'Could not decode part of the input' }),
    el('p', { class: 'error-message', text: `${describeOrigin(problem.origin)}: ${problem.error.structure}: ${problem.error.problem}` +
      (problem.error.offset !== null ? ` (at byte ${problem.error.offset} of ${problem.error.length})` : '') }));
}

export function renderReport(results, report, sources = []) {
  results.replaceChildren();
  if (sources.length > 1) results.append(el('p', { class: 'sources', text: `Inputs: ${sources.join(', ')}` }));
  for (const object of report.objects) {
    if (object.kind === 'certificate') results.append(certificateCard(object));
  }
  for (const problem of report.problems) results.append(problemCard(problem));
  if (report.objects.length === 0 && report.problems.length === 0) {
    results.append(el('p', { class: 'empty', text: 'Nothing found in the input.' }));
  }
}

