/** Wires the dev server together: project, compiler, scenes, watcher and hub, and turns change batches into updates. */
package dev.hotframe.devserver.serve;
