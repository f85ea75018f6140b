/* wolfSSL: a real TLS handshake in memory between a wolfSSL client and a wolfSSL server (the
 * library's default protocol versions and suites), since wolfSSL applies its extendedKeyUsage
 * and keyUsage checks to a peer only in the handshake (ProcessPeerCerts), not in its
 * certificate manager. For a TLS server case the corpus certificate is the server's, the
 * client trusts the anchor (WOLFSSL_VERIFY_PEER) and, with a host name, calls
 * wolfSSL_check_domain_name (on the server_sni side it only sends the host as SNI); for a TLS client case the corpus certificate is the client's and
 * the server trusts the anchor (WOLFSSL_VERIFY_PEER | WOLFSSL_VERIFY_FAIL_IF_NO_PEER_CERT)
 * while the client trusts nothing (the harness's own server certificate, server-cert.der, is
 * not under test). The answer is the verifying side's error. The manifest protocol is
 * described in stacks/run.py. */
#include <wolfssl/options.h>
#include <wolfssl/ssl.h>
#include <wolfssl/wolfio.h>
#include <wolfssl/version.h>
#include <libgen.h>
#include "common.h"

struct pipe { unsigned char buf[262144]; size_t len; };

static int io_send(WOLFSSL *ssl, char *buf, int sz, void *ctx) {
    (void)ssl;
    struct pipe *p = ctx;
    if (p->len + (size_t)sz > sizeof p->buf) return WOLFSSL_CBIO_ERR_GENERAL;
    memcpy(p->buf + p->len, buf, (size_t)sz);
    p->len += (size_t)sz;
    return sz;
}

static int io_recv(WOLFSSL *ssl, char *buf, int sz, void *ctx) {
    (void)ssl;
    struct pipe *p = ctx;
    if (p->len == 0) return WOLFSSL_CBIO_ERR_WANT_READ;
    size_t n = p->len < (size_t)sz ? p->len : (size_t)sz;
    memcpy(buf, p->buf, n);
    memmove(p->buf, p->buf + n, p->len - n);
    p->len -= n;
    return (int)n;
}

static void error_text(WOLFSSL *ssl, int err, char *out, size_t size) {
    (void)ssl;
    char reason[WOLFSSL_MAX_ERROR_SZ];
    wolfSSL_ERR_error_string_n((unsigned long)err, reason, sizeof reason);
    snprintf(out, size, "%d: %s", err, wolfSSL_ERR_reason_error_string((unsigned long)err) ? wolfSSL_ERR_reason_error_string((unsigned long)err) : reason);
}

static unsigned char *pem_chain(const struct manifest_case *c, size_t *len) {
    /* the end entity and the intermediates (not the anchor), DER to PEM */
    int last = c->count > 1 ? c->count - 1 : 1;
    size_t cap = 1 << 16, n = 0;
    unsigned char *out = malloc(cap);
    for (int i = 0; i < last; i++) {
        byte pem[16384];
        int m = wc_DerToPem(c->der[i], (word32)c->der_len[i], pem, sizeof pem, CERT_TYPE);
        if (m <= 0 || n + (size_t)m > cap) { free(out); return NULL; }
        memcpy(out + n, pem, (size_t)m);
        n += (size_t)m;
    }
    *len = n;
    return out;
}

int main(int argc, char **argv) {
    if (argc > 1 && strcmp(argv[1], "--version") == 0) {
        printf("wolfSSL %s\n", wolfSSL_lib_version());
        return 0;
    }
    wolfSSL_Init();
    struct manifest_case c;
    while (read_case(&c)) {
        char text[512] = "";
        int ok = 0;
        size_t key_len = 0, chain_len = 0, own_len = 0, own_key_len = 0;
        char path[1200], parent[1100];
        snprintf(path, sizeof path, "%s/key.der", c.dir);
        unsigned char *key = read_file(path, &key_len);
        snprintf(parent, sizeof parent, "%s", c.dir);
        char *up = dirname(parent);
        snprintf(path, sizeof path, "%s/server-cert.der", up);
        unsigned char *own = read_file(path, &own_len);
        snprintf(path, sizeof path, "%s/server-key.der", up);
        unsigned char *own_key = read_file(path, &own_key_len);
        unsigned char *chain = pem_chain(&c, &chain_len);
        if (!key || !own || !own_key || !chain) { fprintf(stderr, "missing files for %s\n", c.id); return 2; }

        WOLFSSL_CTX *cctx = wolfSSL_CTX_new(wolfSSLv23_client_method());
        WOLFSSL_CTX *sctx = wolfSSL_CTX_new(wolfSSLv23_server_method());
        wolfSSL_CTX_SetIORecv(cctx, io_recv); wolfSSL_CTX_SetIOSend(cctx, io_send);
        wolfSSL_CTX_SetIORecv(sctx, io_recv); wolfSSL_CTX_SetIOSend(sctx, io_send);
        WOLFSSL_CTX *subject = c.client ? cctx : sctx, *verifier = c.client ? sctx : cctx;
        int rv = wolfSSL_CTX_use_certificate_chain_buffer(subject, chain, (long)chain_len);
        if (rv != WOLFSSL_SUCCESS) {
            snprintf(text, sizeof text, "loading the certificate: "); error_text(NULL, rv, text + strlen(text), sizeof text - strlen(text));
            goto done;
        }
        rv = wolfSSL_CTX_use_PrivateKey_buffer(subject, key, (long)key_len, WOLFSSL_FILETYPE_ASN1);
        if (rv != WOLFSSL_SUCCESS) {
            snprintf(text, sizeof text, "loading the key: "); error_text(NULL, rv, text + strlen(text), sizeof text - strlen(text));
            goto done;
        }
        rv = wolfSSL_CTX_load_verify_buffer(verifier, c.der[c.count - 1], (long)c.der_len[c.count - 1], WOLFSSL_FILETYPE_ASN1);
        if (rv != WOLFSSL_SUCCESS) {
            snprintf(text, sizeof text, "loading the trust anchor: "); error_text(NULL, rv, text + strlen(text), sizeof text - strlen(text));
            goto done;
        }
        if (c.client) {
            wolfSSL_CTX_use_certificate_buffer(sctx, own, (long)own_len, WOLFSSL_FILETYPE_ASN1);
            wolfSSL_CTX_use_PrivateKey_buffer(sctx, own_key, (long)own_key_len, WOLFSSL_FILETYPE_ASN1);
            wolfSSL_CTX_set_verify(sctx, WOLFSSL_VERIFY_PEER | WOLFSSL_VERIFY_FAIL_IF_NO_PEER_CERT, NULL);
            wolfSSL_CTX_set_verify(cctx, WOLFSSL_VERIFY_NONE, NULL);
        } else {
            wolfSSL_CTX_set_verify(cctx, WOLFSSL_VERIFY_PEER, NULL);
        }
        {
            static struct pipe c2s, s2c;
            c2s.len = s2c.len = 0;
            WOLFSSL *cssl = wolfSSL_new(cctx), *sssl = wolfSSL_new(sctx);
            wolfSSL_SetIOWriteCtx(cssl, &c2s); wolfSSL_SetIOReadCtx(cssl, &s2c);
            wolfSSL_SetIOWriteCtx(sssl, &s2c); wolfSSL_SetIOReadCtx(sssl, &c2s);
            /* server_sni: the host only as the name the client asks for (SNI), as a client
             * application gives it, without wolfSSL_check_domain_name: wolfSSL then does not
             * check the certificate's names. */
            if (c.host[0] && strcmp(c.side, "server_sni") == 0)
                wolfSSL_UseSNI(cssl, WOLFSSL_SNI_HOST_NAME, c.host, (unsigned short)strlen(c.host));
            else if (c.host[0]) wolfSSL_check_domain_name(cssl, c.host);
            int cdone = 0, sdone = 0, cerr = 0, serr = 0;
            for (int round = 0; round < 40 && !(cdone && sdone) && !cerr && !serr; round++) {
                if (!cdone) {
                    int r = wolfSSL_connect(cssl);
                    if (r == WOLFSSL_SUCCESS) cdone = 1;
                    else { int e = wolfSSL_get_error(cssl, r); if (e != WOLFSSL_ERROR_WANT_READ && e != WOLFSSL_ERROR_WANT_WRITE) cerr = e; }
                }
                if (!sdone && !cerr) {
                    int r = wolfSSL_accept(sssl);
                    if (r == WOLFSSL_SUCCESS) sdone = 1;
                    else { int e = wolfSSL_get_error(sssl, r); if (e != WOLFSSL_ERROR_WANT_READ && e != WOLFSSL_ERROR_WANT_WRITE) serr = e; }
                }
            }
            /* in TLS 1.3 the server reads the client's certificate after the client is done:
             * let the client read what the server answered (an alert, or its session ticket) */
            if (cdone && sdone) {
                char byte;
                int r = wolfSSL_read(cssl, &byte, 1);
                int e = wolfSSL_get_error(cssl, r);
                if (e != WOLFSSL_ERROR_WANT_READ) cerr = e;
            }
            int verifier_err = c.client ? serr : cerr, other_err = c.client ? cerr : serr;
            if (cdone && sdone && !verifier_err) {
                ok = 1;
                snprintf(text, sizeof text, "%s", wolfSSL_get_version(cssl));
            } else if (verifier_err) {
                error_text(NULL, verifier_err, text, sizeof text);
            } else if (other_err) {
                snprintf(text, sizeof text, "the other side failed: ");
                error_text(NULL, other_err, text + strlen(text), sizeof text - strlen(text));
            } else {
                snprintf(text, sizeof text, "handshake did not finish");
            }
            wolfSSL_free(cssl);
            wolfSSL_free(sssl);
        }
    done:
        answer(&c, ok, text);
        wolfSSL_CTX_free(cctx);
        wolfSSL_CTX_free(sctx);
        free(key); free(own); free(own_key); free(chain);
        free_case(&c);
    }
    wolfSSL_Cleanup();
    return 0;
}
