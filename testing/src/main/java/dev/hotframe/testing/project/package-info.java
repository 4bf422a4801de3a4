/** Hotframe projects on disk for tests and benchmarks: copies of the sample app and generated N-file projects. */
package dev.hotframe.testing.project;
