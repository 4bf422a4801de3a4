/** The asset pipeline: the images, fonts and SkSL shaders of the project's assets folder, hashed and sent to viewers when they change. */
package dev.hotframe.devserver.assets;
