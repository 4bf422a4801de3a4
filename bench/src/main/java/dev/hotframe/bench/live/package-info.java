/** The real dev server and headless viewers as processes, their update logs, and the edit-to-pixels runs. */
package dev.hotframe.bench.live;
