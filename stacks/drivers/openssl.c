/* OpenSSL: the end entity verified as libssl verifies a peer (X509_STORE_CTX with the
 * "ssl_server" / "ssl_client" defaults, the host name in the verify parameters, the
 * security level of a default SSL_CTX as the authentication level).
 * Reads manifest lines (see stacks/run.py) on stdin, writes one answer line per case. */
#include <openssl/ssl.h>
#include <openssl/x509v3.h>
#include <openssl/err.h>
#include "common.h"

int main(int argc, char **argv) {
    if (argc > 1 && strcmp(argv[1], "--version") == 0) {
        printf("%s\n", OpenSSL_version(OPENSSL_VERSION));
        return 0;
    }
    OPENSSL_init_ssl(OPENSSL_INIT_LOAD_CONFIG, NULL);
    SSL_CTX *ssl = SSL_CTX_new(TLS_method());
    int level = SSL_CTX_get_security_level(ssl);
    struct manifest_case c;
    while (read_case(&c)) {
        X509 *certs[MAX_CERTS] = {0};
        int ok = 1;
        for (int i = 0; i < c.count; i++) {
            const unsigned char *p = c.der[i];
            certs[i] = d2i_X509(NULL, &p, (long)c.der_len[i]);
            if (!certs[i]) ok = 0;
        }
        if (!ok) {
            answer(&c, 0, "certificate does not parse");
        } else {
            X509_STORE *store = X509_STORE_new();
            X509_STORE_add_cert(store, certs[c.count - 1]);
            STACK_OF(X509) *untrusted = sk_X509_new_null();
            for (int i = 1; i < c.count - 1; i++) sk_X509_push(untrusted, certs[i]);
            X509_STORE_CTX *ctx = X509_STORE_CTX_new();
            X509_STORE_CTX_init(ctx, store, certs[0], untrusted);
            X509_STORE_CTX_set_default(ctx, c.client ? "ssl_client" : "ssl_server");
            X509_VERIFY_PARAM *param = X509_STORE_CTX_get0_param(ctx);
            X509_VERIFY_PARAM_set_auth_level(param, level);
            if (c.host[0]) {
                if (is_ip(c.host)) X509_VERIFY_PARAM_set1_ip_asc(param, c.host);
                else X509_VERIFY_PARAM_set1_host(param, c.host, 0);
            }
            int rv = X509_verify_cert(ctx);
            if (rv == 1) {
                answer(&c, 1, "");
            } else {
                char text[512];
                int err = X509_STORE_CTX_get_error(ctx);
                snprintf(text, sizeof text, "%s (X509_V_ERR %d) at depth %d",
                         X509_verify_cert_error_string(err), err,
                         X509_STORE_CTX_get_error_depth(ctx));
                answer(&c, 0, text);
            }
            X509_STORE_CTX_free(ctx);
            sk_X509_free(untrusted);
            X509_STORE_free(store);
        }
        for (int i = 0; i < c.count; i++) X509_free(certs[i]);
        ERR_clear_error();
        free_case(&c);
    }
    SSL_CTX_free(ssl);
    return 0;
}
