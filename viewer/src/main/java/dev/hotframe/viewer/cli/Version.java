package dev.hotframe.viewer.cli;

import dev.hotframe.wire.Protocol;
import picocli.CommandLine;

/** Prints the version from the jar manifest and the protocol version. */
final class Version implements CommandLine.IVersionProvider {

    @Override
    public String[] getVersion() {
        String version = Version.class.getPackage().getImplementationVersion();
        return new String[] {"Hotframe viewer " + (version == null ? "(development build)" : version)
                + ", protocol " + Protocol.VERSION + ", Java " + Runtime.version()};
    }
}
