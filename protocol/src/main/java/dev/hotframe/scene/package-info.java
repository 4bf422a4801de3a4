/** The scene model shared by server and viewer: nodes with stable ids, parsing, diff and patch. */
package dev.hotframe.scene;
