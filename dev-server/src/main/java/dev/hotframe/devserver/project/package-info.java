/** The user's project on disk: its descriptor {@code hotframe.json} and where sources, scenes and assets live. */
package dev.hotframe.devserver.project;
