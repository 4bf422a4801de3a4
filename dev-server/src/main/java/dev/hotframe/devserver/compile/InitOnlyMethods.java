package dev.hotframe.devserver.compile;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.Handle;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * Finds a changed method that, within its class, only constructors or the static initializer
 * call (directly or through other such methods), such as a {@code buildShader()} helper of the
 * constructor. It already ran, so a redefine would change its code but not what it made; such a
 * change takes a reload, like a constructor change. A method that any other method calls, or
 * that a lambda or method reference names, may run again, and stays a redefine. Calls from other
 * classes are not seen: a method they also call gets a reload it did not need, which shows the
 * change all the same.
 */
final class InitOnlyMethods {

    /** Stands for a caller that may run at any time: a lambda or method reference. */
    private static final String ANYTIME = "*";

    private InitOnlyMethods() {
    }

    /** The name of a method whose code differs from {@code before} to {@code after} and that only initializers call. */
    static Optional<String> changed(byte[] before, byte[] after) {
        Methods old = Methods.of(before);
        Methods now = Methods.of(after);
        for (Map.Entry<String, String> method : now.bodies.entrySet()) {
            String key = method.getKey();
            if (!initializer(key) && !Objects.equals(old.bodies.get(key), method.getValue())
                    && now.onlyInitializersCall(key, new HashSet<>(Set.of(key)))) {
                return Optional.of(key.substring(0, key.indexOf('(')));
            }
        }
        return Optional.empty();
    }

    private static boolean initializer(String key) {
        return key.startsWith("<init>") || key.startsWith("<clinit>");
    }

    /** Each method's code as text, and who within the class calls each method (name and descriptor). */
    private record Methods(Map<String, String> bodies, Map<String, Set<String>> callers) {

        boolean onlyInitializersCall(String key, Set<String> seen) {
            Set<String> by = callers.getOrDefault(key, Set.of());
            if (by.isEmpty()) {
                return false;
            }
            for (String caller : by) {
                if (initializer(caller)) {
                    continue;
                }
                if (caller.equals(ANYTIME) || !seen.add(caller) || !onlyInitializersCall(caller, seen)) {
                    return false;
                }
            }
            return true;
        }

        static Methods of(byte[] bytes) {
            Methods methods = new Methods(new LinkedHashMap<>(), new LinkedHashMap<>());
            new ClassReader(bytes).accept(new ClassVisitor(Opcodes.ASM9) {
                private String owner;

                @Override
                public void visit(int version, int access, String name, String signature, String superName, String[] interfaces) {
                    owner = name;
                }

                @Override
                public MethodVisitor visitMethod(int access, String name, String descriptor, String signature, String[] exceptions) {
                    String key = name + descriptor;
                    StringBuilder body = new StringBuilder();
                    methods.bodies.put(key, "");
                    return new MethodVisitor(Opcodes.ASM9, new StartChange.Instructions(body)) {
                        @Override
                        public void visitMethodInsn(int opcode, String target, String callee, String desc, boolean isInterface) {
                            if (target.equals(owner)) {
                                methods.callers.computeIfAbsent(callee + desc, k -> new HashSet<>()).add(key);
                            }
                            super.visitMethodInsn(opcode, target, callee, desc, isInterface);
                        }

                        @Override
                        public void visitInvokeDynamicInsn(String callee, String desc, Handle bootstrap, Object... arguments) {
                            for (Object argument : arguments) {
                                named(argument);
                            }
                            super.visitInvokeDynamicInsn(callee, desc, bootstrap, arguments);
                        }

                        @Override
                        public void visitLdcInsn(Object value) {
                            named(value);
                            super.visitLdcInsn(value);
                        }

                        private void named(Object value) {
                            if (value instanceof Handle handle && handle.getOwner().equals(owner)) {
                                methods.callers.computeIfAbsent(handle.getName() + handle.getDesc(), k -> new HashSet<>()).add(ANYTIME);
                            }
                        }

                        @Override
                        public void visitEnd() {
                            methods.bodies.put(key, body.toString());
                        }
                    };
                }
            }, ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
            return methods;
        }
    }
}
