/* NSS: CERT_VerifyCertificate with certificateUsageSSLServer / certificateUsageSSLClient (as
 * SSL_AuthCertificate and vfychain -u do), the anchor a temporary certificate with the trust
 * "CT,C,C" (certutil's trusted CA for servers and clients), then for a server with a host name
 * CERT_VerifyCertName. No certificate database (NSS_NoDB_Init); every chain's names are unique,
 * so the chains do not meet in NSS's temporary store. The manifest protocol is described in
 * stacks/run.py. */
#include <nss.h>
#include <cert.h>
#include <certdb.h>
#include <prerror.h>
#include <secerr.h>
#include <sslerr.h>
#include "common.h"

/* The error's name; NSS knows the names of its SSL errors only once libssl is loaded, so
 * those are named here. */
static const char *error_name(PRErrorCode code) {
    const char *name = PR_ErrorToName(code);
    if (name) return name;
    if (code == SSL_ERROR_BAD_CERT_DOMAIN) return "SSL_ERROR_BAD_CERT_DOMAIN";
    static char number[32];
    snprintf(number, sizeof number, "NSS error %d", (int)code);
    return number;
}

int main(int argc, char **argv) {
    if (argc > 1 && strcmp(argv[1], "--version") == 0) {
        printf("NSS %s\n", NSS_GetVersion());
        return 0;
    }
    if (NSS_NoDB_Init(NULL) != SECSuccess) { fprintf(stderr, "NSS_NoDB_Init failed\n"); return 2; }
    CERTCertDBHandle *db = CERT_GetDefaultCertDB();
    struct manifest_case c;
    while (read_case(&c)) {
        CERTCertificate *certs[MAX_CERTS] = {0};
        int ok = 1;
        char text[512] = "";
        for (int i = 0; i < c.count && ok; i++) {
            SECItem item = {siBuffer, c.der[i], (unsigned)c.der_len[i]};
            certs[i] = CERT_NewTempCertificate(db, &item, NULL, PR_FALSE, PR_TRUE);
            if (!certs[i]) {
                snprintf(text, sizeof text, "certificate %d does not decode: %s", i, error_name(PR_GetError()));
                ok = 0;
            }
        }
        if (ok) {
            CERTCertTrust trust;
            CERT_DecodeTrustString(&trust, "CT,C,C");
            CERT_ChangeCertTrust(db, certs[c.count - 1], &trust);
            SECCertificateUsage usages = 0;
            SECStatus rv = CERT_VerifyCertificate(db, certs[0], PR_TRUE,
                                                  c.client ? certificateUsageSSLClient : certificateUsageSSLServer,
                                                  PR_Now(), NULL, NULL, &usages);
            if (rv != SECSuccess) {
                snprintf(text, sizeof text, "%s", error_name(PR_GetError()));
                ok = 0;
            } else if (c.host[0] && CERT_VerifyCertName(certs[0], c.host) != SECSuccess) {
                snprintf(text, sizeof text, "%s", error_name(PR_GetError()));
                ok = 0;
            }
            /* forget the trust, so a later chain's verdict never rests on it */
            CERT_DecodeTrustString(&trust, ",,");
            CERT_ChangeCertTrust(db, certs[c.count - 1], &trust);
        }
        answer(&c, ok, text);
        for (int i = 0; i < c.count; i++) if (certs[i]) CERT_DestroyCertificate(certs[i]);
        free_case(&c);
    }
    NSS_Shutdown();
    return 0;
}
