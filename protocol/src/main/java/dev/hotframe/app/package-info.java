/** The contract a user's app implements: its state, its per-frame update and render, and input. */
package dev.hotframe.app;
