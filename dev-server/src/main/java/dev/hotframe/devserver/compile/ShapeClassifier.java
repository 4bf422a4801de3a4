package dev.hotframe.devserver.compile;

import dev.hotframe.wire.Tier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.Opcodes;

/** Compares the old and new bytes of a project's classes and decides between redefine and reload. */
public final class ShapeClassifier {

    private static final String NEST_CHANGE = "nested or anonymous classes changed in ";
    /** Why a constructor or static initializer change is a reload: a redefine would leave what it made as it was. */
    private static final String RUNS_AGAIN = " changed; it runs again in a new generation";
    private static final Pattern LOCAL = Pattern.compile(".*\\$\\d+[^.$]*");

    private ShapeClassifier() {
    }

    /** {@code App.update} for a class declared in {@code App}'s method {@code update}, or just {@code App}. */
    private static String enclosingMethod(byte[] bytes) {
        String[] where = new String[2];
        new ClassReader(bytes).accept(new ClassVisitor(Opcodes.ASM9) {
            @Override
            public void visitOuterClass(String owner, String name, String descriptor) {
                where[0] = owner;
                where[1] = name;
            }
        }, ClassReader.SKIP_CODE | ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
        if (where[0] == null) {
            return "?";
        }
        String owner = simple(where[0].replace('/', '.'));
        return where[1] == null || where[1].startsWith("<") ? owner : owner + "." + where[1];
    }

    /** Classifies the change from {@code before} to {@code after} (binary name to class bytes). */
    public static Classification classify(Map<String, byte[]> before, Map<String, byte[]> after) {
        List<String> changed = new ArrayList<>();
        List<String> removed = new ArrayList<>();
        Map<String, String> reasonOf = new LinkedHashMap<>();
        List<String> rerun = new ArrayList<>();
        Set<String> names = new TreeSet<>(before.keySet());
        names.addAll(after.keySet());
        for (String name : names) {
            byte[] old = before.get(name);
            byte[] now = after.get(name);
            if (now == null) {
                removed.add(name);
                reasonOf.put(name, "class " + simple(name) + " removed");
            } else if (old == null) {
                changed.add(name);
                reasonOf.put(name, LOCAL.matcher(name).matches() ? "new " + (name.matches(".*\\$\\d+") ? "anonymous" : "local")
                        + " class in " + enclosingMethod(now) : "new class " + simple(name));
            } else if (!Arrays.equals(old, now)) {
                changed.add(name);
                ClassShape a = ClassShape.of(old);
                ClassShape b = ClassShape.of(now);
                if (!a.sameShapeAs(b)) {
                    reasonOf.put(name, difference(simple(name), a, b));
                } else if (!a.sameConstructorsAs(b)) {
                    rerun.add("the constructor or a field initializer of " + simple(name) + RUNS_AGAIN);
                } else {
                    InitOnlyMethods.changed(old, now).ifPresent(method -> rerun.add(simple(name) + "." + method
                            + "() changed, and only constructors or initializers call it; it runs again in a new generation"));
                }
            }
        }
        // A new anonymous class also changes its nest host's members; the new class says it better.
        reasonOf.keySet().removeIf(host -> reasonOf.get(host).startsWith(NEST_CHANGE)
                && after.keySet().stream().anyMatch(n -> n.startsWith(host + "$") && !before.containsKey(n)));
        // A constructor change is named only when nothing else needs the reload: the shape says more.
        List<String> reasons = new ArrayList<>(reasonOf.isEmpty() ? rerun : reasonOf.values());
        if (reasons.isEmpty()) {
            String reason = changed.isEmpty() ? "no class changed" : "method bodies changed in " + names(changed);
            return new Classification(Tier.REDEFINE, reason, changed, removed);
        }
        String reason = reasons.get(0) + (reasons.size() > 1 ? " (and " + (reasons.size() - 1) + " more)" : "");
        return new Classification(Tier.RELOAD, reason, changed, removed);
    }

    private static String difference(String cls, ClassShape a, ClassShape b) {
        return members(cls, "field", a.fields(), b.fields()).or(() -> genericFields(cls, a, b))
                .or(() -> methods(cls, a, b)).orElseGet(() -> typeDifference(cls, a, b));
    }

    /** How {@code cls} changed when its fields and methods did not. */
    private static String typeDifference(String cls, ClassShape a, ClassShape b) {
        if (a.access() != b.access()) {
            return cls + " changed its modifiers";
        }
        if (!java.util.Objects.equals(a.superName(), b.superName())) {
            return cls + " changed its superclass to " + simple(b.superName().replace('/', '.'));
        }
        if (!a.interfaces().equals(b.interfaces())) {
            return cls + " changed the interfaces it implements";
        }
        if (!java.util.Objects.equals(a.signature(), b.signature())) {
            return classSignature(cls, a, b);
        }
        if (!a.nestMembers().equals(b.nestMembers()) || !java.util.Objects.equals(a.nestHost(), b.nestHost())) {
            return NEST_CHANGE + cls;
        }
        if (!a.recordComponents().equals(b.recordComponents())) {
            return "record " + cls + " changed its components";
        }
        if (!a.permittedSubclasses().equals(b.permittedSubclasses())) {
            return "sealed " + cls + " changed its permitted subclasses";
        }
        return "the static initializer of " + cls + RUNS_AGAIN;
    }

    /** Same descriptor, another generic type: what the value holds, and what its JSON means, changed. */
    private static Optional<String> genericFields(String cls, ClassShape a, ClassShape b) {
        for (Map.Entry<String, String> field : b.fieldTypes().entrySet()) {
            String before = a.fieldTypes().get(field.getKey());
            if (before != null && !before.equals(field.getValue())) {
                boolean component = b.recordComponents().stream().anyMatch(c -> memberName(c).equals(field.getKey()));
                String kind = component ? "component" : isStatic(b, field.getKey()) ? "static field" : "field";
                return Optional.of((component ? "record " : "") + cls + " changed the type of " + kind + " '" + field.getKey()
                        + "' from " + Signatures.type(before) + " to " + Signatures.type(field.getValue()));
            }
        }
        return Optional.empty();
    }

    private static boolean isStatic(ClassShape shape, String field) {
        return shape.fields().stream().filter(f -> memberName(f).equals(field))
                .anyMatch(f -> (Integer.parseInt(f.split(" ")[2]) & Opcodes.ACC_STATIC) != 0);
    }

    /** The class's own type parameters, or its supertypes' type arguments, changed. */
    private static String classSignature(String cls, ClassShape before, ClassShape after) {
        Signatures.ClassSignature a = declaration(before);
        Signatures.ClassSignature b = declaration(after);
        if (!a.typeParameters().equals(b.typeParameters())) {
            return cls + " changed its type parameters from " + a.typeParameters() + " to " + b.typeParameters();
        }
        if (!a.superclass().equals(b.superclass())) {
            return cls + " changed its superclass from " + a.superclass() + " to " + b.superclass();
        }
        return cls + " changed the interfaces it implements from " + String.join(", ", a.interfaces()) + " to "
                + String.join(", ", b.interfaces());
    }

    /** The class signature, or for a class without one, its erased supertypes. */
    private static Signatures.ClassSignature declaration(ClassShape shape) {
        if (shape.signature() != null) {
            return Signatures.classSignature(shape.signature());
        }
        return new Signatures.ClassSignature("", shape.superName() == null ? "" : Signatures.type("L" + shape.superName() + ";"),
                shape.interfaces().stream().map(i -> Signatures.type("L" + i + ";")).toList());
    }

    private static Optional<String> methods(String cls, ClassShape a, ClassShape b) {
        for (String m : b.methods()) {
            if (!a.methods().contains(m) && m.startsWith("lambda$")) {
                return Optional.of("new lambda in " + cls + "." + m.split("\\$")[1]);
            }
        }
        for (String m : a.methods()) {
            if (!b.methods().contains(m) && m.startsWith("lambda$")) {
                return Optional.of("lambda removed from " + cls + "." + m.split("\\$")[1]);
            }
        }
        return members(cls, "method", a.methods(), b.methods());
    }

    private static Optional<String> members(String cls, String kind, Set<String> before, Set<String> after) {
        for (String entry : after) {
            if (!before.contains(entry)) {
                String name = memberName(entry);
                boolean existed = before.stream().anyMatch(e -> memberName(e).equals(name));
                return Optional.of(existed ? cls + " changed " + kind + " '" + name + "'" + constantNote(kind, before, entry)
                        : cls + " gained " + kind + " '" + name + "'");
            }
        }
        for (String entry : before) {
            if (!after.contains(entry)) {
                return Optional.of(cls + " lost " + kind + " '" + memberName(entry) + "'");
            }
        }
        return Optional.empty();
    }

    private static String constantNote(String kind, Set<String> before, String entry) {
        return kind.equals("field") && entry.contains(" = ") ? " (a constant; its users are recompiled)" : "";
    }

    private static String memberName(String entry) {
        int end = 0;
        while (end < entry.length() && entry.charAt(end) != ' ' && entry.charAt(end) != '(') {
            end++;
        }
        return entry.substring(0, end);
    }

    private static String names(List<String> classes) {
        List<String> simple = classes.stream().map(ShapeClassifier::simple).toList();
        return simple.size() <= 3 ? String.join(", ", simple) : String.join(", ", simple.subList(0, 3)) + " and " + (simple.size() - 3) + " more";
    }

    /** {@code com.example.App$State} as {@code App.State}, the way people write it. */
    static String simple(String binaryName) {
        return binaryName.substring(binaryName.lastIndexOf('.') + 1).replace('$', '.');
    }
}
