package dev.hotframe.scene;

/** Parses scene colours written {@code #RRGGBB} (opaque) or {@code #AARRGGBB}. */
public final class Colors {

    private Colors() {
    }

    /** Returns whether {@code text} is a colour this class can parse. */
    public static boolean isColor(String text) {
        if (text == null || !text.startsWith("#") || (text.length() != 7 && text.length() != 9)) {
            return false;
        }
        for (int i = 1; i < text.length(); i++) {
            if (Character.digit(text.charAt(i), 16) < 0) {
                return false;
            }
        }
        return true;
    }

    /** Parses {@code text} to a packed ARGB int. */
    public static int parse(String text) {
        if (!isColor(text)) {
            throw new IllegalArgumentException("'" + text + "' is not a colour; write #RRGGBB or #AARRGGBB");
        }
        long value = Long.parseLong(text.substring(1), 16);
        return text.length() == 7 ? (int) (0xFF000000L | value) : (int) value;
    }
}
