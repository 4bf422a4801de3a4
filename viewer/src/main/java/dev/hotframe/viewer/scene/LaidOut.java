package dev.hotframe.viewer.scene;

import io.github.humbleui.skija.paragraph.Paragraph;
import java.util.List;

/**
 * A node's laid-out size and where its children go (offsets from its top-left corner).
 * Positions live in the parent, so a cached child layout fits wherever the parent puts it.
 *
 * @param paragraph the text node's laid-out paragraph, owned by {@link TextCache}; null otherwise
 */
record LaidOut(ResolvedNode node, float w, float h, List<LaidOut> children, float[] xs, float[] ys, Paragraph paragraph) {
}
