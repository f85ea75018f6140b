/* The manifest protocol shared by the C drivers.
 * Input, one case a line: ID SIDE HOST KEYTYPE DIR COUNT, separated by tabs; SIDE is server,
 * server_nohost or client (and server_sni for wolfSSL, see wolfssl.c); HOST is "-" for none; DIR holds 0.der (the end entity) ..
 * COUNT-1.der (the trust anchor) and key.der (the end entity's PKCS#8 key).
 * Output, one line a case: ID SIDE OK|FAIL DETAIL. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <arpa/inet.h>

#define MAX_CERTS 8

struct manifest_case {
    char id[64], side[32], host[256], keytype[32], dir[1024];
    int count, client, nohost;
    unsigned char *der[MAX_CERTS];
    size_t der_len[MAX_CERTS];
};

static unsigned char *read_file(const char *path, size_t *len) {
    FILE *f = fopen(path, "rb");
    if (!f) return NULL;
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    unsigned char *buf = malloc((size_t)n + 1);
    if (fread(buf, 1, (size_t)n, f) != (size_t)n) { free(buf); fclose(f); return NULL; }
    fclose(f);
    *len = (size_t)n;
    return buf;
}

static int read_case(struct manifest_case *c) {
    char line[2048];
    if (!fgets(line, sizeof line, stdin)) return 0;
    memset(c, 0, sizeof *c);
    if (sscanf(line, "%63[^\t]\t%31[^\t]\t%255[^\t]\t%31[^\t]\t%1023[^\t]\t%d", c->id, c->side,
               c->host, c->keytype, c->dir, &c->count) != 6 || c->count < 1 || c->count > MAX_CERTS) {
        fprintf(stderr, "bad manifest line: %s", line);
        exit(2);
    }
    if (strcmp(c->host, "-") == 0) c->host[0] = 0;
    c->client = strcmp(c->side, "client") == 0;
    c->nohost = strcmp(c->side, "server_nohost") == 0;
    for (int i = 0; i < c->count; i++) {
        char path[1100];
        snprintf(path, sizeof path, "%s/%d.der", c->dir, i);
        c->der[i] = read_file(path, &c->der_len[i]);
        if (!c->der[i]) { fprintf(stderr, "cannot read %s\n", path); exit(2); }
    }
    return 1;
}

static void free_case(struct manifest_case *c) {
    for (int i = 0; i < c->count; i++) free(c->der[i]);
}

static void answer(const struct manifest_case *c, int ok, const char *detail) {
    printf("%s\t%s\t%s\t", c->id, c->side, ok ? "OK" : "FAIL");
    for (const char *p = detail; *p; p++) putchar(*p == '\n' || *p == '\t' ? ' ' : *p);
    putchar('\n');
    fflush(stdout);
}

static inline int is_ip(const char *host) {
    unsigned char buf[16];
    return inet_pton(AF_INET, host, buf) == 1 || inet_pton(AF_INET6, host, buf) == 1;
}
