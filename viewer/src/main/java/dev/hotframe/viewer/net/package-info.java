/**
 * The viewer's side of the websocket: finding the dev server, connecting with the token,
 * reconnecting, and following the update stream in order, with library downloads off the listener's thread.
 */
package dev.hotframe.viewer.net;
