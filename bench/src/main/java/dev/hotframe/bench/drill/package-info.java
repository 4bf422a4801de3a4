/**
 * {@code bin/fault-drill}: hostile edits applied one at a time to a copy of a project under the real dev server
 * and a headless viewer, each judged on four checks (viewer alive, failure shown, recovered, state kept).
 */
package dev.hotframe.bench.drill;
