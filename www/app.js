// The page: reads what the user gives, asks the worker (the wasm core) to analyse and verify,
// and renders the core's reports. It never derives a verdict itself.
import { el, renderReport, chainView, lintPanel } from './render.js';
import { asn1Panel } from './asn1view.js';
import { connect } from './client.js';

// The core runs in a worker, through the one client (client.js). It starts first: the wasm
// module is fetched and compiled here while the worker loads its scripts, then handed over.
const client = connect();

const $ = (selector) => document.querySelector(selector);

/**
 * Runs one operation of the core in the worker: analyze, verify, asn1 or stores.
 * `extra.store` names a root store the worker adds to verify's anchors; `extra.onProgress`
 * receives the worker's progress messages.
 */
const call = (op, args, extra = {}) => client.call(op, args, extra);

// ---- busy indicator: a spinner beside the status line, aria-busy on the region at work ----

let busyCount = 0;
/** Marks `region` busy and shows `text` with the spinner; `progress(text)` updates the text, `end()` clears. */
function busy(region, text) {
  busyCount += 1;
  region.setAttribute('aria-busy', 'true');
  $('#busy').hidden = false;
  status(text);
  let done = false;
  return {
    progress: (message) => { if (!done) status(message); },
    end: () => {
      if (done) return;
      done = true;
      busyCount -= 1;
      region.setAttribute('aria-busy', 'false');
      if (busyCount === 0) $('#busy').hidden = true;
    },
  };
}

// What the user gave: a list of inputs (pasted text or files), and the merged report.
const state = { inputs: [], report: null, objects: [], chain: null, mozillaLabel: null, relinted: new Set() };

function status(text) {
  $('#status').textContent = text;
}

function analysisOptions() {
  const at = $('#at').value;
  const options = {};
  if (at) options.at = new Date(`${at}Z`).toISOString().replace('.000Z', 'Z');
  const password = $('#password').value;
  if (password) options.password = password;
  return options;
}

async function analyzeAll() {
  if (state.inputs.length === 0) return;
  const work = busy($('#results'), 'Analysing…');
  const started = performance.now();
  try {
    const reports = [];
    for (const [n, input] of state.inputs.entries()) {
      const prefix = state.inputs.length > 1 ? `${input.name} (${n + 1} of ${state.inputs.length}): ` : '';
      reports.push(await call('analyze', [input.data, analysisOptions()], { onProgress: (text) => work.progress(prefix + text) }));
    }
    const merged = { ...reports[0], objects: [], problems: [] };
    state.objects = [];
    reports.forEach((report, inputIndex) => {
      for (const object of report.objects) {
        state.objects.push({ input: inputIndex, local: object.index, kind: object.kind, object });
        merged.objects.push({ ...object, index: merged.objects.length });
      }
      merged.problems.push(...report.problems);
    });
    state.report = merged;
    renderPasswordPrompt(merged.problems);
    renderReport($('#results'), merged, state.inputs.map((i) => i.name), { actions: objectActions });
    state.relinted = new Set();
    renderChainControls();
    const count = merged.objects.length;
    status(`${count} object${count === 1 ? '' : 's'} found in ${Math.round(performance.now() - started)} ms`);
    document.body.dataset.state = 'analysed';
    offerStores();
  } catch (error) {
    status('');
    $('#results').replaceChildren(el('article', { class: 'card problem', role: 'alert' },
      el('h3', { text: 'The input was refused' }), el('p', { class: 'error-message', text: error.message })));
  } finally {
    work.end();
  }
}

// ---- passwords: asked for when the core reports an input it cannot open without one ----

/** Shows the password prompt when a problem is a missing or wrong password (the core's kinds). */
function renderPasswordPrompt(problems) {
  const locked = problems.filter((p) => p.kind === 'password_required' || p.kind === 'wrong_password');
  const row = $('#password-row');
  const message = $('#password-message');
  row.hidden = locked.length === 0 && !$('#password').value;
  if (locked.length === 0) {
    message.replaceChildren();
    message.className = '';
    return;
  }
  const wrong = locked.find((p) => p.kind === 'wrong_password');
  message.className = wrong ? 'error-message' : '';
  message.textContent = wrong
    ? `Wrong password: ${wrong.error?.problem ?? 'it does not open the file'}. Try again.`
    : 'This input is protected by a password. Enter it and press Open.';
  $('#password').focus();
}

// ---- exports, all generated locally ----

function download(name, type, data) {
  const url = URL.createObjectURL(new Blob([data], { type }));
  const link = el('a', { href: url, download: name });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

const hexToBytes = (hex) => new Uint8Array(hex.match(/.{2}/g)?.map((b) => parseInt(b, 16)) ?? []);
function toPem(label, bytes) {
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  const body = btoa(binary).match(/.{1,64}/g)?.join('\n') ?? '';
  return `-----BEGIN ${label}-----\n${body}\n-----END ${label}-----\n`;
}
const PEM_LABELS = { certificate: 'CERTIFICATE', csr: 'CERTIFICATE REQUEST', crl: 'X509 CRL', public_key: 'PUBLIC KEY' };

async function objectDer(globalIndex) {
  const entry = state.objects[globalIndex];
  const view = await call('asn1', [state.inputs[entry.input].data, entry.local]);
  return { view, bytes: hexToBytes(view.der_hex) };
}

function objectActions(object, card) {
  const index = object.index;
  const label = PEM_LABELS[object.kind];
  const name = `certscope-${index + 1}`;
  const bar = el('div', { class: 'object-actions' });
  if (object.kind === 'certificate') {
    const trust = el('input', { type: 'checkbox', class: 'trust', id: `trust-${index}`, 'data-index': index });
    bar.append(el('label', { class: 'inline', for: `trust-${index}` }, trust, ' Trust anchor'));
  }
  if (label) {
    bar.append(
      el('button', { type: 'button', class: 'secondary export-pem', onclick: async () => download(`${name}.pem`, 'application/x-pem-file', toPem(label, (await objectDer(index)).bytes)) }, 'PEM'),
      el('button', { type: 'button', class: 'secondary export-der', onclick: async () => download(`${name}.der`, 'application/octet-stream', (await objectDer(index)).bytes) }, 'DER'),
      el('button', { type: 'button', class: 'secondary show-asn1', 'aria-expanded': 'false', onclick: async (event) => {
        const button = event.currentTarget;
        const existing = card.querySelector('.asn1-panel');
        if (existing) {
          existing.remove();
          button.setAttribute('aria-expanded', 'false');
          return;
        }
        const { view, bytes } = await objectDer(index);
        card.append(asn1Panel(view, bytes, card));
        button.setAttribute('aria-expanded', 'true');
      } }, 'ASN.1'));
  }
  return bar;
}

// ---- chain ----

function renderChainControls() {
  const certificates = state.report.objects.filter((o) => o.kind === 'certificate');
  const section = $('#chain');
  section.hidden = certificates.length === 0;
  const target = $('#target');
  target.replaceChildren(...certificates.map((c) => el('option', { value: c.index, text: `#${c.index + 1} ${c.subject.rfc4514 || '(empty subject)'}` })));
  $('#chain-result').replaceChildren();
}

async function verifyChain() {
  const trusted = [...document.querySelectorAll('input.trust:checked')].map((c) => Number(c.dataset.index));
  const options = {
    ...analysisOptions(),
    target: Number($('#target').value || 0),
    trusted,
    purpose: $('#purpose').value,
    profile: $('#profile').value,
  };
  const host = $('#host').value.trim();
  if (host) options.host = host;
  const policies = $('#policies').value.split(/[\s,]+/).filter(Boolean);
  if (policies.length) options.policies = policies;
  if ($('#explicit-policy').checked) options.explicit_policy = true;
  if ($('#inhibit-policy-mapping').checked) options.inhibit_policy_mapping = true;
  if ($('#inhibit-any-policy').checked) options.inhibit_any_policy = true;
  if ($('#require-revocation').checked) options.require_revocation = true;
  const store = $('#mozilla').checked ? 'mozilla' : undefined;
  const work = busy($('#chain-result'), 'Verifying…');
  try {
    const result = await call('verify', [state.inputs.map((i) => i.data), options], { store, onProgress: work.progress });
    state.chain = result;
    renderChain(result);
    await relintPath(result);
    status(result.valid ? 'The chain is valid for this purpose.' : 'The chain is not valid for this purpose.');
  } catch (error) {
    $('#chain-result').replaceChildren(el('p', { class: 'card problem error-message', role: 'alert', text: error.message }));
    status('');
  } finally {
    work.end();
  }
}

/**
 * Offers the root stores this build ships (read from a small manifest, not the stores). Asked
 * once, after the first report is drawn: the choice sits in the chain section, which only a
 * report with certificates shows.
 */
let storesAsked = false;
async function offerStores() {
  if (storesAsked) return;
  storesAsked = true;
  const stores = await call('stores', []);
  const mozilla = stores?.mozilla;
  if (!mozilla) return;
  state.mozillaLabel = mozilla.label;
  $('#mozilla-label').textContent = mozilla.label;
  $('#mozilla-row').hidden = false;
}

// ---- lints under a public hierarchy ----

/** Replaces the lint panel of the certificate card with this global index. */
function replaceLints(index, findings, ruleSets, note) {
  const card = document.querySelector(`#results article.certificate[data-index="${index}"]`);
  if (!card) return;
  const panel = lintPanel(findings, card, { ruleSets, note, open: Boolean(note) });
  const old = card.querySelector(':scope > .lints, :scope > .lints-clean');
  if (old) old.replaceWith(panel);
  else card.append(panel);
}

/**
 * After a verification whose chosen path ends at a root of the Mozilla store, the core lints
 * the path's certificates again as members of a public hierarchy: Baseline Requirements
 * findings that the analysis, knowing no chain, reported as advice are errors. Any other
 * verification puts the analysis's findings back.
 */
async function relintPath(result) {
  for (const index of state.relinted) {
    const object = state.report.objects[index];
    replaceLints(index, object.lints, object.lint_rule_sets, null);
  }
  state.relinted = new Set();
  const label = state.mozillaLabel;
  const path = result.paths?.[result.chosen];
  if (!label || !path || result.anchored_by !== label) return;
  const byInput = new Map();
  for (const certIndex of path.certificates) {
    const sha256 = result.certificates[certIndex]?.sha256;
    const object = state.report.objects.find((o) => o.kind === 'certificate' && o.fingerprints.sha256 === sha256);
    if (!object) continue; // the root, which came from the store
    const { input, local } = state.objects[object.index];
    if (!byInput.has(input)) byInput.set(input, []);
    byInput.get(input).push({ index: object.index, local });
  }
  const note = `Linted as part of a public hierarchy: the chain ends at a root of ${label}, so Baseline Requirements findings are errors, not advice.`;
  for (const [input, wanted] of byInput) {
    const options = { ...analysisOptions(), hierarchy: 'public', public_store: label };
    const results = await call('lint', [state.inputs[input].data, options]);
    for (const { index, local } of wanted) {
      const entry = results.find((r) => r.index === local);
      if (!entry) continue;
      replaceLints(index, entry.findings, entry.rule_sets, note);
      state.relinted.add(index);
    }
  }
}

function renderChain(result) {
  $('#chain-result').replaceChildren(...chainView(result, {
    actions: () => el('div', { class: 'object-actions' },
      el('button', { type: 'button', class: 'secondary export-chain', onclick: exportChain }, 'Export chosen path as PEM bundle')),
  }));
}

async function exportChain() {
  const result = state.chain;
  const path = result?.paths?.[result.chosen ?? 0];
  if (!path) return;
  const pems = [];
  for (const certIndex of path.certificates) {
    const entry = result.certificates[certIndex];
    const object = state.report.objects.find((o) => o.kind === 'certificate' && o.fingerprints.sha256 === entry.sha256);
    if (object) pems.push(toPem('CERTIFICATE', (await objectDer(object.index)).bytes));
  }
  download('certscope-chain.pem', 'application/x-pem-file', pems.join(''));
}

// ---- inputs ----

async function addFiles(files) {
  state.inputs = [];
  for (const file of files) state.inputs.push({ name: file.name, data: new Uint8Array(await file.arrayBuffer()) });
  await analyzeAll();
}

$('#analyze').addEventListener('click', () => {
  state.inputs = [{ name: 'pasted text', data: $('#pem').value }];
  analyzeAll();
});
$('#pem').addEventListener('keydown', (event) => {
  if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) $('#analyze').click();
});
$('#files').addEventListener('change', (event) => addFiles([...event.target.files]));
$('#verify').addEventListener('click', verifyChain);
$('#unlock').addEventListener('click', analyzeAll);
$('#password').addEventListener('keydown', (event) => {
  if (event.key === 'Enter') analyzeAll();
});
$('#export-json').addEventListener('click', () => {
  if (state.report) download('certscope-report.json', 'application/json', JSON.stringify({ report: state.report, chain: state.chain }, null, 2));
});

const overlay = $('#drop-overlay');
document.addEventListener('dragover', (event) => {
  event.preventDefault();
  overlay.hidden = false;
});
document.addEventListener('dragleave', (event) => {
  if (event.relatedTarget === null) overlay.hidden = true;
});
document.addEventListener('drop', (event) => {
  event.preventDefault();
  overlay.hidden = true;
  const files = [...(event.dataTransfer?.files ?? [])];
  if (files.length) addFiles(files);
});

// ---- private sharing through the URL fragment (never sent to a server), only on request ----

async function deflate(text) {
  const stream = new Blob([text]).stream().pipeThrough(new CompressionStream('deflate-raw'));
  const bytes = new Uint8Array(await new Response(stream).arrayBuffer());
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary).replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, '');
}
async function inflate(encoded) {
  const binary = atob(encoded.replaceAll('-', '+').replaceAll('_', '/'));
  const bytes = Uint8Array.from(binary, (c) => c.charCodeAt(0));
  const stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('deflate-raw'));
  return new Response(stream).text();
}
$('#share').addEventListener('click', async () => {
  const text = $('#pem').value;
  if (!text.trim()) return status('Paste something first: only pasted text can be shared.');
  history.replaceState(null, '', `#input=${await deflate(text)}`);
  status('The input is now in this page\'s URL fragment, which browsers never send to a server. Copy the address to share it.');
});
if (location.hash.startsWith('#input=')) {
  inflate(location.hash.slice(7)).then((text) => {
    $('#pem').value = text;
    $('#analyze').click();
  }).catch(() => status('The URL fragment does not hold a valid shared input.'));
}
