package dev.hotframe.viewer.scene;

import dev.hotframe.viewer.assets.Assets;
import io.github.humbleui.skija.FontStyle;
import io.github.humbleui.skija.FontWeight;
import io.github.humbleui.skija.FontWidth;
import io.github.humbleui.skija.FontSlant;
import io.github.humbleui.skija.paragraph.Alignment;
import io.github.humbleui.skija.paragraph.Paragraph;
import io.github.humbleui.skija.paragraph.ParagraphBuilder;
import io.github.humbleui.skija.paragraph.ParagraphStyle;
import io.github.humbleui.skija.paragraph.TextStyle;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * Shapes text nodes with Skija's paragraph API and keeps each paragraph while its resolved
 * node is the same; paragraphs no longer used are closed once per frame.
 */
final class TextCache {

    private final Assets assets;
    private Map<ResolvedNode, Paragraph> live = new IdentityHashMap<>();
    private Map<ResolvedNode, Paragraph> used = new IdentityHashMap<>();

    TextCache(Assets assets) {
        this.assets = assets;
    }

    /** The paragraph of text node {@code node}, laid out at {@code width}. */
    Paragraph paragraph(ResolvedNode node, float width) {
        Paragraph p = used.get(node);
        if (p == null) {
            p = live.remove(node);
        }
        if (p == null) {
            p = build(node);
        }
        used.put(node, p);
        if (p.getMaxWidth() != width) {
            p.layout(width);
        }
        return p;
    }

    /** Closes the paragraphs that the last frame did not use. */
    void sweep() {
        live.values().forEach(Paragraph::close);
        live = used;
        used = new IdentityHashMap<>();
    }

    /** Forgets everything (the fonts changed). */
    void clear() {
        live.values().forEach(Paragraph::close);
        used.values().forEach(Paragraph::close);
        live = new IdentityHashMap<>();
        used = new IdentityHashMap<>();
    }

    private Paragraph build(ResolvedNode node) {
        try (TextStyle text = new TextStyle()
                .setFontSize(node.number("size", 16))
                .setColor(Fill.color(node.get("color"), 0xFFFFFFFF))
                .setFontStyle(new FontStyle(weight(node.get("weight")), FontWidth.NORMAL,
                        Boolean.TRUE.equals(node.get("italic")) ? FontSlant.ITALIC : FontSlant.UPRIGHT));
             ParagraphStyle style = new ParagraphStyle()) {
            String family = node.string("font", null);
            text.setFontFamilies(family == null ? new String[] {"Inter", "DejaVu Sans", "Noto Sans", "sans-serif"}
                    : new String[] {family, "DejaVu Sans", "sans-serif"});
            style.setTextStyle(text);
            style.setAlignment(switch (node.string("align", "left")) {
                case "center" -> Alignment.CENTER;
                case "right", "end" -> Alignment.RIGHT;
                case "justify" -> Alignment.JUSTIFY;
                default -> Alignment.LEFT;
            });
            if (node.has("maxLines")) {
                style.setMaxLinesCount((long) node.number("maxLines", 1));
                style.setEllipsis("\u2026");
            }
            try (ParagraphBuilder builder = new ParagraphBuilder(style, assets.fonts())) {
                builder.pushStyle(text);
                builder.addText(node.string("text", ""));
                builder.popStyle();
                return builder.build();
            }
        }
    }

    private static int weight(Object value) {
        if (value instanceof Number n) {
            return Math.max(100, Math.min(900, n.intValue()));
        }
        if (value == null) {
            return FontWeight.NORMAL;
        }
        return switch (value.toString()) {
            case "bold" -> FontWeight.BOLD;
            case "light" -> FontWeight.LIGHT;
            case "medium" -> FontWeight.MEDIUM;
            case "semibold" -> FontWeight.SEMI_BOLD;
            default -> FontWeight.NORMAL;
        };
    }
}
