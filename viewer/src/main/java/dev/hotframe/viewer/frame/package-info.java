/** The render loop: applies updates between frames, runs the app's update and render guarded, and reports each update. */
package dev.hotframe.viewer.frame;
