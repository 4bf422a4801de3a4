/** One run of the viewer: the render target, the connection and the frame loop wired together, and how the run ended. */
package dev.hotframe.viewer.session;
