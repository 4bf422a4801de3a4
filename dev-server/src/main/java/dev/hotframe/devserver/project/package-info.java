/**
 * The user's project on disk: its descriptor {@code hotframe.json}, where sources, scenes and
 * assets live, and what its code compiles with (classpath and release, from its {@code pom.xml}).
 */
package dev.hotframe.devserver.project;
