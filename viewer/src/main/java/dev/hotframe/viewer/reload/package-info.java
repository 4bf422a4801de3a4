/**
 * Runs the user's app from received class bytes in class-loader generations and swaps its code
 * by the cheapest tier that works (redefine in place, a new generation with the state migrated
 * into it, or a restart), keeping the replaced generations' bytes and state for undo; the app's
 * code runs under the watchdog of {@code reload.guard}, with the fuel checks that
 * {@code reload.bytecode} writes into its classes. A replaced generation is let go of through
 * {@code Unloading} (the app's {@code onUnload}, then the threads it left named) and counted by
 * {@code LeakedGenerations} while it stays in memory.
 */
package dev.hotframe.viewer.reload;
