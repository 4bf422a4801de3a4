/** The websocket hub viewers connect to: authentication, sequence numbers, snapshots for joiners, fan-out. */
package dev.hotframe.devserver.session;
