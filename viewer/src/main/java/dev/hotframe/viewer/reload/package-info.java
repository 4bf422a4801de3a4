/**
 * Runs the user's app from received class bytes and swaps its code by the cheapest tier that
 * works (redefine in place, a new generation with migrated state, or a restart), under a
 * watchdog whose fuel checks stop app code that never returns.
 */
package dev.hotframe.viewer.reload;
