/**
 * Runs calls into the app's code under a time budget and stops one that runs away: the watchdog
 * thread, and the fuel checks through which app code that loops or recurses without end is stopped,
 * with the viewer's own work inside such a call (drawing a scene) kept off the app's clock and blame;
 * and refuses the app's calls that would end or take over the viewer (the host-call gate), which
 * also records the threads the app starts ({@code AppThreads}).
 */
package dev.hotframe.viewer.reload.guard;
