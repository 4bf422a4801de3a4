/** Testcontainers for Hotframe: a dev server and headless viewers in containers, with assertions on frames, state and updates. */
package dev.hotframe.testing;
