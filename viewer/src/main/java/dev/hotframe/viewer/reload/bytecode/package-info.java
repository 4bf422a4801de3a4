/**
 * Writes the watchdog's fuel checks into app class files as they are loaded or redefined, and the
 * host-call gate into a few JDK methods ({@code Runtime.exit} and the like) at start-up.
 *
 * <p>The fuel checks are inserted into app classes by hand, not with ASM: the viewer carries no
 * bytecode library at run time, and the rewrite is small (a 3-byte {@code invokestatic} at method
 * entry and before backward branches, shifted offsets, re-encoded stack map frames). The JVM's
 * verifier checks the result; it was run over every class of jackson-databind, kotlin-stdlib and
 * Skija when the rewrite was written.
 */
package dev.hotframe.viewer.reload.bytecode;
