package dev.hotframe.devserver.tls;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The dev server's own certificate, made once with the JDK's {@code keytool} and kept in
 * {@code ~/.hotframe/tls/} (owner-only), so its fingerprint stays the same across restarts and
 * viewers keep their pin. The password sits beside it; the folder's permissions protect both.
 */
public final class SelfSigned {

    private static final Logger log = LoggerFactory.getLogger(SelfSigned.class);
    static final String KEYSTORE = "devserver.p12";
    static final String PASSWORD = "devserver.p12.password";

    private SelfSigned() {
    }

    /** Loads the self-signed identity from {@code folder}, creating it first if there is none. */
    public static TlsIdentity loadOrCreate(Path folder, List<String> hostNames) {
        Path store = folder.resolve(KEYSTORE);
        Path passwordFile = folder.resolve(PASSWORD);
        try {
            if (!Files.isRegularFile(store) || !Files.isRegularFile(passwordFile)) {
                create(folder, store, passwordFile, hostNames);
            }
            return TlsIdentity.load(store, Files.readString(passwordFile).trim(), true);
        } catch (IOException e) {
            throw new TlsException("cannot set up the self-signed certificate in " + folder + ": " + e.getMessage());
        }
    }

    private static void create(Path folder, Path store, Path passwordFile, List<String> hostNames) throws IOException {
        Files.createDirectories(folder);
        ownerOnly(folder, "rwx------");
        Files.deleteIfExists(store);
        byte[] secret = new byte[24];
        new SecureRandom().nextBytes(secret);
        String password = HexFormat.of().formatHex(secret);
        Files.writeString(passwordFile, password + "\n");
        ownerOnly(passwordFile, "rw-------");
        List<String> command = List.of(keytool().toString(), "-genkeypair", "-alias", "hotframe", "-keyalg", "EC",
                "-groupname", "secp256r1", "-sigalg", "SHA256withECDSA", "-validity", "3650",
                "-dname", "CN=Hotframe dev server", "-ext", "SAN=" + subjectAltNames(hostNames),
                "-keystore", store.toString(), "-storetype", "PKCS12", "-storepass", password, "-keypass", password);
        log.info("creating a self-signed TLS certificate in {}", store);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output;
        try {
            output = new String(process.getInputStream().readAllBytes());
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new TlsException("keytool could not create " + store + ": " + output.strip());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            throw new TlsException("interrupted while creating " + store);
        }
        ownerOnly(store, "rw-------");
    }

    static String subjectAltNames(List<String> hostNames) {
        Set<String> names = new LinkedHashSet<>(List.of("dns:localhost", "ip:127.0.0.1", "ip:::1"));
        for (String host : hostNames) {
            if (host == null || host.isBlank() || host.equals("0.0.0.0") || host.equals("::")) {
                continue;
            }
            names.add((host.matches("[0-9.]+") || host.contains(":") ? "ip:" : "dns:") + host);
        }
        return String.join(",", new ArrayList<>(names));
    }

    private static Path keytool() {
        Path bin = Path.of(System.getProperty("java.home"), "bin");
        Path tool = bin.resolve(System.getProperty("os.name").startsWith("Windows") ? "keytool.exe" : "keytool");
        if (!Files.isExecutable(tool)) {
            throw new TlsException("this Java runtime has no keytool (" + tool + "); pass --keystore with your own keystore");
        }
        return tool;
    }

    private static void ownerOnly(Path path, String permissions) {
        try {
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(permissions));
        } catch (UnsupportedOperationException | IOException e) {
            log.debug("cannot restrict {} to its owner: {}", path, e.toString());
        }
    }
}
