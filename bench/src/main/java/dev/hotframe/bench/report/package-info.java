/** Percentiles and the harness's results as terminal tables, markdown and JSON. */
package dev.hotframe.bench.report;
