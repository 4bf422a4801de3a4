package dev.hotframe.viewer.net;

import dev.hotframe.wire.Fingerprint;
import dev.hotframe.wire.Sha256;
import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * Trusts exactly one server certificate: the one whose SHA-256 matches the pin the dev server
 * printed. Certificate authorities and host names do not matter; the pin is the identity.
 */
public final class PinnedTrust extends X509ExtendedTrustManager {

    private final String pin;

    /** @param pin 64 hex digits, colons and a {@code sha256:} prefix allowed */
    public PinnedTrust(String pin) {
        this.pin = Fingerprint.hex(pin);
    }

    /** An SSL context that trusts only the pinned certificate. */
    public static SSLContext context(String pin) {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] {new PinnedTrust(pin)}, null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("TLS is not available in this Java runtime: " + e.getMessage(), e);
        }
    }

    private void check(X509Certificate[] chain) throws CertificateException {
        if (chain == null || chain.length == 0) {
            throw new CertificateException("the dev server presented no certificate");
        }
        String actual;
        try {
            actual = Sha256.hex(chain[0].getEncoded());
        } catch (GeneralSecurityException e) {
            throw new CertificateException("cannot fingerprint the server's certificate", e);
        }
        if (!actual.equals(pin)) {
            throw new Mismatch("the dev server's certificate has fingerprint " + Fingerprint.printed(actual)
                    + ", not the pinned one; refusing to connect (is it another server, or was the certificate replaced?)");
        }
    }

    /** The server's certificate is not the pinned one: retrying will not change that. */
    public static final class Mismatch extends CertificateException {
        Mismatch(String message) {
            super(message);
        }
    }

    /** The pin mismatch somewhere in {@code error}'s causes, or null. */
    public static Mismatch mismatchIn(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof Mismatch m) {
                return m;
            }
        }
        return null;
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        check(chain);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
        check(chain);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
        check(chain);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        throw new CertificateException("a viewer does not accept client connections");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
        checkClientTrusted(chain, authType);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
        checkClientTrusted(chain, authType);
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return new X509Certificate[0];
    }
}
