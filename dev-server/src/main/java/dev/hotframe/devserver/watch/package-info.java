/** Watches the project's folders and turns bursts of file events into one batch of changed paths. */
package dev.hotframe.devserver.watch;
