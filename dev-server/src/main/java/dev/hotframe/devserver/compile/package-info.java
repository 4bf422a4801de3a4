/** In-process javac with in-memory class output, and the shape diff that picks redefine or reload. */
package dev.hotframe.devserver.compile;
