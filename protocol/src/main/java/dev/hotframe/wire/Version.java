package dev.hotframe.wire;

/** What {@code --version} prints for a Hotframe program: its build, the protocol it speaks and the JDK it runs on. */
public final class Version {

    private Version() {
    }

    /**
     * For example {@code "Hotframe viewer 0.1.0, protocol 1, Java 17.0.15+6"}. The build comes from
     * the jar's manifest ({@code Implementation-Version}, which the shaded jars set); classes run
     * from a build folder have none and say {@code (development build)}.
     */
    public static String line(String program) {
        String build = Version.class.getPackage().getImplementationVersion();
        return program + " " + (build == null ? "(development build)" : build) + ", protocol " + Protocol.VERSION
                + ", Java " + Runtime.version();
    }
}
