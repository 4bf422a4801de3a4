package dev.hotframe.devserver.compile;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** What class files compiled by the real javac say about the classes they use. */
@Timeout(60)
class ClassLinksTest {

    @TempDir
    Path dir;

    private DemoProject demo;
    private JavaBuild build;

    @BeforeEach
    void createDemo() {
        demo = DemoProject.create(dir);
        for (String name : new String[] {"Unused", "Listed", "Thrown", "Mark", "Base", "Shape", "Called"}) {
            String kind = name.equals("Thrown") ? "class Thrown extends Exception" : name.equals("Mark") ? "@interface Mark"
                    : name.equals("Shape") ? "interface Shape" : "class " + name;
            demo.write(name + ".java", "package demo;\n\n" + kind + " {\n" + (name.equals("Called") ? "    static int n() {\n"
                    + "        return 1;\n    }\n" : "") + "}\n");
        }
        demo.write("User.java", """
                package demo;

                import java.util.List;

                @Mark
                class User extends Base implements Shape {
                    Unused field;

                    int count(List<Listed> items) throws Thrown {
                        return items.size() + Called.n();
                    }
                }
                """);
        build = new JavaBuild(demo.load());
        DependentsTest.built(build.full());
    }

    @AfterEach
    void closeBuild() throws Exception {
        build.close();
    }

    @Test
    void namesEveryClassOfTheProjectThatTheClassFileMentions() {
        ClassLinks links = ClassLinks.of(build.classes().get("demo.User"));

        assertThat(links.name()).isEqualTo("demo.User");
        assertThat(links.references()).filteredOn(n -> n.startsWith("demo.")).containsExactlyInAnyOrder("demo.Unused",
                "demo.Listed", "demo.Thrown", "demo.Mark", "demo.Base", "demo.Shape", "demo.Called");
        assertThat(links.references()).contains("java.util.List");
        assertThat(links.supertypes()).containsExactlyInAnyOrder("demo.Base", "demo.Shape");
    }
}
