/** Memory after many reloads, many viewers at once, and start-up: the harness's scale measurements. */
package dev.hotframe.bench.scale;
