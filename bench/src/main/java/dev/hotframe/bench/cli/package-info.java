/** {@code bin/bench}: the harness's command line; it only wires the runs together and prints. */
package dev.hotframe.bench.cli;
