/**
 * The jars the app's code needs at run time, fetched from the dev server by hash and kept in a
 * content-addressed cache on disk, and the class loader each generation of the app uses for them.
 */
package dev.hotframe.viewer.libs;
