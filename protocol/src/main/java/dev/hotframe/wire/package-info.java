/** The messages between dev server and viewers, as two closed sets of records, and their JSON codec. */
package dev.hotframe.wire;
