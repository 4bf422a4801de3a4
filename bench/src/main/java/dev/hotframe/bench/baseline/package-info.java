/** The loops Hotframe replaces: mvn or forked javac, then a fresh JVM that draws the app's first frame. */
package dev.hotframe.bench.baseline;
