package dev.hotframe.devserver.compile;

import com.sun.source.util.TaskEvent;
import com.sun.source.util.TaskListener;
import java.util.function.BooleanSupplier;
import java.util.function.IntConsumer;

/**
 * What a compile reports and obeys while javac runs: {@code cancelled} is asked at each step
 * (a true answer abandons the compile), and {@code analyzed} hears the running count of source
 * files javac has finished analysing; {@code warmUp} marks a throwaway compile that is not counted.
 */
record CompileHooks(BooleanSupplier cancelled, IntConsumer analyzed, boolean warmUp) {

    static final CompileHooks NONE = new CompileHooks(() -> false, n -> { });

    CompileHooks(BooleanSupplier cancelled, IntConsumer analyzed) {
        this(cancelled, analyzed, false);
    }

    /** A throwaway warm-up compile: javac's counts of compiles and cancels leave it out. */
    static CompileHooks warmUp(BooleanSupplier cancelled) {
        return new CompileHooks(cancelled, n -> { }, true);
    }

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
