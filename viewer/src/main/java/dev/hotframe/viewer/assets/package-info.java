/**
 * Images, fonts and SkSL shaders from the project's {@code assets/} folder, as the viewer holds them: for scenes, for
 * the app's {@code Frame.assets()}, and as resources of the app's class loader.
 */
package dev.hotframe.viewer.assets;
