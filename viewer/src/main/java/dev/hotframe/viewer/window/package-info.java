/** The native window: GLFW windows for each backend, input, HiDPI scale, and choosing the backend with fallback. */
package dev.hotframe.viewer.window;
