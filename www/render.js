// Rendering of the core's report into DOM nodes, shared by the page and the <cert-scope>
// element. It only presents what the report says; it never derives a verdict.

// Certificates carry attacker-chosen text: bidirectional formatting (U+202E reorders what
// follows), zero-width and C0/C1 control characters are shown escaped as \u{202E}, never raw,
// so what a person reads is what the certificate says. The set is the core's
// (`src/display.rs`, `is_display_control`).
const DISPLAY_CONTROLS = /[\u0000-\u001f\u007f-\u009f\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/g;

/** `text` with every display control written as `\u{XXXX}`. */
export function escapeControls(text) {
  return String(text).replace(DISPLAY_CONTROLS,
    (c) => `\\u{${c.codePointAt(0).toString(16).toUpperCase().padStart(4, '0')}}`);
}

export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const key in attrs) {
    const value = attrs[key];
    if (value === undefined || value === null || value === false) continue;
    if (key === 'class') node.className = value;
    else if (key === 'text') node.textContent = escapeControls(value);
    else if (key.startsWith('on') && typeof value === 'function') node.addEventListener(key.slice(2), value);
    else node.setAttribute(key, value === true ? '' : typeof value === 'string' ? escapeControls(value) : value);
  }
  appendAll(node, children);
  return node;
}

/** Appends children to `node`, descending into nested arrays and skipping null, undefined and false. */
function appendAll(node, children) {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    if (Array.isArray(child)) appendAll(node, child);
    else node.appendChild(typeof child === 'string' || typeof child === 'number' ? document.createTextNode(escapeControls(child)) : child);
  }
}

export const colonHex = (hex) => hex.match(/.{1,2}/g)?.join(':').toUpperCase() ?? '';

export function copyButton(value, label) {
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

function row(label, field, ...value) {
  return [el('dt', { text: label }), el('dd', { 'data-field': field }, ...value)];
}

const CONTAINER_FORMATS = { pkcs7: 'PKCS#7', pkcs12: 'PKCS#12' };

export function describeOrigin(origin) {
  if (!origin) return '';
  const container = origin.container;
  const where = container
    ? `, item ${container.position + 1} of the ${CONTAINER_FORMATS[container.format] ?? container.format} container`
    : '';
  switch (origin.encoding) {
    case 'pem': return `PEM ${origin.label}, line ${origin.line}${where}`;
    case 'der': return `DER at byte ${origin.offset}${where}`;
    default: return `${origin.encoding}${where}`;
  }
}

const humanKey = (key) => key.replaceAll('_', ' ');

/** A generic rendering of any decoded value: objects as definition lists, arrays as lists. */
export function valueTree(value) {
  if (value === null || value === undefined) return el('span', { class: 'muted', text: '—' });
  if (Array.isArray(value)) {
    if (value.length === 0) return el('span', { class: 'muted', text: 'none' });
    if (value.every((v) => typeof v !== 'object' || v === null)) return el('span', {}, value.join(', '));
    return el('ul', { class: 'value-list' }, value.map((v) => el('li', {}, valueTree(v))));
  }
  if (typeof value === 'object') {
    const entries = Object.entries(value).filter(([k]) => k !== 'type');
    const kind = value.type ? el('span', { class: 'kind', text: humanKey(value.type) }) : null;
    if (entries.length === 0) return kind ?? el('span', { class: 'muted', text: '—' });
    if (entries.length === 1 && typeof entries[0][1] !== 'object') {
      return el('span', {}, kind, kind ? ' ' : '', `${humanKey(entries[0][0])}: ${entries[0][1]}`);
    }
    return el('div', {}, kind, el('dl', { class: 'value-tree' },
      entries.map(([k, v]) => [el('dt', { text: humanKey(k) }), el('dd', {}, valueTree(v))])));
  }
  if (typeof value === 'boolean') return el('span', { text: value ? 'yes' : 'no' });
  return el('span', { text: String(value) });
}

function validityTimeline(validity, analysisTime) {
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
  const start = Date.parse(validity.not_before);
  const end = Date.parse(validity.not_after);
  const now = analysisTime ? Date.parse(analysisTime) : NaN;
  const bar = el('div', { class: `timeline ${cls}`, role: 'img', 'aria-label': `Validity: ${state}` });
  if (Number.isFinite(now) && end > start) {
    const fraction = Math.min(1, Math.max(0, (now - start) / (end - start)));
    const marker = el('span', { class: 'now' });
    marker.style.left = `${(fraction * 100).toFixed(1)}%`;
    bar.append(marker);
  }
  return el('div', { class: 'validity' },
    el('div', {}, el('span', { 'data-field': 'validity/not_before' }, validity.not_before), ' → ',
      el('span', { 'data-field': 'validity/not_after' }, validity.not_after), ' ',
      el('span', { class: `pill ${cls} days-left`, text: state }), ` (${validity.period_days} days)`),
    bar);
}

function roleBadges(cert) {
  if (!Array.isArray(cert.roles) || cert.roles.length === 0) return null;
  return el('div', { class: 'roles' }, cert.roles.map((role) => {
    const usable = role.usable !== false;
    const evidence = [
      ...(role.granted_by ?? []).map((e) => el('li', { class: 'granted' }, '✔ ', e.text)),
      ...(role.restricted_by ?? []).map((e) => el('li', { class: 'restricted' }, '✖ ', e.text)),
    ];
    return el('details', { class: `role ${usable ? '' : 'unusable'}`, 'data-role': role.role },
      el('summary', { class: 'badge' }, role.label ?? role.role, role.confidence ? el('span', { class: 'confidence', text: ` · ${role.confidence}` }) : null),
      el('ul', { class: 'evidence' }, evidence.length ? evidence : el('li', { text: 'No extension decides this role.' })));
  }));
}

function warningList(cert) {
  const warnings = cert.warnings ?? [];
  if (!warnings.length) return null;
  return el('ul', { class: 'warnings' }, warnings.map((w) => el('li', {}, '⚠ ', typeof w === 'string' ? w : (w.message ?? w.text ?? JSON.stringify(w)))));
}

/** What a stack's answer may rest on that the certificate cannot show (the core's `Condition`). */
const CONDITIONS = {
  pinned: 'only if pinned',
  host_check: 'only if the application checks the host',
  server_authorisation: "the server's own authorisation decides",
};

/**
 * One verdict cell of a stack matrix: ✔ or ✖, or ◐ when the answer depends on what the
 * certificate cannot show (`depends_on`: a pinned leaf, the application's host check, the
 * server's own authorisation); focusable, the reason as its title (hover) and in its
 * accessible name (keyboard and screen readers).
 */
function verdictCell(stack, side, accepts, reason, dependsOn = []) {
  const depends = dependsOn.length > 0;
  const word = depends ? `depends (${dependsOn.map((c) => CONDITIONS[c] ?? c).join('; ')})` : accepts ? 'accepts' : 'refuses';
  return el('td', {
    class: `stack-verdict ${depends ? 'depends' : accepts ? 'yes' : 'no'}`, tabindex: '0', title: reason,
    'aria-label': `${stack} ${side}: ${word}. ${reason}`, 'data-side': side, 'data-accepts': String(accepts),
    'data-depends-on': dependsOn.join(' '),
    text: depends ? '◐' : accepts ? '✔' : '✖',
  });
}

/**
 * For an end entity (or a self-signed certificate, pinned as its own anchor): what each TLS
 * stack decides for it as a TLS server's and a TLS client's certificate
 * (`client_server.verifiers`, checked against the real stacks).
 */
function stackMatrix(cert) {
  const verifiers = cert.client_server?.verifiers ?? [];
  if (!verifiers.length || (cert.is_ca && !cert.self_signed)) return null;
  const caption = cert.is_ca
    ? 'TLS stacks, the certificate pinned as its own trust anchor (server: for the host it names)'
    : 'TLS stacks, the certificate as the end entity (server: for the host it names)';
  const table = el('table', { class: 'stack-matrix' },
    el('caption', { text: caption }),
    el('thead', {}, el('tr', {}, el('th', { scope: 'col', text: 'Stack' }), el('th', { scope: 'col', text: 'TLS server' }),
      el('th', { scope: 'col', text: 'TLS client' }))),
    el('tbody', {}, verifiers.map((v) => el('tr', { 'data-stack': v.verifier },
      el('th', { scope: 'row', text: v.verifier }),
      verdictCell(v.verifier, 'TLS server', v.as_server, v.server_reason, v.server_depends_on),
      verdictCell(v.verifier, 'TLS client', v.as_client, v.client_reason, v.client_depends_on)))));
  return el('div', { class: 'stack-matrix-block' }, table,
    el('p', { class: 'stack-legend', text: '◐ depends on what the certificate cannot show: a pinned leaf, the application\'s host check, the server\'s own authorisation of a client' }));
}

/** Verify: each TLS stack's verdict on the chain under its own profile, with the purpose and host asked. */
function stackVerdicts(verdicts) {
  if (!verdicts?.length) return '';
  const accepted = verdicts.filter((v) => v.valid).length;
  const depending = verdicts.filter((v) => v.depends_on?.length).length;
  const caption = `TLS stacks on this chain: ${accepted} of ${verdicts.length} accept it`
    + (depending ? `; ${depending} depend on the application's set-up (◐)` : '');
  return el('table', { class: 'stack-verdicts' },
    el('caption', { text: caption }),
    el('thead', {}, el('tr', {}, el('th', { scope: 'col', text: 'Stack' }), el('th', { scope: 'col', text: 'Verdict' }),
      el('th', { scope: 'col', text: 'Why' }))),
    el('tbody', {}, verdicts.map((v) => el('tr', { 'data-profile': v.profile },
      el('th', { scope: 'row', title: `profile ${v.profile}: ${v.version}`, text: v.stack }),
      verdictCell(v.stack, 'on this chain', v.valid, v.reason, v.depends_on),
      el('td', { class: 'stack-reason', text: v.reason })))));
}

function identityBlock(identity) {
  if (!identity) return null;
  return el('details', { class: 'section' }, el('summary', { text: 'Identity a relying party would see' }), valueTree(identity));
}

function purposesTable(purposes) {
  if (!Array.isArray(purposes) || purposes.length === 0) return null;
  return el('details', { class: 'section' }, el('summary', { text: 'Purposes (openssl x509 -purpose)' }),
    el('table', { class: 'purposes' },
      el('thead', {}, el('tr', {}, el('th', { text: 'Purpose' }), el('th', { text: 'As leaf' }), el('th', { text: 'As CA' }), el('th', { text: 'Why' }))),
      el('tbody', {}, purposes.map((p) => el('tr', {},
        el('td', { text: p.name ?? p.id }), el('td', { text: p.leaf ? 'yes' : 'no', class: p.leaf ? 'yes' : 'no' }),
        el('td', { text: p.ca ? 'yes' : 'no', class: p.ca ? 'yes' : 'no' }), el('td', {}, valueTree(p.why)))))));
}

const SEVERITY_ORDER = ['error', 'advice', 'warning', 'notice', 'info', 'not_effective', 'not_applicable'];

/** The rule sets the core ran on a certificate and why it chose each (`rule_set_choice`s). */
function ruleSetLine(choices) {
  if (!Array.isArray(choices) || choices.length === 0) return null;
  return el('p', { class: 'rule-sets' }, 'Rule sets: ', choices.map((choice, i) => el('span', {
    class: `rule-set ${choice.binding ? 'binding' : 'advice-only'}`, 'data-rule-set': choice.rule_set,
  }, i ? '; ' : '', el('code', { text: choice.rule_set }), ` (${choice.reason})`)));
}

/**
 * The lint findings of one certificate, grouped by severity. With a `card`, each finding that
 * names a field gets a button highlighting that field in the card. `ruleSets` (the core's
 * rule-set choices) says which sets ran and why; `note`, a line shown before them.
 */
export function lintPanel(lints, card = null, { open = false, ruleSets = null, note = null } = {}) {
  if (!Array.isArray(lints)) return null;
  const context = [note ? el('p', { class: 'lint-note', text: note }) : null, ruleSetLine(ruleSets)];
  if (lints.length === 0) {
    if (!note && !ruleSetLine(ruleSets)) return el('p', { class: 'lints-clean', text: 'No lint findings.' });
    return el('div', { class: 'lints-clean' }, el('p', { text: 'No lint findings.' }), context);
  }
  const groups = SEVERITY_ORDER.map((severity) => [severity, lints.filter((l) => l.severity === severity)])
    .filter(([, list]) => list.length);
  const other = lints.filter((l) => !SEVERITY_ORDER.includes(l.severity));
  if (other.length) groups.push(['other', other]);
  return el('details', { class: 'section lints', open: open || lints.some((l) => l.severity === 'error') },
    el('summary', {}, `Lint findings (${lints.length})`,
      groups.map(([severity, list]) => el('span', { class: `pill sev-${severity}`, text: `${list.length} ${humanKey(severity)}` }))),
    context,
    groups.map(([severity, list]) => el('div', { class: `lint-group sev-${severity}` },
      el('h4', { text: humanKey(severity) }),
      el('ul', {}, list.map((finding) => el('li', {},
        el('code', { text: finding.id }), ' ', finding.message,
        finding.citation ? el('span', { class: 'muted', text: ` (${finding.citation})` }) : null,
        finding.field && card ? el('button', { type: 'button', class: 'link show-field', 'data-target-field': finding.field,
          onclick: () => highlightField(card, finding.field) }, 'show field') : null))))));
}

/** Highlights the element of a card whose data-field matches (or starts) the given path. */
export function highlightField(card, field) {
  const candidates = [...card.querySelectorAll('[data-field]')];
  const target = candidates.find((n) => n.dataset.field === field)
    ?? candidates.find((n) => field.startsWith(n.dataset.field))
    ?? candidates.find((n) => n.dataset.field.startsWith(field.split('/')[0]));
  card.querySelectorAll('.highlight').forEach((n) => n.classList.remove('highlight'));
  if (!target) return null;
  target.closest('details')?.setAttribute('open', '');
  target.classList.add('highlight');
  target.scrollIntoView?.({ block: 'center' });
  return target;
}

function extensionList(extensions) {
  return el('ul', { class: 'extensions' }, extensions.map((ext) => {
    const value = ext.value ?? (ext.value_hex !== undefined ? { value_hex: ext.value_hex } : null);
    return el('li', { 'data-field': `extensions/${ext.name}` },
      el('strong', { text: ext.name }), ext.critical ? el('span', { class: 'pill warn', text: 'critical' }) : null,
      el('span', { class: 'muted', text: ` ${ext.oid}` }), el('div', { class: 'ext-value' }, valueTree(value)));
  }));
}

/** An algorithm's name; one the report names by its OID alone is unknown to certscope, and says
 * so (as the CLI's text does). `withOid` adds the dotted OID after a known name. */
function algorithmText(name, oid, withOid = false) {
  if (name === oid) return `${oid} (unknown algorithm)`;
  return withOid ? `${name} (${oid})` : name;
}

export function certificateCard(cert, report = {}, hooks = {}) {
  const key = cert.public_key;
  const keyText = [algorithmText(key.algorithm, key.oid), key.curve, key.bits ? `${key.bits} bits` : null,
    key.rsa_exponent ? `e=${key.rsa_exponent}` : null].filter(Boolean).join(', ');
  const card = el('article', { class: 'card certificate', 'data-sha256': cert.fingerprints.sha256, 'data-index': cert.index });
  // Sections a certificate does not have come back as null; append() would print "null".
  card.append(...[
    el('h3', { class: 'subject', text: cert.subject.rfc4514 || '(empty subject)' }),
    el('p', { class: 'origin', text: `#${cert.index + 1} · ${describeOrigin(cert.origin)}` }),
    cert.answer ? el('p', { class: 'answer', text: cert.answer }) : null,
    roleBadges(cert),
    warningList(cert),
    stackMatrix(cert),
    el('dl', { class: 'fields' },
      row('Subject', 'subject', el('span', { class: 'subject-dn', text: cert.subject.rfc4514 })),
      row('Issuer', 'issuer', el('span', { class: 'issuer-dn', text: cert.issuer.rfc4514 })),
      row('Validity', 'validity', validityTimeline(cert.validity, report.analysis_time)),
      row('Serial', 'serial', el('code', { text: cert.serial.hex }), cert.serial.decimal ? ` (${cert.serial.decimal})` : ''),
      row('Signature', 'signature_algorithm', algorithmText(cert.signature_algorithm.name, cert.signature_algorithm.oid, true)),
      row('Public key', 'public_key', keyText),
      row('SHA-256', 'fingerprints/sha256', el('code', { class: 'fingerprint sha256', text: colonHex(cert.fingerprints.sha256) }),
        copyButton(cert.fingerprints.sha256, 'SHA-256 fingerprint')),
      row('SHA-1', 'fingerprints/sha1', el('code', { class: 'fingerprint', text: colonHex(cert.fingerprints.sha1) })),
      row('SPKI pin', 'public_key/spki_sha256_base64', el('code', { text: `sha256/${key.spki_sha256_base64}` }),
        copyButton(key.spki_sha256_base64, 'SPKI pin')),
    ),
    identityBlock(cert.identity),
    purposesTable(cert.purposes),
    el('details', { class: 'section', 'data-field': 'extensions' }, el('summary', { text: `Extensions (${cert.extensions.length})` }), extensionList(cert.extensions)),
  ].filter((node) => node !== null && node !== undefined));
  card.append(lintPanel(cert.lints, card, { ruleSets: cert.lint_rule_sets }) ?? '');
  if (hooks.actions) card.append(hooks.actions(cert, card));
  return card;
}

export function genericCard(object, hooks = {}) {
  const { kind, index, origin, ...rest } = object;
  const card = el('article', { class: `card object kind-${kind}`, 'data-index': index },
    el('h3', { text: humanKey(kind) }),
    el('p', { class: 'origin', text: `#${index + 1} · ${describeOrigin(origin)}` }),
    valueTree(rest));
  if (hooks.actions && kind !== 'private_key') card.append(hooks.actions(object, card));
  return card;
}

export function problemCard(problem) {
  const error = problem.error ?? {};
  return el('article', { class: 'card problem', role: 'alert' },
    el('h3', { text: 'Could not decode part of the input' }),
    el('p', { class: 'error-message', text: `${describeOrigin(problem.origin)}: ${error.structure}: ${error.problem}` +
      (error.offset !== null && error.offset !== undefined ? ` (at byte ${error.offset} of ${error.length})` : '') }));
}

export function renderReport(results, report, sources = [], hooks = {}) {
  // Built off-document, then put in place at once.
  const nodes = document.createDocumentFragment();
  if (sources.length > 1) nodes.append(el('p', { class: 'sources', text: `Inputs: ${sources.join(', ')}` }));
  for (const object of report.objects) {
    nodes.append(object.kind === 'certificate' ? certificateCard(object, report, hooks) : genericCard(object, hooks));
  }
  for (const problem of report.problems) nodes.append(problemCard(problem));
  if (report.objects.length === 0 && report.problems.length === 0) {
    nodes.append(el('p', { class: 'empty', text: 'Nothing found in the input.' }));
  }
  results.replaceChildren(nodes);
}

/**
 * The result of the core's chain verification: the verdict with its explanation, each path
 * built with the checks on every link, missing issuers and unused certificates. Returns nodes;
 * `hooks.actions(result)` may add a node after them.
 */
export function chainView(result, hooks = {}) {
  const entries = result.certificates ?? [];
  const name = (i) => entries[i]?.subject || '(empty subject)';
  const stores = result.anchor_stores ?? [];
  const anchoredBy = result.anchored_by
    ? el('p', { class: 'anchored-by' }, 'Trust anchor from: ', el('strong', { text: result.anchored_by }))
    : '';
  const verdict = el('p', { class: `verdict ${result.valid ? 'ok' : 'bad'}`, role: 'status' },
    el('span', { class: 'verdict-label', text: result.valid ? '✔ Valid' : '✖ Not valid' }), ': ',
    el('span', { class: 'verdict-explanation', text: result.explanation ?? (result.valid ? 'a path reaches a trust anchor and every check passes.' : '') }));
  const paths = (result.paths ?? []).map((path, p) => {
    const chosen = p === result.chosen;
    const links = path.certificates.map((certIndex, position) => {
      const checks = (path.checks ?? []).filter((c) => c.certificate === certIndex);
      const failed = checks.filter((c) => !c.passed);
      const entry = entries[certIndex] ?? {};
      return el('li', { class: `link ${failed.length ? 'failed' : 'passed'}`, 'data-source': entry.source },
        el('div', { class: 'link-head' },
          el('span', { class: 'pill', text: position === 0 ? 'target' : (entry.source === 'anchor' ? 'anchor' : 'intermediate') }),
          stores[certIndex] && position !== 0 ? el('span', { class: 'pill store', text: stores[certIndex] }) : null,
          ' ', el('strong', { text: name(certIndex) })),
        failed.map((c) => el('p', { class: 'failed-check' }, `✖ ${c.name}: ${c.explanation}`, c.citation ? el('span', { class: 'muted', text: ` (${c.citation})` }) : null)),
        el('details', {}, el('summary', { text: `${checks.length} checks` }),
          el('ul', { class: 'checks' }, checks.map((c) => el('li', { class: c.passed ? 'pass' : 'fail' },
            c.passed ? '✔ ' : '✖ ', el('strong', { text: c.name }), `: ${c.explanation}`)))));
    });
    return el('div', { class: `path ${chosen ? 'chosen' : ''}` },
      el('h4', {}, chosen ? `Chosen path (${result.chosen_because ?? ''})` : `Path ${p + 1}`, path.valid ? ' — valid' : ` — fails: ${path.explanation ?? ''}`),
      path.profile && path.profile !== result.profile
        ? el('p', { class: 'path-profile' }, 'Profile: ', el('strong', { text: path.profile }), ` — ${path.profile_because ?? ''}`)
        : '',
      el('ol', { class: 'chain-diagram' }, links),
      webPkiFindings(path, name),
      path.valid_policy_tree?.length
        ? el('details', { class: 'policy-tree' }, el('summary', { text: `Valid policy tree (${path.valid_policy_tree.length} ${path.valid_policy_tree.length === 1 ? 'branch' : 'branches'})` }),
          el('ul', {}, path.valid_policy_tree.map((branch) => el('li', {}, el('code', { text: branch.join(' → ') })))))
        : '',
      policySets(path),
      revocationList(path, name));
  });
  const missing = (result.missing_issuers ?? []).map((m) => el('li', {},
    `Missing issuer of ${name(m.certificate)}: ${m.issuer}`, m.key_identifier ? ` (key id ${colonHex(m.key_identifier)})` : '',
    ...(m.ca_issuers ?? []).map((url) => el('span', { class: 'aia' }, ' — caIssuers: ', el('code', { text: url }), copyButton(url, 'caIssuers URL')))));
  const unused = (result.unused_certificates ?? []).map((i) => el('li', { text: name(i) }));
  const profile = result.profile
    ? el('p', { class: 'profile' }, 'Profile: ', el('strong', { text: result.profile }), ` — ${result.profile_because ?? ''}`)
    : '';
  return [verdict, profile, stackAnswers(result.stacks), stackVerdicts(result.stack_verdicts), anchoredBy,
    result.wrong_order ? el('p', { class: 'warn-text', text: 'The certificates were given out of order: each certificate should be followed by its issuer.' }) : '',
    ...paths,
    missing.length ? el('div', { class: 'missing' }, el('h4', { text: 'Missing issuers' }), el('ul', {}, missing)) : '',
    unused.length ? el('div', { class: 'unused' }, el('h4', { text: 'Certificates no path uses' }), el('ul', {}, unused)) : '',
    hooks.actions ? hooks.actions(result) : ''];
}

/** What each TLS stack decides for the target as an end entity, the refusals with their reason. */
function stackAnswers(stacks) {
  if (!stacks?.length) return '';
  const accepting = stacks.filter((s) => s.accepts).map((s) => s.stack);
  return el('div', { class: 'stacks' },
    el('p', {}, 'TLS stacks, the target as the end entity: accepted by ', el('strong', { text: accepting.length ? accepting.join(', ') : 'none' })),
    el('ul', {}, stacks.filter((s) => !s.accepts).map((s) => el('li', { class: 'stack-refuses', 'data-stack': s.stack },
      'refused by ', el('strong', { text: s.stack }), `: ${s.reason}`))));
}

/** The Web PKI's rules a path breaks when the verdict is the TLS stacks': findings, not failures. */
function webPkiFindings(path, name) {
  const findings = path.web_pki_findings ?? [];
  if (findings.length === 0) return '';
  return el('div', { class: 'web-pki-findings' },
    el('h5', { text: 'Web PKI: a publicly trusted CA could not issue this, because:' }),
    el('ul', {}, findings.map((c) => el('li', {}, el('strong', { text: c.name }), ` on ${name(c.certificate)}: ${c.explanation}`,
      c.citation ? el('span', { class: 'muted', text: ` (${c.citation})` }) : null))));
}

/** The policy sets of RFC 5280 6.1.6 for one path: the authorities' and the user's. */
function policySets(path) {
  const list = (set) => (set?.length ? set.join(', ') : 'none');
  return el('p', { class: 'policy-sets' },
    'Policies: authorities-constrained ', el('code', { text: list(path.authorities_constrained_policies) }),
    '; user-constrained ', el('code', { text: list(path.valid_policies) }));
}

/** Each certificate's revocation status (RFC 5280 6.3) and the CRLs set aside, when checked. */
function revocationList(path, name) {
  const statuses = path.revocation ?? [];
  const unused = path.unused_crls ?? [];
  if (statuses.length === 0 && unused.length === 0) return '';
  const text = (r) => {
    if (r.status === 'revoked') return `revoked (${r.reason ?? 'unspecified'}, ${r.date ?? ''})`;
    if (r.status === 'good') return 'good';
    return `undetermined: ${r.why ?? ''}`;
  };
  return el('div', { class: 'revocation' }, el('h5', { text: 'Revocation' }),
    el('ul', {},
      statuses.map((r) => el('li', { class: `revocation-${r.status}` }, el('strong', { text: name(r.certificate) }), `: ${text(r)}`,
        r.dropped?.length ? el('ul', {}, r.dropped.map((d) => el('li', { class: 'muted', text: `CRL #${d.crl + 1} set aside: ${d.reason}` }))) : '')),
      unused.map((d) => el('li', { class: 'muted', text: `CRL #${d.crl + 1} unused: ${d.reason}` }))));
}

/** The core's lint results (one entry per certificate: index, subject, findings, rule sets). */
export function lintView(entries) {
  if (entries.length === 0) return [el('p', { class: 'empty', text: 'No certificate in the input.' })];
  return entries.map((entry) => el('article', { class: 'card lint-result', 'data-index': entry.index },
    el('h3', { class: 'subject', text: entry.subject || '(empty subject)' }),
    el('p', { class: 'origin', text: `#${entry.index + 1}` }),
    lintPanel(entry.findings, null, { open: true, ruleSets: entry.rule_sets })));
}
