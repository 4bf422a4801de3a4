/** Fixtures for tests of Hotframe apps: a dev server and headless viewers in containers, and the reader of a headless viewer's output (updates, frames, state). */
package dev.hotframe.testing;
