/** How a Hotframe command line process stops: Ctrl+C and SIGTERM as a clean stop, shared by the dev server and the viewer. */
package dev.hotframe.process;
