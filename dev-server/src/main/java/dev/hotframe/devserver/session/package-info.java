/** The websocket hub viewers connect to: authentication, fan-out of the publisher's updates, catch-up and snapshots for joiners. */
package dev.hotframe.devserver.session;
