/** The viewer's side of the websocket: finding the dev server, connecting with the token, reconnecting. */
package dev.hotframe.viewer.net;
