package dev.hotframe.viewer.reload.guard;

import dev.hotframe.viewer.reload.bytecode.GateInjector;
import java.lang.StackWalker.StackFrame;
import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinWorkerThread;
import java.util.function.Predicate;

/**
 * The threads that app code started, and where. The gate at the entry of {@code Thread.start}
 * (put there with the {@link GuardedCall}s, see {@link GateInstaller}) records, rather than
 * refuses, each thread whose nearest starter outside the JDK is app code: a thread the app
 * starts itself, and the threads of an executor or {@code Timer} it creates, whose
 * {@code start} runs inside the JDK; "where" is the app's frame nearest to the call. A thread
 * that a recorded thread starts from the JDK's code alone (an executor replacing a worker) is
 * recorded with its starter's origin. The common fork-join pool's workers belong to the JVM and
 * are not recorded.
 *
 * <p>Nothing is kept strongly: a record holds its thread and the class loaders of the app's
 * frames that started it weakly, so it never keeps a generation alive by itself.
 */
public final class AppThreads {

    /** The key the gate passes for {@code Thread.start}. */
    static final String KEY = "THREAD_START";
    /** {@code Thread.start()}, with the thread as the gate's argument. */
    static final GateInjector.Gated GATED = new GateInjector.Gated("start", "()V", KEY, GateInjector.Argument.LOCAL_0);
    private static final StackWalker WALKER = StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE);
    private static final int PRUNE_AT = 64;
    private static final List<Record> records = new ArrayList<>();

    private AppThreads() {
    }

    /** A live thread the app started, and the app frame that started it ({@code demo.App.initialState(App.java:14)}). */
    public record Started(Thread thread, String where) {
    }

    private record Record(WeakReference<Thread> thread, String where, List<WeakReference<ClassLoader>> loaders) {
        boolean startedBy(Predicate<ClassLoader> by) {
            return loaders.stream().map(WeakReference::get).anyMatch(l -> l != null && by.test(l));
        }
    }

    /**
     * The threads still alive that app code of a loader {@code by} accepts started, oldest first:
     * code of that loader was on the starting stack.
     */
    public static List<Started> alive(Predicate<ClassLoader> by) {
        List<Started> alive = new ArrayList<>();
        synchronized (records) {
            prune();
            for (Record record : records) {
                Thread thread = record.thread().get();
                if (thread != null && thread.isAlive() && record.startedBy(by)) {
                    alive.add(new Started(thread, record.where()));
                }
            }
        }
        return alive;
    }

    /**
     * Called by the gate's hook as {@code thread} starts: {@code app} tells the app's classes,
     * {@code caller} the classes that count as callers (not the JDK's, not the gate's).
     */
    static void starting(Thread thread, Predicate<Class<?>> app, Predicate<Class<?>> caller) {
        if (thread instanceof ForkJoinWorkerThread worker && worker.getPool() == ForkJoinPool.commonPool()) {
            return;
        }
        List<StackFrame> frames = WALKER.walk(s -> s.filter(f -> f.getDeclaringClass() != AppThreads.class && caller.test(f.getDeclaringClass())).toList());
        Record record;
        if (frames.isEmpty()) {
            Record starter = recordOf(Thread.currentThread());
            if (starter == null) {
                return;
            }
            record = new Record(new WeakReference<>(thread), starter.where(), starter.loaders());
        } else if (app.test(frames.get(0).getDeclaringClass())) {
            Set<ClassLoader> loaders = new LinkedHashSet<>();
            frames.stream().filter(f -> app.test(f.getDeclaringClass())).forEach(f -> loaders.add(f.getDeclaringClass().getClassLoader()));
            record = new Record(new WeakReference<>(thread), where(frames.get(0).toStackTraceElement()),
                    loaders.stream().map(WeakReference::new).toList());
        } else {
            return;
        }
        synchronized (records) {
            if (records.size() >= PRUNE_AT) {
                prune();
            }
            records.add(record);
        }
    }

    private static Record recordOf(Thread thread) {
        synchronized (records) {
            for (Record record : records) {
                if (record.thread().get() == thread) {
                    return record;
                }
            }
        }
        return null;
    }

    /** Forgets the records of threads that ended or were collected. */
    private static void prune() {
        for (Iterator<Record> it = records.iterator(); it.hasNext(); ) {
            Thread thread = it.next().thread().get();
            if (thread == null || thread.getState() == Thread.State.TERMINATED) {
                it.remove();
            }
        }
    }

    private static String where(StackTraceElement frame) {
        return frame.getClassName() + '.' + frame.getMethodName() + '(' + frame.getFileName() + ':' + frame.getLineNumber() + ')';
    }
}
