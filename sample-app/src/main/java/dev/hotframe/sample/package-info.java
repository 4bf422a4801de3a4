/** The sample app: a live dashboard with a scene-driven header and cards and a chart drawn in Java. */
package dev.hotframe.sample;
