// A small TypeScript consumer of the package, type-checked with tsc --strict.
import { analyze, init, summarize, type Report, type CertificateReport, type AnalyzeOptions, type Summary } from 'certscope';

export async function subjects(pem: string, at?: string): Promise<string[]> {
  await init();
  const options: AnalyzeOptions = { at: at ?? null };
  const report: Report = await analyze(pem, options);
  const certificates: CertificateReport[] = report.objects.filter((o) => o.kind === 'certificate');
  const days: Array<number | null> = certificates.map((c) => c.validity.days_until_expiry);
  void days;
  return certificates.map((c) => `${c.subject.rfc4514} ${c.fingerprints.sha256}`);
}

export async function fromBytes(bytes: Uint8Array, buffer: ArrayBuffer): Promise<number> {
  const a = await analyze(bytes);
  const b = await analyze(buffer);
  return a.problems.length + b.objects.length;
}

export async function names(der: Uint8Array): Promise<string[]> {
  const [first]: Summary[] = await summarize(der);
  const eku: string[] | null = first.extended_key_usage;
  const bits: number | null = first.key_bits;
  void eku;
  void bits;
  return [first.subject, ...first.subject_alt_names];
}

// The web component: its element type, properties and event details.
import type { CertScopeElement, CertScopeResultDetail } from 'certscope/cert-scope';

export function watch(element: CertScopeElement): void {
  element.setAttribute('mode', 'verify');
  element.addEventListener('certscope-result', (event) => {
    const detail: CertScopeResultDetail = event.detail;
    const valid: boolean | undefined = detail.chain?.valid;
    const subjects: string[] = detail.report.objects.flatMap((o) => (o.kind === 'certificate' ? [o.subject.rfc4514] : []));
    void valid;
    void subjects;
  });
  element.addEventListener('certscope-error', (event) => {
    const message: string = event.detail.message;
    void message;
  });
  const state: 'loading' | 'done' | 'error' = element.state;
  void state;
}

export function find(): CertScopeElement | null {
  return document.querySelector('cert-scope');
}
