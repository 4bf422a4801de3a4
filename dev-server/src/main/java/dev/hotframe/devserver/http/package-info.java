/** HTTP routes besides the websocket: project files served safely to authenticated clients. */
package dev.hotframe.devserver.http;
