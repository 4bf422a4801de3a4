package dev.hotframe.devserver.compile;

import java.util.HashSet;
import java.util.Set;
import org.objectweb.asm.AnnotationVisitor;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.FieldVisitor;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.RecordComponentVisitor;
import org.objectweb.asm.Type;
import org.objectweb.asm.TypePath;
import org.objectweb.asm.signature.SignatureReader;
import org.objectweb.asm.signature.SignatureVisitor;

/**
 * The classes one class file refers to, by binary name: every class in its constant pool and
 * in the descriptors there, plus the types of its declared members, their generic signatures,
 * and annotations. {@code supertypes} are its superclass and interfaces. Constants that javac
 * inlined leave no trace here; {@link SourceReferences} records those.
 */
record ClassLinks(String name, Set<String> references, Set<String> supertypes) {

    private static final int CLASS = 7;
    private static final int NAME_AND_TYPE = 12;
    private static final int METHOD_TYPE = 16;

    ClassLinks {
        references = Set.copyOf(references);
        supertypes = Set.copyOf(supertypes);
    }

    /** Reads the links of the class in {@code bytes}. */
    static ClassLinks of(byte[] bytes) {
        ClassReader reader = new ClassReader(bytes);
        Collector collector = new Collector();
        char[] buffer = new char[reader.getMaxStringLength()];
        for (int i = 1; i < reader.getItemCount(); i++) {
            int offset = reader.getItem(i);
            if (offset == 0) {
                continue;
            }
            int tag = reader.readByte(offset - 1);
            if (tag == CLASS) {
                collector.internalOrArray(reader.readUTF8(offset, buffer));
            } else if (tag == NAME_AND_TYPE) {
                collector.descriptor(reader.readUTF8(offset + 2, buffer));
            } else if (tag == METHOD_TYPE) {
                collector.descriptor(reader.readUTF8(offset, buffer));
            }
        }
        reader.accept(collector, ClassReader.SKIP_CODE | ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
        String name = reader.getClassName().replace('/', '.');
        collector.names.remove(name);
        return new ClassLinks(name, collector.names, collector.supertypes);
    }

    /** Gathers binary names from every place a class file can name a type outside method code. */
    private static final class Collector extends ClassVisitor {
        final Set<String> names = new HashSet<>();
        final Set<String> supertypes = new HashSet<>();
        private final AnnotationVisitor annotations = new AnnotationVisitor(Opcodes.ASM9) {
            @Override
            public void visit(String name, Object value) {
                if (value instanceof Type type) {
                    type(type);
                }
            }

            @Override
            public void visitEnum(String name, String descriptor, String value) {
                descriptor(descriptor);
            }

            @Override
            public AnnotationVisitor visitAnnotation(String name, String descriptor) {
                descriptor(descriptor);
                return this;
            }

            @Override
            public AnnotationVisitor visitArray(String name) {
                return this;
            }
        };

        Collector() {
            super(Opcodes.ASM9);
        }

        @Override
        public void visit(int version, int access, String name, String signature, String superName, String[] interfaces) {
            signature(signature);
            if (superName != null) {
                supertypes.add(superName.replace('/', '.'));
                internalOrArray(superName);
            }
            for (String type : interfaces == null ? new String[0] : interfaces) {
                supertypes.add(type.replace('/', '.'));
                internalOrArray(type);
            }
        }

        @Override
        public AnnotationVisitor visitAnnotation(String descriptor, boolean visible) {
            descriptor(descriptor);
            return annotations;
        }

        @Override
        public AnnotationVisitor visitTypeAnnotation(int typeRef, TypePath typePath, String descriptor, boolean visible) {
            descriptor(descriptor);
            return annotations;
        }

        @Override
        public FieldVisitor visitField(int access, String name, String descriptor, String signature, Object value) {
            descriptor(descriptor);
            signature(signature);
            return new FieldVisitor(Opcodes.ASM9) {
                @Override
                public AnnotationVisitor visitAnnotation(String annotation, boolean visible) {
                    descriptor(annotation);
                    return annotations;
                }
            };
        }

        @Override
        public MethodVisitor visitMethod(int access, String name, String descriptor, String signature, String[] exceptions) {
            descriptor(descriptor);
            signature(signature);
            for (String type : exceptions == null ? new String[0] : exceptions) {
                internalOrArray(type);
            }
            return new MethodVisitor(Opcodes.ASM9) {
                @Override
                public AnnotationVisitor visitAnnotation(String annotation, boolean visible) {
                    descriptor(annotation);
                    return annotations;
                }

                @Override
                public AnnotationVisitor visitParameterAnnotation(int parameter, String annotation, boolean visible) {
                    descriptor(annotation);
                    return annotations;
                }

                @Override
                public AnnotationVisitor visitAnnotationDefault() {
                    return annotations;
                }
            };
        }

        @Override
        public RecordComponentVisitor visitRecordComponent(String name, String descriptor, String signature) {
            descriptor(descriptor);
            signature(signature);
            return null;
        }

        void internalOrArray(String internalName) {
            if (internalName.startsWith("[")) {
                descriptor(internalName);
            } else {
                names.add(internalName.replace('/', '.'));
            }
        }

        void descriptor(String descriptor) {
            if (descriptor.startsWith("(")) {
                for (Type argument : Type.getArgumentTypes(descriptor)) {
                    type(argument);
                }
                type(Type.getReturnType(descriptor));
            } else {
                type(Type.getType(descriptor));
            }
        }

        void type(Type type) {
            Type element = type.getSort() == Type.ARRAY ? type.getElementType() : type;
            if (element.getSort() == Type.OBJECT) {
                names.add(element.getClassName());
            } else if (element.getSort() == Type.METHOD) {
                descriptor(element.getDescriptor());
            }
        }

        void signature(String signature) {
            if (signature == null) {
                return;
            }
            new SignatureReader(signature).accept(new SignatureVisitor(Opcodes.ASM9) {
                private String current;

                @Override
                public void visitClassType(String name) {
                    current = name;
                    internalOrArray(name);
                }

                @Override
                public void visitInnerClassType(String name) {
                    current = current + "$" + name;
                    internalOrArray(current);
                }
            });
        }
    }
}
