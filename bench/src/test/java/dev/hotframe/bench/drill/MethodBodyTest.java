package dev.hotframe.bench.drill;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class MethodBodyTest {

    @Test
    void statementGoesFirstInTheDeclarationNotInACallOrAnAbstractOne() {
        String source = """
                interface Loop { void render(Object s, Object f); }
                class App {
                    void helper() { render(null, null); }
                    @Override
                    public void render(State s,
                                       Frame frame) throws Exception {
                        draw();
                    }
                }
                """;
        assertThat(MethodBody.insertFirst(source, "render", "System.exit(3);")).contains("""
                interface Loop { void render(Object s, Object f); }
                class App {
                    void helper() { render(null, null); }
                    @Override
                    public void render(State s,
                                       Frame frame) throws Exception {
                        System.exit(3); // fault-drill
                        draw();
                    }
                }
                """);
    }

    @Test
    void aParameterWithParenthesesInItsAnnotationIsPassedOver() {
        String source = "class A { public void update(@Named(\"s\") S s, double dt) { s.t += dt; } }";
        assertThat(MethodBody.insertFirst(source, "update", "x();")).contains(
                "class A { public void update(@Named(\"s\") S s, double dt) {\n        x(); // fault-drill s.t += dt; } }");
    }

    @Test
    void noDeclarationIsEmpty() {
        assertThat(MethodBody.insertFirst("class A { void renderAll() { } void draw() { render(); } }", "render", "x();")).isEmpty();
    }
}
