// The page's and the <cert-scope> element's worker: the wasm core runs here, off the main
// thread, through the one client (client.js: `serve` loads the module the main thread compiled,
// the full module when an input needs it, and answers each message with one call of the core).
import { serve } from './client.js';
// The first module's glue, named here so that it is fetched with client.js rather than after it
// (client.js imports it when the worker starts; this import then finds it loaded).
import './pkg/certscope_wasm.js';

const worker = serve(self);

// Once the module is ready, if nothing has been asked yet, the worker analyses a small built-in
// chain (an Ed25519 server certificate for warm-up.example under a self-signed root, both
// expiring in 2126) and drops the report: the module's functions are compiled on their first
// call, and this compiles those an analysis and a verification reach (PEM, decoding, roles,
// lints, the report, path building and validation) before the user's first input, which then
// comes back sooner (bench/RESULTS.md, "Page").
const WARM_UP = `-----BEGIN CERTIFICATE-----
MIIBejCCASygAwIBAgIBAjAFBgMrZXAwHDEaMBgGA1UEAwwRY2VydHNjb3BlIHdh
cm0tdXAwIBcNMjYxMTI3MTIxMzU0WhgPMjEyNjExMDMxMjEzNTRaMBoxGDAWBgNV
BAMMD3dhcm0tdXAuZXhhbXBsZTAqMAUGAytlcAMhANpYr74BmfDaUR3H3Gokid96
PGmfpbpn8PkB5QcL1JDVo4GSMIGPMAwGA1UdEwEB/wQCMAAwDgYDVR0PAQH/BAQD
AgeAMBMGA1UdJQQMMAoGCCsGAQUFBwMBMBoGA1UdEQQTMBGCD3dhcm0tdXAuZXhh
bXBsZTAdBgNVHQ4EFgQU8Er0JX0OBr+7KmeTJ9LSML7FClEwHwYDVR0jBBgwFoAU
HaJZvwxTZwE0dU3i89HdYbGrJaQwBQYDK2VwA0EAPJlPyJ8UY/cSjZYR2g8lwR+m
XpCPTftzA1C27EWClyR4yj37rw3uiT89R67eylCLYXwJG9cV35bfLzm51cs1DA==
-----END CERTIFICATE-----
-----BEGIN CERTIFICATE-----
MIIBXzCCARGgAwIBAgIUTI4h0XRhNGfUfKTIKDGOps2I4P8wBQYDK2VwMBwxGjAY
BgNVBAMMEWNlcnRzY29wZSB3YXJtLXVwMCAXDTI2MTEyNzEyMTAwMVoYDzIxMjYx
MTAzMTIxMDAxWjAcMRowGAYDVQQDDBFjZXJ0c2NvcGUgd2FybS11cDAqMAUGAytl
cAMhALgVPt4/P92YEW6yABfBwFSZnVNfPnJk81gy1hgQ8UTNo2MwYTAdBgNVHQ4E
FgQUHaJZvwxTZwE0dU3i89HdYbGrJaQwHwYDVR0jBBgwFoAUHaJZvwxTZwE0dU3i
89HdYbGrJaQwDwYDVR0TAQH/BAUwAwEB/zAOBgNVHQ8BAf8EBAMCAQYwBQYDK2Vw
A0EAC1Gu0dyDWwqVJ+8oZ8I0vPOjIHtanBsHVICZdmAdQONudXYxWNZ3m+dir7RX
CiZ95jDPpWrCya2Mk9VDubamAg==
-----END CERTIFICATE-----`;
const WARM_UP_VERIFY = { target: 0, trusted: [1], purpose: 'server', host: 'warm-up.example' };
worker.ready.then((lean) => {
  if (worker.asked) return;
  try {
    const input = new TextEncoder().encode(WARM_UP);
    lean.analyze(input, {});
    lean.verify([input], WARM_UP_VERIFY);
  } catch {
    // Only a warm-up: the user's own calls report their errors.
  }
}, () => {});
