package dev.hotframe.devserver.session;

import dev.hotframe.devserver.tls.TlsIdentity;
import dev.hotframe.wire.Limits;
import dev.hotframe.wire.Protocol;
import java.nio.file.Path;
import java.util.Objects;

/**
 * How the hub listens and what it enforces.
 *
 * @param assets       the folder served under {@link Protocol#ASSETS_PATH}, or null for none
 * @param tls          the TLS identity for {@code wss://}, or null for plain {@code ws://}
 * @param pingMillis   how often the hub pings viewers; one that stays silent for
 *                     {@link Protocol#PINGS_BEFORE_TIMEOUT} pings is dropped
 */
public record HubSettings(String host, int port, AccessToken token, Limits limits, Path assets, TlsIdentity tls,
                          long pingMillis) {

    public HubSettings {
        Objects.requireNonNull(host, "'host' must not be null");
        Objects.requireNonNull(token, "'token' must not be null");
        Objects.requireNonNull(limits, "'limits' must not be null");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("'port' must be in 0..65535, was " + port);
        }
        if (pingMillis <= 0) {
            throw new IllegalArgumentException("'pingMillis' must be positive, was " + pingMillis);
        }
    }

    /** Whether the hub listens on loopback only, so that only this machine can connect. */
    public boolean loopback() {
        return isLoopback(host);
    }

    /** Whether {@code address} names this machine's loopback interface. */
    public static boolean isLoopback(String address) {
        return UpgradeGuard.isLoopback(address);
    }

    /** Loopback, a free port, default limits, no assets, no TLS. */
    public static HubSettings local(AccessToken token) {
        return new HubSettings("127.0.0.1", 0, token, Limits.DEFAULT, null, null, Protocol.PING_SECONDS * 1000L);
    }

    public HubSettings withLimits(Limits value) {
        return new HubSettings(host, port, token, value, assets, tls, pingMillis);
    }

    public HubSettings withAssets(Path value) {
        return new HubSettings(host, port, token, limits, value, tls, pingMillis);
    }

    public HubSettings withTls(TlsIdentity value) {
        return new HubSettings(host, port, token, limits, assets, value, pingMillis);
    }

    public HubSettings withPingMillis(long value) {
        return new HubSettings(host, port, token, limits, assets, tls, value);
    }

    public HubSettings withAddress(String newHost, int newPort) {
        return new HubSettings(newHost, newPort, token, limits, assets, tls, pingMillis);
    }
}
