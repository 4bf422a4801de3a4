/** The native window: GLFW with an OpenGL context that Skija draws into, and input from it. */
package dev.hotframe.viewer.window;
