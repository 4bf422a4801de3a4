/**
 * The jars the user's code needs at run time, named by hash in updates and served to viewers
 * over HTTP ({@code GET /hotframe/libraries/<sha256>}), so that a project with dependencies runs
 * in a viewer on another machine.
 */
package dev.hotframe.devserver.libs;
