/* mbedTLS: what an mbedTLS application (and the library's own handshake, ssl_check_cert_usage)
 * does with a peer's chain: mbedtls_x509_crt_verify_with_profile with the default profile and
 * the expected host name, then mbedtls_x509_crt_check_extended_key_usage for serverAuth or
 * clientAuth and mbedtls_x509_crt_check_key_usage for the key exchange. A server's keyUsage
 * depends on the key exchange: each one the key can do is tried (ECDHE: digitalSignature;
 * RSA key transport: keyEncipherment; static ECDH: keyAgreement), and the answer lists those
 * that pass. The manifest protocol is described in stacks/run.py. */
#include <mbedtls/x509_crt.h>
#include <mbedtls/oid.h>
#include <mbedtls/error.h>
#include <mbedtls/version.h>
#include "common.h"

int main(int argc, char **argv) {
    if (argc > 1 && strcmp(argv[1], "--version") == 0) {
        char v[32];
        mbedtls_version_get_string(v);
        printf("mbedTLS %s\n", v);
        return 0;
    }
    struct manifest_case c;
    while (read_case(&c)) {
        mbedtls_x509_crt chain, anchor;
        mbedtls_x509_crt_init(&chain);
        mbedtls_x509_crt_init(&anchor);
        char text[1024] = "";
        int ok = 1;
        int last = c.count > 1 ? c.count - 1 : 1;
        for (int i = 0; i < last && ok; i++) {
            int rv = mbedtls_x509_crt_parse_der(&chain, c.der[i], c.der_len[i]);
            if (rv != 0) {
                char e[200];
                mbedtls_strerror(rv, e, sizeof e);
                snprintf(text, sizeof text, "certificate %d does not parse: %s", i, e);
                ok = 0;
            }
        }
        if (ok) {
            int rv = mbedtls_x509_crt_parse_der(&anchor, c.der[c.count - 1], c.der_len[c.count - 1]);
            if (rv != 0) {
                char e[200];
                mbedtls_strerror(rv, e, sizeof e);
                snprintf(text, sizeof text, "trust anchor does not parse: %s", e);
                ok = 0;
            }
        }
        if (ok) {
            uint32_t flags = 0;
            int rv = mbedtls_x509_crt_verify_with_profile(&chain, &anchor, NULL,
                                                          &mbedtls_x509_crt_profile_default,
                                                          c.host[0] ? c.host : NULL, &flags, NULL, NULL);
            if (rv != 0) {
                char info[800];
                mbedtls_x509_crt_verify_info(info, sizeof info, "", flags);
                snprintf(text, sizeof text, "flags 0x%x: %s", flags, info);
                ok = 0;
            }
        }
        if (ok) {
            const char *oid = c.client ? MBEDTLS_OID_CLIENT_AUTH : MBEDTLS_OID_SERVER_AUTH;
            size_t oid_len = c.client ? MBEDTLS_OID_SIZE(MBEDTLS_OID_CLIENT_AUTH) : MBEDTLS_OID_SIZE(MBEDTLS_OID_SERVER_AUTH);
            if (mbedtls_x509_crt_check_extended_key_usage(&chain, oid, oid_len) != 0) {
                snprintf(text, sizeof text, "MBEDTLS_X509_BADCERT_EXT_KEY_USAGE: Usage does not match the extendedKeyUsage extension");
                ok = 0;
            }
        }
        if (ok) {
            if (c.client) {
                if (mbedtls_x509_crt_check_key_usage(&chain, MBEDTLS_X509_KU_DIGITAL_SIGNATURE) != 0) {
                    snprintf(text, sizeof text, "MBEDTLS_X509_BADCERT_KEY_USAGE: Usage does not match the keyUsage extension (digitalSignature)");
                    ok = 0;
                }
            } else {
                int rsa = strncmp(c.keytype, "rsa", 3) == 0;
                const char *passed[3];
                int n = 0;
                if (mbedtls_x509_crt_check_key_usage(&chain, MBEDTLS_X509_KU_DIGITAL_SIGNATURE) == 0)
                    passed[n++] = rsa ? "ECDHE_RSA" : "ECDHE_ECDSA";
                if (rsa && mbedtls_x509_crt_check_key_usage(&chain, MBEDTLS_X509_KU_KEY_ENCIPHERMENT) == 0)
                    passed[n++] = "RSA";
                if (!rsa && mbedtls_x509_crt_check_key_usage(&chain, MBEDTLS_X509_KU_KEY_AGREEMENT) == 0)
                    passed[n++] = "ECDH_ECDSA";
                if (n == 0) {
                    snprintf(text, sizeof text, "MBEDTLS_X509_BADCERT_KEY_USAGE: Usage does not match the keyUsage extension for any key exchange");
                    ok = 0;
                } else {
                    strcpy(text, "key exchanges:");
                    for (int i = 0; i < n; i++) { strcat(text, " "); strcat(text, passed[i]); }
                }
            }
        }
        answer(&c, ok, text);
        mbedtls_x509_crt_free(&chain);
        mbedtls_x509_crt_free(&anchor);
        free_case(&c);
    }
    return 0;
}
