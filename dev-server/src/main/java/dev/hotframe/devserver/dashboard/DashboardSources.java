package dev.hotframe.devserver.dashboard;

import dev.hotframe.wire.Diagnostic;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * What the dashboard reads from the dev server besides the hub: the project's folders (for
 * source excerpts and editor links), the compile and scene problems open now, and a few facts
 * about the server (project, app, URLs, seq) shown in the header.
 */
public record DashboardSources(Path root, Path javaSources, Supplier<List<Diagnostic>> problems,
                               Supplier<Map<String, Object>> server) {
}
