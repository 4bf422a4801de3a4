/** Runs the user's app from received class bytes, and swaps its code: redefine in place, or a new generation with migrated state. */
package dev.hotframe.viewer.reload;
