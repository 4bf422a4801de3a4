package dev.hotframe.devserver.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.hotframe.devserver.http.HubServer;
import dev.hotframe.devserver.session.AccessToken;
import dev.hotframe.devserver.session.HubSettings;
import dev.hotframe.devserver.session.UpdateHub;
import dev.hotframe.devserver.session.ViewerClient;
import dev.hotframe.wire.Protocol;
import dev.hotframe.wire.ServerMessage;
import dev.hotframe.wire.UpdateMeta;
import dev.hotframe.wire.ViewerMessage;
import dev.hotframe.wire.WireCodec;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code --tls}: the self-signed identity made once with keytool, and a hub that speaks wss:// with it. */
@Timeout(120)
class TlsHubTest {

    private static final WireCodec CODEC = new WireCodec();

    @TempDir
    Path home;

    private HubServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void selfSignedIdentityIsMadeOnceOwnerOnlyAndKeepsItsFingerprint() throws Exception {
        TlsIdentity first = SelfSigned.loadOrCreate(home.resolve("tls"), List.of("127.0.0.1"));
        TlsIdentity again = SelfSigned.loadOrCreate(home.resolve("tls"), List.of("127.0.0.1"));

        assertThat(again.fingerprint()).isEqualTo(first.fingerprint()).matches("([0-9A-F]{2}:){31}[0-9A-F]{2}");
        assertThat(first.selfSigned()).isTrue();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(home.resolve("tls/devserver.p12"))))
                .isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(home.resolve("tls"))))
                .isEqualTo("rwx------");
    }

    @Test
    void viewerThatTrustsTheCertificateJoinsOverWss() throws Exception {
        TlsIdentity identity = SelfSigned.loadOrCreate(home.resolve("tls"), List.of("127.0.0.1"));
        AccessToken token = AccessToken.generate();
        HubSettings settings = HubSettings.local(token).withTls(identity);
        server = new HubServer(settings, new UpdateHub(settings, () -> snapshot(0)), Map::of).start();

        assertThat(server.url()).isEqualTo("wss://127.0.0.1:" + server.port() + Protocol.PATH);
        HttpClient https = HttpClient.newBuilder().sslContext(trusting(identity)).build();
        ViewerClient viewer = ViewerClient.connect(https, server.url(), Map.of(Protocol.TOKEN_HEADER, Protocol.bearer(token.value())))
                .join();
        viewer.send(CODEC.encode(new ViewerMessage.Hello(Protocol.SUPPORTED, "tls-viewer", "17", List.of(), null, 0, Map.of())));

        assertThat(viewer.nextMessage()).isInstanceOf(ServerMessage.Welcome.class);
        assertThat(viewer.nextMessage()).isEqualTo(snapshot(0));
    }

    @Test
    void clientThatDoesNotTrustTheCertificateCannotConnect() throws Exception {
        TlsIdentity identity = SelfSigned.loadOrCreate(home.resolve("tls"), List.of("127.0.0.1"));
        HubSettings settings = HubSettings.local(AccessToken.generate()).withTls(identity);
        server = new HubServer(settings, new UpdateHub(settings, () -> snapshot(0)), Map::of).start();

        Throwable failure = catchThrowable(() -> ViewerClient.connect(HttpClient.newHttpClient(), server.url(), Map.of()).join());

        assertThat(failure).hasCauseInstanceOf(javax.net.ssl.SSLHandshakeException.class);
    }

    @Test
    void wrongKeystorePasswordSaysSo() throws Exception {
        SelfSigned.loadOrCreate(home.resolve("tls"), List.of());
        Path store = home.resolve("tls/devserver.p12");

        assertThatThrownBy(() -> TlsIdentity.load(store, "not-the-password", false))
                .isInstanceOf(TlsException.class)
                .hasMessageStartingWith("cannot read keystore " + store + ": ");
    }

    @Test
    void missingKeystoreIsNamed() {
        Path missing = home.resolve("nope.p12");

        assertThatThrownBy(() -> TlsIdentity.load(missing, "x", false))
                .isInstanceOf(TlsException.class)
                .hasMessage("keystore " + missing + " does not exist");
    }

    @Test
    void pinsAreNormalizedToThePrintedForm() {
        String printed = "AB:".repeat(31) + "AB";

        assertThat(TlsIdentity.normalize("sha256:" + "ab".repeat(32))).isEqualTo(printed);
        assertThat(TlsIdentity.normalize(printed.toLowerCase(java.util.Locale.ROOT))).isEqualTo(printed);
        assertThatThrownBy(() -> TlsIdentity.normalize("abc")).isInstanceOf(IllegalArgumentException.class);
    }

    private static SSLContext trusting(TlsIdentity identity) throws Exception {
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        Certificate certificate = identity.keyStore().getCertificate("hotframe");
        trust.setCertificateEntry("devserver", certificate);
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(trust);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, factory.getTrustManagers(), null);
        return context;
    }

    private static ServerMessage.Snapshot snapshot(long seq) {
        return new ServerMessage.Snapshot(new UpdateMeta(seq, List.of(), 1000, Map.of()), "demo.App", List.of(), Map.of(), List.of());
    }
}
