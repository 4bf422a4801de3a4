/** Drawing support: typefaces with a bundled fallback, and the overlay for errors and reload toasts. */
package dev.hotframe.viewer.render;
