/** The developer's dashboard: a token-protected web page on its own port that shows viewers, reloads, errors and latency live, and inspects, edits and undoes on viewers. */
package dev.hotframe.devserver.dashboard;
