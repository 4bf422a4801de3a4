/** The viewers' websocket protocol: authentication, hello and keepalive, fan-out of the publisher's updates, catch-up and snapshots for joiners. */
package dev.hotframe.devserver.session;
