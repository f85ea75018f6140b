/* GnuTLS: gnutls_x509_trust_list_verify_crt2 with the anchor in the trust list, the chain end
 * entity first, the purpose (GNUTLS_KP_TLS_WWW_SERVER / _CLIENT) and, for a server with a host
 * name, GNUTLS_DT_DNS_HOSTNAME (or GNUTLS_DT_IP_ADDRESS), as gnutls_certificate_verify_peers
 * passes them. The manifest protocol is described in stacks/run.py. */
#include <gnutls/gnutls.h>
#include <gnutls/x509.h>
#include "common.h"

int main(int argc, char **argv) {
    if (argc > 1 && strcmp(argv[1], "--version") == 0) {
        printf("GnuTLS %s\n", gnutls_check_version(NULL));
        return 0;
    }
    gnutls_global_init();
    struct manifest_case c;
    while (read_case(&c)) {
        gnutls_x509_crt_t certs[MAX_CERTS];
        int parsed = 0, ok = 1;
        for (int i = 0; i < c.count; i++) {
            gnutls_datum_t d = {c.der[i], (unsigned)c.der_len[i]};
            gnutls_x509_crt_init(&certs[i]);
            parsed++;
            int rv = gnutls_x509_crt_import(certs[i], &d, GNUTLS_X509_FMT_DER);
            if (rv < 0) {
                char text[256];
                snprintf(text, sizeof text, "certificate %d does not import: %s", i, gnutls_strerror_name(rv));
                answer(&c, 0, text);
                ok = 0;
                break;
            }
        }
        if (ok) {
            gnutls_x509_trust_list_t list;
            gnutls_x509_trust_list_init(&list, 0);
            gnutls_x509_crt_t anchor;
            gnutls_x509_crt_init(&anchor);
            gnutls_datum_t d = {c.der[c.count - 1], (unsigned)c.der_len[c.count - 1]};
            gnutls_x509_crt_import(anchor, &d, GNUTLS_X509_FMT_DER);
            gnutls_x509_trust_list_add_cas(list, &anchor, 1, 0);
            gnutls_typed_vdata_st data[2];
            unsigned n = 0;
            unsigned char ip[16];
            if (c.host[0]) {
                if (inet_pton(AF_INET, c.host, ip) == 1) {
                    data[n].type = GNUTLS_DT_IP_ADDRESS; data[n].data = ip; data[n].size = 4;
                } else {
                    data[n].type = GNUTLS_DT_DNS_HOSTNAME; data[n].data = (unsigned char *)c.host; data[n].size = 0;
                }
                n++;
            }
            data[n].type = GNUTLS_DT_KEY_PURPOSE_OID;
            data[n].data = (unsigned char *)(c.client ? GNUTLS_KP_TLS_WWW_CLIENT : GNUTLS_KP_TLS_WWW_SERVER);
            data[n].size = 0;
            n++;
            /* the chain without the anchor, unless the anchor is the end entity itself */
            unsigned len = c.count > 1 ? (unsigned)c.count - 1 : 1;
            unsigned status = 0;
            int rv = gnutls_x509_trust_list_verify_crt2(list, certs, len, data, n, 0, &status, NULL);
            if (rv < 0) {
                answer(&c, 0, gnutls_strerror_name(rv));
            } else if (status == 0) {
                answer(&c, 1, "");
            } else {
                gnutls_datum_t out;
                gnutls_certificate_verification_status_print(status, GNUTLS_CRT_X509, &out, 0);
                char text[1024];
                snprintf(text, sizeof text, "status 0x%x: %s", status, out.data);
                gnutls_free(out.data);
                answer(&c, 0, text);
            }
            gnutls_x509_trust_list_deinit(list, 1);
        }
        for (int i = 0; i < parsed; i++) gnutls_x509_crt_deinit(certs[i]);
        free_case(&c);
    }
    return 0;
}
