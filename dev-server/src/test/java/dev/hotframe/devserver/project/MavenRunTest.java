package dev.hotframe.devserver.project;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** How Maven's own output becomes the progress line. */
class MavenRunTest {

    @Test
    void progressCountsDownloadedFilesAndNamesTheLast() {
        String output = """
                [INFO] Scanning for projects...
                [INFO] Downloading from central: https://repo.maven.apache.org/maven2/org/apache/commons/commons-lang3/3.18.0/commons-lang3-3.18.0.pom
                [INFO] Downloaded from central: https://repo.maven.apache.org/maven2/org/apache/commons/commons-lang3/3.18.0/commons-lang3-3.18.0.pom (31 kB at 1.2 MB/s)
                [INFO] Downloading from central: https://repo.maven.apache.org/maven2/org/apache/commons/commons-lang3/3.18.0/commons-lang3-3.18.0.jar
                [INFO] Downloaded from my-mirror: https://mirror.example/maven2/org/apache/commons/commons-lang3/3.18.0/commons-lang3-3.18.0.jar (700 kB at 9 MB/s)
                """;

        assertThat(MavenRun.downloads(output)).isEqualTo(", 2 files downloaded, last commons-lang3-3.18.0.jar");
        assertThat(MavenRun.downloads("[INFO] Scanning for projects...\n")).isEmpty();
    }
}
