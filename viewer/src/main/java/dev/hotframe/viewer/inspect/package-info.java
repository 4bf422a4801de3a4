/** Answers the dashboard's requests on the render thread: the state as a tree, state edits, undo and frame previews. */
package dev.hotframe.viewer.inspect;
