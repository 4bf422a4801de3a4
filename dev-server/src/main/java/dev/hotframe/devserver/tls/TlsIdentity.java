package dev.hotframe.devserver.tls;

import dev.hotframe.wire.Fingerprint;
import dev.hotframe.wire.Sha256;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.util.Collections;

/**
 * A keystore with the server's private key and certificate, and the certificate's SHA-256
 * fingerprint, which viewers pin ({@code AB:CD:...}, as {@code keytool -list} prints it).
 */
public record TlsIdentity(KeyStore keyStore, String password, String fingerprint, Path file, boolean selfSigned) {

    @Override
    public String toString() {
        return "TlsIdentity[" + file + ", " + fingerprint + "]";
    }

    /** Loads a user's PKCS12 or JKS keystore; throws {@link TlsException} naming the file and the problem. */
    public static TlsIdentity load(Path file, String password, boolean selfSigned) {
        if (!Files.isRegularFile(file)) {
            throw new TlsException("keystore " + file + " does not exist");
        }
        try (InputStream in = Files.newInputStream(file)) {
            KeyStore store = KeyStore.getInstance(file.toString().endsWith(".jks") ? "JKS" : "PKCS12");
            store.load(in, password.toCharArray());
            return new TlsIdentity(store, password, fingerprint(serverCertificate(store, file)), file, selfSigned);
        } catch (IOException e) {
            throw new TlsException("cannot read keystore " + file + ": " + e.getMessage()
                    + (e.getCause() instanceof java.security.UnrecoverableKeyException ? " (wrong password?)" : ""));
        } catch (GeneralSecurityException e) {
            throw new TlsException("keystore " + file + " is not usable: " + e.getMessage());
        }
    }

    private static Certificate serverCertificate(KeyStore store, Path file) throws GeneralSecurityException {
        for (String alias : Collections.list(store.aliases())) {
            if (store.isKeyEntry(alias) && store.getCertificate(alias) != null) {
                return store.getCertificate(alias);
            }
        }
        throw new TlsException("keystore " + file + " holds no private key with a certificate");
    }

    /** The SHA-256 of a certificate's DER encoding, as colon-separated uppercase hex. */
    public static String fingerprint(Certificate certificate) throws GeneralSecurityException {
        return Fingerprint.printed(Sha256.digest(certificate.getEncoded()));
    }

    /** Normalizes a fingerprint as users may type it ({@code sha256:}, lower case, no colons) to the printed form. */
    public static String normalize(String pin) {
        return Fingerprint.printed(pin);
    }
}
