/** The viewer's retained scenes: patched in place by node id, and drawn with values bound from the app state. */
package dev.hotframe.viewer.scene;
