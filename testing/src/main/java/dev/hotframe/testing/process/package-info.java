/** Hotframe's dev server and viewer as real child processes, with their output kept for assertions. */
package dev.hotframe.testing.process;
