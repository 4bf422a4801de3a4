/** The project's scene files: parsed, kept as the last good version, and diffed into patches. No javac. */
package dev.hotframe.devserver.scene;
