package dev.hotframe.devserver.http;

import dev.hotframe.devserver.session.HubSettings;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;

/** The Jetty connector for {@code wss://}: TLS with the hub's identity, HTTP/1.1 inside. */
final class TlsConnector {

    private TlsConnector() {
    }

    static Connector create(Server server, HttpConfiguration http, HubSettings settings) {
        SslContextFactory.Server ssl = new SslContextFactory.Server();
        ssl.setKeyStore(settings.tls().keyStore());
        ssl.setKeyStorePassword(settings.tls().password());
        ssl.setKeyManagerPassword(settings.tls().password());
        HttpConfiguration https = new HttpConfiguration(http);
        // Viewers pin the certificate, and reach the server by whatever name or address they were given.
        https.addCustomizer(new SecureRequestCustomizer(false));
        ServerConnector connector = new ServerConnector(server, new SslConnectionFactory(ssl, "http/1.1"),
                new HttpConnectionFactory(https));
        connector.setHost(settings.host());
        connector.setPort(settings.port());
        return connector;
    }
}
