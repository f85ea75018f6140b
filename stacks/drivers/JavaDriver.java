// Java: what JSSE's default X509TrustManager (PKIX) does with a peer's chain:
// checkServerTrusted / checkClientTrusted (PKIX CertPathValidator with the anchor in the trust
// store, then sun.security.validator.EndEntityChecker for the TLS side), and for a server
// with a host name the endpoint identification JSSE applies ("HTTPS": HostnameChecker,
// TYPE_TLS). A server's keyUsage depends on the key exchange (the authType): every authType
// the key can do is tried ("UNKNOWN" is TLS 1.3's, signature-based), and the answer lists those
// that pass. The manifest protocol is described in stacks/run.py.
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.InputStreamReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import sun.security.util.HostnameChecker;

public class JavaDriver {
    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("--version")) {
            System.out.println("Java " + System.getProperty("java.vm.vendor").split(" ")[0] + " "
                    + System.getProperty("java.runtime.version"));
            return;
        }
        CertificateFactory factory = CertificateFactory.getInstance("X.509");
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, java.nio.charset.StandardCharsets.UTF_8));
        StringBuilder out = new StringBuilder();
        String line;
        while ((line = in.readLine()) != null) {
            String[] f = line.split("\t");
            String id = f[0], side = f[1], host = f[2], keyType = f[3], dir = f[4];
            int count = Integer.parseInt(f[5]);
            String result;
            try {
                X509Certificate[] certs = new X509Certificate[count];
                for (int i = 0; i < count; i++) {
                    byte[] der = Files.readAllBytes(Path.of(dir, i + ".der"));
                    certs[i] = (X509Certificate) factory.generateCertificate(new ByteArrayInputStream(der));
                }
                result = verify(certs, side, host, keyType);
            } catch (Exception e) {
                result = "FAIL\t" + describe(e);
            }
            out.append(id).append('\t').append(side).append('\t').append(result).append('\n');
        }
        System.out.print(out);
    }

    static String describe(Throwable e) {
        StringBuilder text = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (text.length() > 0) text.append(" <- ");
            text.append(t.getClass().getSimpleName()).append(": ").append(t.getMessage());
        }
        return text.toString().replace('\n', ' ').replace('\t', ' ');
    }

    static String verify(X509Certificate[] certs, String side, String host, String keyType) throws Exception {
        KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
        store.load(null, null);
        store.setCertificateEntry("anchor", certs[certs.length - 1]);
        TrustManagerFactory tmf = TrustManagerFactory.getInstance("PKIX");
        tmf.init(store);
        X509TrustManager tm = (X509TrustManager) tmf.getTrustManagers()[0];
        int len = certs.length > 1 ? certs.length - 1 : 1;
        X509Certificate[] chain = java.util.Arrays.copyOf(certs, len);
        if (side.equals("client")) {
            tm.checkClientTrusted(chain, keyType.startsWith("rsa") ? "RSA" : keyType.equals("ed25519") ? "EdDSA"
                    : keyType.startsWith("dsa") ? "DSA" : "EC");
            return "OK\t";
        }
        String[] authTypes = keyType.startsWith("rsa") ? new String[] {"UNKNOWN", "ECDHE_RSA", "RSA", "DH_RSA"}
                : keyType.equals("ed25519") ? new String[] {"UNKNOWN"}
                : keyType.startsWith("dsa") ? new String[] {"UNKNOWN", "DHE_DSS"}
                : new String[] {"UNKNOWN", "ECDHE_ECDSA", "ECDH_ECDSA"};
        List<String> passed = new ArrayList<>();
        Exception first = null;
        for (String authType : authTypes) {
            try {
                tm.checkServerTrusted(chain, authType);
                passed.add(authType);
            } catch (Exception e) {
                if (first == null) first = e;
            }
        }
        if (passed.isEmpty()) return "FAIL\t" + describe(first);
        if (!host.equals("-")) {
            try {
                HostnameChecker.getInstance(HostnameChecker.TYPE_TLS).match(host, chain[0]);
            } catch (Exception e) {
                return "FAIL\t" + describe(e);
            }
        }
        return "OK\tauthTypes: " + String.join(" ", passed);
    }
}
