// Go crypto/x509: Certificate.Verify as crypto/tls calls it (DNSName for a server with a host
// name, KeyUsages ServerAuth or ClientAuth, the anchor in Roots, the rest in Intermediates).
// The manifest protocol is described in stacks/run.py.
package main

import (
	"bufio"
	"crypto/x509"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
)

func main() {
	if len(os.Args) > 1 && os.Args[1] == "--version" {
		fmt.Println("Go " + runtime.Version())
		return
	}
	in := bufio.NewScanner(os.Stdin)
	out := bufio.NewWriter(os.Stdout)
	defer out.Flush()
	for in.Scan() {
		f := strings.Split(in.Text(), "\t")
		id, side, host, dir := f[0], f[1], f[2], f[4]
		count, _ := strconv.Atoi(f[5])
		ok, detail := verify(side, host, dir, count)
		verdict := "FAIL"
		if ok {
			verdict = "OK"
		}
		fmt.Fprintf(out, "%s\t%s\t%s\t%s\n", id, side, verdict, strings.ReplaceAll(detail, "\n", " "))
	}
}

func verify(side, host, dir string, count int) (bool, string) {
	certs := make([]*x509.Certificate, count)
	for i := 0; i < count; i++ {
		der, err := os.ReadFile(filepath.Join(dir, strconv.Itoa(i)+".der"))
		if err != nil {
			panic(err)
		}
		cert, err := x509.ParseCertificate(der)
		if err != nil {
			return false, fmt.Sprintf("ParseCertificate: %v", err)
		}
		certs[i] = cert
	}
	opts := x509.VerifyOptions{Roots: x509.NewCertPool(), Intermediates: x509.NewCertPool()}
	opts.Roots.AddCert(certs[count-1])
	if count > 2 {
		for _, c := range certs[1 : count-1] {
			opts.Intermediates.AddCert(c)
		}
	}
	if side == "client" {
		opts.KeyUsages = []x509.ExtKeyUsage{x509.ExtKeyUsageClientAuth}
	} else {
		opts.KeyUsages = []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth}
		if host != "-" {
			opts.DNSName = host
		}
	}
	if _, err := certs[0].Verify(opts); err != nil {
		return false, fmt.Sprintf("%T: %v", err, err)
	}
	return true, ""
}
