package dev.hotframe.devserver.compile;

import java.util.ArrayList;
import java.util.List;

/**
 * Renders JVM type signatures (JVMS 4.7.9.1) and descriptors as Java source types, the way a
 * person wrote them: {@code Ljava/util/Map<Ljava/lang/String;Ljava/util/List<Ljava/lang/Integer;>;>;}
 * as {@code Map<String, List<Integer>>}, {@code Ldemo/App$Item;} as {@code App.Item}. Used in
 * the reasons a change is classified by, so simple names are enough.
 */
final class Signatures {

    private final String text;
    private int at;

    private Signatures(String text) {
        this.text = text;
    }

    /** A field's type from its generic signature, or its descriptor when it has none. */
    static String type(String signatureOrDescriptor) {
        Signatures reader = new Signatures(signatureOrDescriptor);
        String type = reader.type();
        reader.end();
        return type;
    }

    /** A class's generic signature, split into what a declaration shows. */
    record ClassSignature(String typeParameters, String superclass, List<String> interfaces) {

        ClassSignature {
            interfaces = List.copyOf(interfaces);
        }
    }

    /** The parts of a class signature: {@code <T extends Number>}, {@code Base<T>}, {@code [Comparable<T>]}. */
    static ClassSignature classSignature(String signature) {
        Signatures reader = new Signatures(signature);
        String parameters = reader.peek('<') ? reader.typeParameters() : "";
        String superclass = reader.type();
        List<String> interfaces = new ArrayList<>();
        while (reader.at < reader.text.length()) {
            interfaces.add(reader.type());
        }
        return new ClassSignature(parameters, superclass, interfaces);
    }

    private String type() {
        if (at >= text.length()) {
            throw malformed("a type");
        }
        char c = text.charAt(at++);
        return switch (c) {
            case 'B' -> "byte";
            case 'C' -> "char";
            case 'D' -> "double";
            case 'F' -> "float";
            case 'I' -> "int";
            case 'J' -> "long";
            case 'S' -> "short";
            case 'Z' -> "boolean";
            case 'V' -> "void";
            case '[' -> type() + "[]";
            case 'T' -> until(';');
            case 'L' -> classType();
            default -> throw malformed("a type");
        };
    }

    /** After the {@code L}: {@code java/util/Map<...>} or {@code demo/Outer<T>.Inner<U>}, up to and past the {@code ;}. */
    private String classType() {
        StringBuilder out = new StringBuilder();
        String name = name();
        out.append(name.substring(name.lastIndexOf('/') + 1).replace('$', '.'));
        while (true) {
            if (peek('<')) {
                out.append(typeArguments());
            }
            if (peek('.')) {
                at++;
                out.append('.').append(name());
            } else {
                expect(';');
                return out.toString();
            }
        }
    }

    private String typeArguments() {
        expect('<');
        List<String> arguments = new ArrayList<>();
        while (!peek('>')) {
            if (at >= text.length()) {
                throw malformed("'>'");
            }
            char c = text.charAt(at);
            if (c == '*') {
                at++;
                arguments.add("?");
            } else if (c == '+' || c == '-') {
                at++;
                arguments.add((c == '+' ? "? extends " : "? super ") + type());
            } else {
                arguments.add(type());
            }
        }
        at++;
        return "<" + String.join(", ", arguments) + ">";
    }

    /** {@code <T:Ljava/lang/Object;U::Ljava/lang/Comparable<TU;>;>} as {@code <T, U extends Comparable<U>>}. */
    private String typeParameters() {
        expect('<');
        List<String> parameters = new ArrayList<>();
        while (!peek('>')) {
            String name = until(':');
            List<String> bounds = new ArrayList<>();
            if (!peek(':')) {
                bounds.add(type());
            }
            while (peek(':')) {
                at++;
                bounds.add(type());
            }
            bounds.remove("Object");
            parameters.add(bounds.isEmpty() ? name : name + " extends " + String.join(" & ", bounds));
        }
        at++;
        return "<" + String.join(", ", parameters) + ">";
    }

    private String name() {
        int start = at;
        while (at < text.length() && "<.;".indexOf(text.charAt(at)) < 0) {
            at++;
        }
        if (at == start) {
            throw malformed("a name");
        }
        return text.substring(start, at);
    }

    private String until(char end) {
        int found = text.indexOf(end, at);
        if (found < 0) {
            throw malformed("'" + end + "'");
        }
        String part = text.substring(at, found);
        at = found + 1;
        return part;
    }

    private boolean peek(char c) {
        return at < text.length() && text.charAt(at) == c;
    }

    private void expect(char c) {
        if (!peek(c)) {
            throw malformed("'" + c + "'");
        }
        at++;
    }

    private void end() {
        if (at != text.length()) {
            throw malformed("the end");
        }
    }

    private IllegalArgumentException malformed(String expected) {
        return new IllegalArgumentException("malformed signature '" + text + "': expected " + expected + " at index " + at);
    }
}
