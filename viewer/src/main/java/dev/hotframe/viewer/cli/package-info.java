/** The {@code viewer} command line. */
package dev.hotframe.viewer.cli;
