// certscope's wasm against the JavaScript X.509 libraries, in one Node process, on one corpus.
//
//   (a) parse: DER in, then read subject, issuer, SAN, EKU, validity and key algorithm.
//   (b) chains: leaf -> intermediate -> root per key type; each chain parses its three
//       certificates from DER and verifies both signatures (leaf by intermediate, intermediate
//       by root), one chain after another (sequential, awaited).
//   (c) certscope's full analysis (decode and every section of the report), for reference.
//
// Prints certs/s and chains/s, best of RUNS runs after a warm-up run, certscope's ratio to
// each library, and the load average before and after. Usage: node node-bench.mjs [--quick]
// (run.sh is the documented command; it builds the wasm and the corpus first).
// CERTSCOPE_PKG=<dir> benchmarks another build of the npm package.
import { X509Certificate as NodeX509, webcrypto } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as peculiar from '@peculiar/x509';
import * as pkijs from 'pkijs';
import jsrsasign from 'jsrsasign';
import forge from 'node-forge';

const HERE = fileURLToPath(new URL('.', import.meta.url));
const QUICK = process.argv.includes('--quick');
const RUNS = QUICK ? 2 : 5;
const AT = '2027-01-01T00:00:00Z';

// certscope: the npm package's Node entry initialises the module; the glue it wraps is then
// called directly, so no promise is awaited per certificate.
// CERTSCOPE_PKG points at another build of the package (default: ../pkg-npm).
const PKG = process.env.CERTSCOPE_PKG ?? join(HERE, '../pkg-npm');
const certscopeNode = await import(join(PKG, 'node.js'));
await certscopeNode.init();
const certscope = await import(join(PKG, 'certscope_wasm.js'));

// ---------------------------------------------------------------------------------------------
// Corpus
const CORPUS = join(HERE, 'corpus');
const manifest = JSON.parse(readFileSync(join(CORPUS, 'manifest.json'), 'utf8'));
const read = (file) => new Uint8Array(readFileSync(file));
const chainsByType = {};
const leaves = [];
for (const type of manifest.types) {
  const dir = join(CORPUS, type);
  const root = read(join(dir, 'root.der'));
  const intermediate = read(join(dir, 'intermediate.der'));
  const typeLeaves = readdirSync(dir).filter((f) => f.startsWith('leaf-')).sort().map((f) => read(join(dir, f)));
  leaves.push(...typeLeaves.map((der) => ({ type, der })));
  chainsByType[type] = typeLeaves.map((leaf) => [leaf, intermediate, root]);
}
const systemRoots = readdirSync(join(CORPUS, 'system')).sort().map((f) => ({ type: 'system', der: read(join(CORPUS, 'system', f)) }));
// Interleaved (one leaf of each key type in turn, system roots spread among them), so a run cut
// short by RUN_SECONDS still sees the corpus's mix.
const parseCorpus = [...leaves, ...systemRoots]
  .map((cert, i, all) => ({ cert, key: (i % 200) + i / all.length }))
  .sort((a, b) => a.key - b.key)
  .map(({ cert }) => cert);

// ---------------------------------------------------------------------------------------------
// (a) Parse and read the fields, one function per library. Each returns the fields it read.
const hex = (der) => Buffer.from(der).toString('hex');
const binary = (der) => Buffer.from(der).toString('binary');

const parsers = {
  certscope: (der) => {
    // The quick look: one DER certificate decoded, its essentials as a plain object.
    const [c] = certscope.summarize(der);
    return {
      subject: c.subject, issuer: c.issuer, san: c.subject_alt_names, eku: c.extended_key_usage,
      notBefore: c.not_before, notAfter: c.not_after, key: c.key_algorithm,
    };
  },
  'node:crypto X509Certificate': (der) => {
    const c = new NodeX509(der);
    return {
      subject: c.subject, issuer: c.issuer, san: c.subjectAltName, eku: c.keyUsage,
      notBefore: c.validFrom, notAfter: c.validTo, key: c.publicKey.asymmetricKeyType,
    };
  },
  pkijs: (der) => {
    const c = pkijs.Certificate.fromBER(der);
    const ext = (oid) => c.extensions?.find((e) => e.extnID === oid)?.parsedValue;
    const name = (n) => n.typesAndValues.map((tv) => `${tv.type}=${tv.value.valueBlock.value}`).join(',');
    return {
      subject: name(c.subject), issuer: name(c.issuer),
      san: ext('2.5.29.17')?.altNames.map((n) => n.value), eku: ext('2.5.29.37')?.keyPurposes,
      notBefore: c.notBefore.value, notAfter: c.notAfter.value,
      key: c.subjectPublicKeyInfo.algorithm.algorithmId,
    };
  },
  '@peculiar/x509': (der) => {
    const c = new peculiar.X509Certificate(der);
    return {
      subject: c.subject, issuer: c.issuer,
      san: c.getExtension(peculiar.SubjectAlternativeNameExtension)?.names.toJSON(),
      eku: c.getExtension(peculiar.ExtendedKeyUsageExtension)?.usages,
      notBefore: c.notBefore, notAfter: c.notAfter, key: c.publicKey.algorithm.name,
    };
  },
  jsrsasign: (der) => {
    const c = new jsrsasign.X509();
    const h = hex(der);
    c.readCertHex(h);
    const algorithm = jsrsasign.ASN1HEX.getVbyList(h, c.getPublicKeyIdx(), [0, 0], '06');
    return {
      subject: c.getSubjectString(), issuer: c.getIssuerString(),
      san: c.getExtSubjectAltName(), eku: c.getExtExtKeyUsage(),
      notBefore: c.getNotBefore(), notAfter: c.getNotAfter(),
      key: jsrsasign.KJUR.asn1.x509.OID.oid2name(jsrsasign.ASN1HEX.hextooidstr(algorithm)),
    };
  },
  'node-forge': (der) => {
    // forge decodes the public key while parsing and throws on any key but RSA.
    const c = forge.pki.certificateFromAsn1(forge.asn1.fromDer(binary(der)));
    const attrs = (n) => n.attributes.map((a) => `${a.shortName ?? a.type}=${a.value}`).join(',');
    return {
      subject: attrs(c.subject), issuer: attrs(c.issuer),
      san: c.getExtension('subjectAltName')?.altNames, eku: c.getExtension('extKeyUsage'),
      notBefore: c.validity.notBefore, notAfter: c.validity.notAfter, key: c.publicKey.n ? 'RSA' : '?',
    };
  },
};

// ---------------------------------------------------------------------------------------------
// (b) Chain verification, one function per library: parse the three DER certificates, verify
// leaf by intermediate and intermediate by root. Resolves true when both signatures verify.

/**
 * certscope's chain verification: the three DER certificates as one input list, the first the
 * target, the last the trusted anchor; the whole path is built and validated (signatures,
 * validity, constraints, key usage), not only the two signatures.
 */
async function certscopeVerifyChain(chainDer) {
  const report = certscope.verify(chainDer, { at: AT, target: 0, trusted: [2], purpose: 'any' });
  return report.valid === true;
}

pkijs.setEngine('node', new pkijs.CryptoEngine({ name: 'node', crypto: webcrypto }));
peculiar.cryptoProvider.set(webcrypto);

const verifiers = {
  certscope: { native: 'no: pure Rust in wasm', verify: certscopeVerifyChain },
  'node:crypto X509Certificate': {
    native: 'yes: OpenSSL',
    verify: async ([l, i, r]) => {
      const [leaf, intermediate, root] = [new NodeX509(l), new NodeX509(i), new NodeX509(r)];
      return leaf.verify(intermediate.publicKey) && intermediate.verify(root.publicKey);
    },
  },
  pkijs: {
    native: 'yes: WebCrypto',
    verify: async ([l, i, r]) => {
      const [leaf, intermediate, root] = [l, i, r].map((d) => pkijs.Certificate.fromBER(d));
      return (await leaf.verify(intermediate)) && (await intermediate.verify(root));
    },
  },
  '@peculiar/x509': {
    native: 'yes: WebCrypto',
    verify: async ([l, i, r]) => {
      const [leaf, intermediate, root] = [l, i, r].map((d) => new peculiar.X509Certificate(d));
      return (await leaf.verify({ publicKey: intermediate.publicKey, signatureOnly: true })) &&
        (await intermediate.verify({ publicKey: root.publicKey, signatureOnly: true }));
    },
  },
  jsrsasign: {
    native: 'no: pure JavaScript',
    verify: async ([l, i, r]) => {
      const [leaf, intermediate, root] = [l, i, r].map((d) => {
        const c = new jsrsasign.X509();
        c.readCertHex(hex(d));
        return c;
      });
      return leaf.verifySignature(intermediate.getPublicKey()) &&
        intermediate.verifySignature(root.getPublicKey());
    },
  },
  'node-forge': {
    native: 'no: pure JavaScript',
    verify: async ([l, i, r]) => {
      const [leaf, intermediate, root] = [l, i, r].map((d) =>
        forge.pki.certificateFromAsn1(forge.asn1.fromDer(binary(d))));
      return intermediate.verify(leaf) && root.verify(intermediate);
    },
  },
};

// ---------------------------------------------------------------------------------------------
// Timing: one warm-up run, then RUNS runs; the best run counts. A run stops early once it has
// taken RUN_SECONDS (slow libraries then handle fewer items per run; the rate is per item).
const RUN_SECONDS = QUICK ? 0.5 : 2;
async function measure(items, fn) {
  let best = 0;
  for (let run = 0; run <= RUNS; run++) {
    const start = process.hrtime.bigint();
    let done = 0;
    let seconds = 0;
    for (const item of items) {
      await fn(item);
      done++;
      seconds = Number(process.hrtime.bigint() - start) / 1e9;
      if (seconds > RUN_SECONDS) break;
    }
    if (run > 0) best = Math.max(best, done / seconds);
  }
  return best;
}

/** Runs `fn` once over every item; returns the items it handles and the first failure. */
async function probe(items, fn) {
  const ok = [];
  let failure = null;
  for (const item of items) {
    try {
      const result = await fn(item);
      if (result === false) throw new Error('signature did not verify');
      ok.push(item);
    } catch (error) {
      failure ??= error.message.split('\n')[0].slice(0, 70);
    }
  }
  return { ok, failure };
}

const fmt = (n) => (n >= 100 ? Math.round(n).toLocaleString('en-US') : n.toFixed(1));
const load = () => loadavg().map((l) => l.toFixed(2)).join(' ');
const table = (rows) => {
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => String(r[c]).length)));
  for (const r of rows) console.log(r.map((cell, c) => String(cell).padEnd(widths[c])).join('  '));
};

console.log(`certscope ${certscopeNode.version()} vs JavaScript X.509 libraries`);
console.log(`Node ${process.version}, ${cpus().length} cores (${cpus()[0].model}), best of ${RUNS} runs after a warm-up`);
console.log(`load average at start: ${load()}`);
console.log(`corpus: ${leaves.length} leaves over ${manifest.types.join(', ')} + ${systemRoots.length} system roots (seed ${manifest.seed})`);

// (a)
console.log(`\n(a) parse DER and read subject, issuer, SAN, EKU, validity, key algorithm: ${parseCorpus.length} certificates`);
const parseRates = {};
const parseRows = [['library', 'certs/s', 'certscope ×', 'handled']];
for (const [name, fn] of Object.entries(parsers)) {
  const { ok, failure } = await probe(parseCorpus, (c) => fn(c.der));
  const rate = ok.length ? await measure(ok, (c) => fn(c.der)) : 0;
  parseRates[name] = rate;
  const handled = `${ok.length}/${parseCorpus.length}${failure ? ` (fails: ${failure})` : ''}`;
  parseRows.push([name, fmt(rate), '', handled]);
}
for (const row of parseRows.slice(1)) row[2] = row[0] === 'certscope' ? '' : `${(parseRates.certscope / parseRates[row[0]]).toFixed(2)}x`;
table(parseRows);

// (b)
console.log('\n(b) chains leaf -> intermediate -> root: parse 3 certificates, verify 2 signatures, sequentially');
const chainRows = [['library', 'native crypto', ...manifest.types.map((t) => `${t} chains/s`)]];
const chainRates = {};
const notes = [];
for (const [name, { native, verify }] of Object.entries(verifiers)) {
  const row = [name, native];
  chainRates[name] = {};
  for (const type of manifest.types) {
    const chains = chainsByType[type];
    const { ok, failure } = await probe(chains.slice(0, 3), verify);
    if (ok.length < 3) {
      row.push('n/a');
      notes.push(`${name} ${type}: ${failure}`);
      continue;
    }
    const rate = await measure(chains, verify);
    chainRates[name][type] = rate;
    row.push(fmt(rate));
  }
  chainRows.push(row);
}
table(chainRows);
if (chainRates.certscope && Object.keys(chainRates.certscope).length) {
  console.log('\ncertscope chains/s ÷ library chains/s');
  const ratioRows = [['library', ...manifest.types]];
  for (const name of Object.keys(verifiers).filter((n) => n !== 'certscope')) {
    ratioRows.push([name, ...manifest.types.map((t) =>
      chainRates.certscope[t] && chainRates[name][t] ? `${(chainRates.certscope[t] / chainRates[name][t]).toFixed(2)}x` : 'n/a')]);
  }
  table(ratioRows);
}
for (const note of notes) console.log(`  note: ${note}`);

// (c)
console.log(`\n(c) certscope full analysis (report for each certificate): ${parseCorpus.length} certificates`);
const full = await measure(parseCorpus, (c) => certscope.analyze(c.der, { at: AT }));
console.log(`certscope analyze: ${fmt(full)} certs/s`);
const pem = parseCorpus.slice(0, 3).map((c) => `-----BEGIN CERTIFICATE-----\n${Buffer.from(c.der).toString('base64')}\n-----END CERTIFICATE-----\n`).join('');
const bundle = await measure(Array.from({ length: 200 }, () => pem), (p) => certscope.analyze(p, { at: AT }));
console.log(`certscope analyze of a 3-certificate PEM bundle: ${fmt(bundle)} bundles/s`);

console.log(`\nload average at end: ${load()}`);
