/** The dev server's HTTP server: TLS, health and status, project files served safely to authenticated clients, and the hub's websocket mounted on it. */
package dev.hotframe.devserver.http;
