package dev.hotframe.devserver.compile;

import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.util.JavacTask;
import com.sun.source.util.TaskEvent;
import com.sun.source.util.TaskListener;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreePathScanner;
import com.sun.source.util.Trees;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;

/**
 * Records, per compiled source file, the classes its code names: every type it mentions
 * (imports included) and the owner of every field and method it uses. This is how the
 * dependency graph learns about constants: javac inlines a {@code static final} constant into
 * its users, so their class files no longer mention the class that declares it, but their
 * attributed source trees still do.
 */
final class SourceReferences implements TaskListener {

    private final Trees trees;
    private final Elements elements;
    private final Map<Path, Set<String>> byFile = new HashMap<>();
    private final Set<CompilationUnitTree> importsSeen = new HashSet<>();

    SourceReferences(JavacTask task) {
        this.trees = Trees.instance(task);
        this.elements = task.getElements();
    }

    /** The classes each file's code names, by binary name; files that never got attributed are absent. */
    Map<Path, Set<String>> byFile() {
        return byFile;
    }

    @Override
    public void finished(TaskEvent event) {
        if (event.getKind() != TaskEvent.Kind.ANALYZE || event.getTypeElement() == null
                || !"file".equals(event.getSourceFile().toUri().getScheme())) {
            return;
        }
        CompilationUnitTree unit = event.getCompilationUnit();
        Set<String> names = byFile.computeIfAbsent(Path.of(event.getSourceFile().toUri()), f -> new HashSet<>());
        Recorder recorder = new Recorder(names);
        if (importsSeen.add(unit)) {
            unit.getImports().forEach(i -> recorder.scan(new TreePath(new TreePath(unit), i), null));
        }
        TreePath type = trees.getPath(event.getTypeElement());
        if (type != null) {
            recorder.scan(type, null);
        }
    }

    /** Walks one attributed tree and notes the class behind every name in it. */
    private final class Recorder extends TreePathScanner<Void, Void> {
        private final Set<String> names;

        Recorder(Set<String> names) {
            this.names = names;
        }

        @Override
        public Void visitIdentifier(IdentifierTree tree, Void unused) {
            note(trees.getElement(getCurrentPath()));
            return super.visitIdentifier(tree, unused);
        }

        @Override
        public Void visitMemberSelect(MemberSelectTree tree, Void unused) {
            note(trees.getElement(getCurrentPath()));
            return super.visitMemberSelect(tree, unused);
        }

        private void note(Element element) {
            if (element == null) {
                return;
            }
            ElementKind kind = element.getKind();
            Element owner = kind.isClass() || kind.isInterface() ? element
                    : kind.isField() || kind == ElementKind.METHOD || kind == ElementKind.CONSTRUCTOR
                    ? element.getEnclosingElement() : null;
            if (owner instanceof TypeElement type) {
                names.add(elements.getBinaryName(type).toString());
            }
        }
    }
}
