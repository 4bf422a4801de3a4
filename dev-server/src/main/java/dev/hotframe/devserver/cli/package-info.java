/** The {@code devserver} command line. */
package dev.hotframe.devserver.cli;
