package dev.hotframe.devserver.compile;

import com.sun.source.util.TaskEvent;
import com.sun.source.util.TaskListener;
import java.util.function.BooleanSupplier;
import java.util.function.IntConsumer;

/**
 * What a compile reports and obeys while javac runs: {@code cancelled} is asked at each step
 * (a true answer abandons the compile), and {@code analyzed} hears the running count of source
 * files javac has finished analysing.
 */
record CompileHooks(BooleanSupplier cancelled, IntConsumer analyzed) {

    static final CompileHooks NONE = new CompileHooks(() -> false, n -> { });

    TaskListener listener() {
        return new TaskListener() {
            private final java.util.Set<Object> units = new java.util.HashSet<>();

            @Override
            public void started(TaskEvent event) {
                if (cancelled.getAsBoolean()) {
                    throw new InProcessCompiler.Cancelled();
                }
            }

            @Override
            public void finished(TaskEvent event) {
                if (event.getKind() == TaskEvent.Kind.ANALYZE && units.add(event.getCompilationUnit())) {
                    analyzed.accept(units.size());
                }
            }
        };
    }
}
