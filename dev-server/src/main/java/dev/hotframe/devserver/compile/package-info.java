/**
 * In-process javac with in-memory classes, the dependency graph that limits each change to the
 * changed files and the users of what changed, and the shape diff that picks redefine or reload.
 */
package dev.hotframe.devserver.compile;
