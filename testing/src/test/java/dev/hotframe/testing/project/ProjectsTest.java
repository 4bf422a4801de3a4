package dev.hotframe.testing.project;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProjectsTest {

    @TempDir
    Path dir;

    @Test
    void generatedProjectHasItsAppStateSceneAndPartsInPackagesOfFifty() throws Exception {
        GeneratedProject project = GeneratedProject.write(dir.resolve("gen"), 55);

        assertThat(project.parts()).isEqualTo(53);
        assertThat(Files.readString(project.dir().resolve("hotframe.json"))).isEqualTo("{ \"app\": \"gen.app.GenApp\" }\n");
        assertThat(project.part(52)).hasFileName("C0052.java").isRegularFile();
        assertThat(project.part(52).getParent()).hasFileName("p001");
        assertThat(GeneratedProject.partClass(52)).isEqualTo("gen.p001.C0052");
        assertThat(Files.readString(project.app())).contains("gen.p001.C0052.value(i)");
        assertThat(Files.readString(project.scene())).contains("Generated app, 55 files");
    }

    @Test
    void editsChangeOnePartsBodyOrAddAMethod() throws Exception {
        GeneratedProject project = GeneratedProject.write(dir.resolve("gen"), 3);

        project.editBody(0, 7);
        project.editBody(0, 12);
        project.addMethod(0, 4);

        String part = Files.readString(project.part(0));
        assertThat(part).contains("int v = x * 17 + K + 12;").doesNotContain("+ 7;")
                .endsWith("    public int extra4() {\n        return 4;\n    }\n}\n");
    }

    @Test
    void tooSmallAProjectIsRefused() {
        assertThatThrownBy(() -> GeneratedProject.write(dir, 2))
                .hasMessage("a generated project needs at least 3 files (app, state, one part), was 2");
    }

    @Test
    void sampleAppIsCopiedWholeOrAsSourcesOnlyAndEdited() throws Exception {
        Path sample = dir.resolve("sample");
        Files.createDirectories(sample.resolve("src/main/java/demo"));
        Files.createDirectories(sample.resolve("target/classes"));
        Files.writeString(sample.resolve("hotframe.json"), "{}");
        Files.writeString(sample.resolve("pom.xml"), "<project/>");
        Files.writeString(sample.resolve("target/classes/A.class"), "x");
        Files.writeString(sample.resolve("src/main/java/demo/A.java"), "class A {\n    int x = 1;\n}\n");

        SampleApp whole = SampleApp.copy(sample, dir.resolve("whole"));
        SampleApp sources = SampleApp.copySources(sample, dir.resolve("sources"));
        whole.edit("src/main/java/demo/A.java", "x = 1", "x = 22");

        assertThat(whole.dir().resolve("pom.xml")).exists();
        assertThat(whole.dir().resolve("target")).doesNotExist();
        assertThat(sources.dir().resolve("pom.xml")).doesNotExist();
        assertThat(sources.dir().resolve("src/main/java/demo/A.java")).exists();
        assertThat(whole.lineOf("src/main/java/demo/A.java", "x = 22")).isEqualTo(2);
        assertThatThrownBy(() -> whole.edit("src/main/java/demo/A.java", "y = 1", "y = 2"))
                .isInstanceOf(AssertionError.class).hasMessageStartingWith("[src/main/java/demo/A.java] does not contain:\ny = 1");
        assertThatThrownBy(() -> SampleApp.copy(dir.resolve("nothing"), dir.resolve("x")))
                .hasMessage("not the sample app (no hotframe.json): " + dir.resolve("nothing"));
    }
}
