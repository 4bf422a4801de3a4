package dev.hotframe.devserver.compile;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.FieldVisitor;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.RecordComponentVisitor;

/**
 * What the JVM's redefinition cannot change about a class, read from its bytes: flags,
 * hierarchy, fields (with constant values), methods (synthetic ones included), nest and record
 * attributes, permitted subclasses, and the static initializer's code. It also keeps the
 * constructors' code, which redefinition can change but which would not show (see
 * {@link #sameConstructorsAs}). It also holds what
 * redefinition could change but must not: the generic signature of the class and of every field
 * (static ones included) and record component. A field whose type goes from
 * {@code Map<String, List<Integer>>} to {@code Map<String, Integer>} keeps its descriptor, but its
 * value (and the state's JSON) no longer means what the new code reads, so it takes a reload.
 */
record ClassShape(String name, int access, String superName, List<String> interfaces, SortedSet<String> fields,
                  SortedSet<String> methods, String nestHost, SortedSet<String> nestMembers,
                  SortedSet<String> recordComponents, SortedSet<String> permittedSubclasses, byte[] staticInit,
                  SortedSet<String> api, String signature, SortedMap<String, String> fieldTypes, byte[] constructors) {

    /** Reads the shape of the class in {@code bytes}. */
    static ClassShape of(byte[] bytes) {
        Reader reader = new Reader();
        new ClassReader(bytes).accept(reader, ClassReader.SKIP_FRAMES);
        return reader.shape(code(bytes, "<clinit>"), code(bytes, "<init>"));
    }

    /**
     * True when a constructor's code (field initializers included, javac compiles them into every
     * constructor) differs: redefinition can apply it, but objects made before keep what the old
     * code did, so the change would not show.
     */
    boolean sameConstructorsAs(ClassShape other) {
        return Arrays.equals(constructors, other.constructors);
    }

    /** True when redefinition cannot turn {@code other} into this shape. */
    boolean sameShapeAs(ClassShape other) {
        return access == other.access && Objects.equals(superName, other.superName) && interfaces.equals(other.interfaces)
                && fields.equals(other.fields) && methods.equals(other.methods) && Objects.equals(nestHost, other.nestHost)
                && nestMembers.equals(other.nestMembers) && recordComponents.equals(other.recordComponents)
                && permittedSubclasses.equals(other.permittedSubclasses) && Arrays.equals(staticInit, other.staticInit)
                && Objects.equals(signature, other.signature) && fieldTypes.equals(other.fieldTypes);
    }

    /**
     * True when code compiled against {@code other} compiles the same against this class: the
     * same flags and supertypes, and the same non-private members (with their constant values,
     * generic signatures and thrown exceptions), record components, permitted subclasses and
     * member classes. Private members, lambdas, anonymous classes and method bodies may differ.
     */
    boolean sameApiAs(ClassShape other) {
        return access == other.access && Objects.equals(superName, other.superName) && interfaces.equals(other.interfaces)
                && api.equals(other.api) && recordComponents.equals(other.recordComponents)
                && permittedSubclasses.equals(other.permittedSubclasses);
    }

    /** The methods named {@code method} alone, without debug info, so that moving them down a line is not a change. */
    private static byte[] code(byte[] bytes, String method) {
        ClassWriter writer = new ClassWriter(0);
        boolean[] found = {false};
        new ClassReader(bytes).accept(new ClassVisitor(Opcodes.ASM9, writer) {
            @Override
            public void visit(int version, int access, String name, String signature, String superName, String[] interfaces) {
                super.visit(version, access, name, null, superName, null);
            }

            @Override
            public FieldVisitor visitField(int access, String name, String descriptor, String signature, Object value) {
                return null;
            }

            @Override
            public MethodVisitor visitMethod(int access, String name, String descriptor, String signature, String[] exceptions) {
                if (!name.equals(method)) {
                    return null;
                }
                found[0] = true;
                return super.visitMethod(access, name, descriptor, signature, exceptions);
            }
        }, ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
        return found[0] ? writer.toByteArray() : new byte[0];
    }

    private static final class Reader extends ClassVisitor {
        private String name;
        private int access;
        private String superName;
        private List<String> interfaces = List.of();
        private final SortedSet<String> fields = new TreeSet<>();
        private final SortedSet<String> methods = new TreeSet<>();
        private String nestHost;
        private final SortedSet<String> nestMembers = new TreeSet<>();
        private final SortedSet<String> recordComponents = new TreeSet<>();
        private final SortedSet<String> permitted = new TreeSet<>();
        private final SortedSet<String> api = new TreeSet<>();
        private final SortedMap<String, String> fieldTypes = new TreeMap<>();
        private String signature;

        Reader() {
            super(Opcodes.ASM9);
        }

        @Override
        public void visit(int version, int access, String name, String signature, String superName, String[] interfaces) {
            this.name = name;
            this.access = access;
            this.superName = superName;
            this.interfaces = interfaces == null ? List.of() : List.of(interfaces);
            this.signature = signature;
            api.add("signature " + signature);
        }

        @Override
        public FieldVisitor visitField(int access, String name, String descriptor, String signature, Object value) {
            fields.add(name + " " + descriptor + " " + access + (value == null ? "" : " = " + value));
            fieldTypes.put(name, signature == null ? descriptor : signature);
            if (visibleOutside(access)) {
                api.add("field " + name + " " + descriptor + " " + access + " " + signature + (value == null ? "" : " = " + value));
            }
            return null;
        }

        @Override
        public MethodVisitor visitMethod(int access, String name, String descriptor, String signature, String[] exceptions) {
            if (!name.equals("<clinit>")) {
                methods.add(name + descriptor + " " + access);
                if (visibleOutside(access)) {
                    api.add("method " + name + descriptor + " " + access + " " + signature + " throws "
                            + (exceptions == null ? "" : String.join(",", exceptions)));
                }
            }
            return null;
        }

        @Override
        public void visitNestHost(String host) {
            nestHost = host;
        }

        @Override
        public void visitNestMember(String member) {
            nestMembers.add(member);
            if (!Character.isDigit(member.charAt(member.lastIndexOf('$') + 1))) {
                api.add("member class " + member);
            }
        }

        @Override
        public void visitPermittedSubclass(String subclass) {
            permitted.add(subclass);
        }

        @Override
        public RecordComponentVisitor visitRecordComponent(String name, String descriptor, String signature) {
            recordComponents.add(name + " " + descriptor + (signature == null ? "" : " " + signature));
            return null;
        }

        ClassShape shape(byte[] staticInit, byte[] constructors) {
            return new ClassShape(name, access, superName, interfaces, fields, methods, nestHost, nestMembers,
                    recordComponents, permitted, staticInit, api, signature, fieldTypes, constructors);
        }

        private static boolean visibleOutside(int access) {
            return (access & (Opcodes.ACC_PRIVATE | Opcodes.ACC_SYNTHETIC)) == 0;
        }
    }
}
