/** Images, fonts and SkSL shaders from the project's {@code assets/} folder, as the viewer holds them. */
package dev.hotframe.viewer.assets;
