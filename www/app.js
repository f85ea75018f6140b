// The page: reads what the user gives, sends it to the worker, renders the core's report.
// It never derives a verdict itself.

import { el, renderReport } from './render.js';

const $ = (selector) => document.querySelector(selector);
const worker = new Worker(new URL('./worker.js', import.meta.url), { type: 'module' });
let nextId = 1;
const pending = new Map();

worker.onmessage = (event) => {
  const { id, report, error } = event.data;
  const entry = pending.get(id);
  if (!entry) return;
  pending.delete(id);
  if (error !== undefined) entry.reject(new Error(error));
  else entry.resolve(report);
};

function analyze(input, options = {}) {
  const id = nextId++;
  return new Promise((resolve, reject) => {
    pending.set(id, { resolve, reject });
    worker.postMessage({ id, input, options });
  });
}

async function run(input, sources) {
  const status = $('#status');
  status.textContent = 'Analysing…';
  try {
    const report = await analyze(input);
    const count = report.objects.length;
    status.textContent = `${count} object${count === 1 ? '' : 's'} found`;
    renderReport($('#results'), report, sources);
  } catch (error) {
    status.textContent = '';
    $('#results').replaceChildren(el('article', { class: 'card problem', role: 'alert' },
      el('h3', { text: 'The input was refused' }), el('p', { class: 'error-message', text: error.message })));
  }
}

async function readFiles(files) {
  const parts = [];
  for (const file of files) parts.push(new Uint8Array(await file.arrayBuffer()));
  // Several files: analyse each and merge the reports in order.
  const reports = [];
  for (const bytes of parts) reports.push(await analyze(bytes.buffer));
  const merged = { ...reports[0], objects: [], problems: [] };
  for (const r of reports) {
    for (const o of r.objects) merged.objects.push({ ...o, index: merged.objects.length });
    merged.problems.push(...r.problems);
  }
  renderReport($('#results'), merged, files.map((f) => f.name));
  $('#status').textContent = `${merged.objects.length} objects found in ${files.length} files`;
}

$('#analyze').addEventListener('click', () => run($('#pem').value, []));
$('#pem').addEventListener('keydown', (event) => {
  if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) run($('#pem').value, []);
});
$('#files').addEventListener('change', (event) => readFiles([...event.target.files]));

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
  if (files.length) readFiles(files);
});
