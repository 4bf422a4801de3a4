/** The projects the harness edits: a copy of the sample app and generated apps of N files, each with its edits. */
package dev.hotframe.bench.project;
