/** Headless output: a raster target, and frames, state and the update log written to a folder for tests and CI. */
package dev.hotframe.viewer.headless;
