package dev.hotframe.app;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a state field (or record component) as renamed, so that a reload carries its value over.
 *
 * <p>When new code arrives, the viewer moves the state into the new classes by field name. A
 * renamed field would start again from its initializer; with {@code @Was} it takes the value
 * the old field had under any of the old names:
 *
 * <pre>{@code
 * public static final class State {
 *     @Was("clicks") public int taps;      // was 'int clicks'
 *     @Was({"pos", "position"}) public Point at;
 * }
 * }</pre>
 *
 * The annotation may stay in the code after the reload; it does nothing while the old name is gone.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface Was {

    /** The field's earlier names, most recent first. */
    String[] value();
}
