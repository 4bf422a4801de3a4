/** Rendering backends: where Skija's surfaces come from and how a frame reaches the screen (Vulkan, OpenGL, CPU raster). */
package dev.hotframe.viewer.backend;
