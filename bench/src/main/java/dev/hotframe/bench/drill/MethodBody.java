package dev.hotframe.bench.drill;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds where a {@code void NAME(...)} method's body starts in Java source, so that a statement can
 * be put first in it. A textual search, not a parser: a declaration is {@code void NAME(} whose
 * parameter list is followed by a {@code {} before any {@code ;} (so an abstract declaration or a
 * call is passed over).
 */
final class MethodBody {

    private MethodBody() {
    }

    /** {@code source} with {@code statement} first in the body of {@code void method(...)}, or empty when there is none. */
    static Optional<String> insertFirst(String source, String method, String statement) {
        return bodyStart(source, method).map(at -> source.substring(0, at) + "\n        " + statement
                + " // fault-drill" + source.substring(at));
    }

    /** The index just past the opening brace of {@code void method(...)}'s body, or empty. */
    static Optional<Integer> bodyStart(String source, String method) {
        Matcher declaration = Pattern.compile("\\bvoid\\s+" + Pattern.quote(method) + "\\s*\\(").matcher(source);
        while (declaration.find()) {
            int close = closingParen(source, declaration.end() - 1);
            if (close < 0) {
                return Optional.empty();
            }
            int brace = source.indexOf('{', close);
            int semicolon = source.indexOf(';', close);
            if (brace >= 0 && (semicolon < 0 || brace < semicolon)) {
                return Optional.of(brace + 1);
            }
        }
        return Optional.empty();
    }

    private static int closingParen(String source, int open) {
        int depth = 0;
        for (int i = open; i < source.length(); i++) {
            char c = source.charAt(i);
            if (c == '(') {
                depth++;
            } else if (c == ')' && --depth == 0) {
                return i;
            }
        }
        return -1;
    }
}
