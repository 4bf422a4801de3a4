package dev.hotframe.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.hotframe.testing.HeadlessOutput;
import dev.hotframe.testing.process.HotframeProcess;
import dev.hotframe.testing.project.SampleApp;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * The dashboard in a real headless Chromium (Debian's, through /usr/bin/chromedriver; Selenium
 * never downloads a browser or a driver here), against the real dev server and a real headless
 * viewer as processes. The steps share them and run in order; a screenshot of the page goes to
 * {@code e2e/target/dashboard.png}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Timeout(180)
class DashboardIT {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Duration WAIT = Duration.ofSeconds(60);

    private SampleApp project;
    private HeadlessOutput frames;
    private HotframeProcess server;
    private HotframeProcess viewer;
    private ChromeDriver browser;
    private String dashboard;
    private String base;

    @BeforeAll
    void start(@TempDir Path temp) throws Exception {
        assertThat(CHROMIUM).as("Debian's chromium is missing: run bin/setup").isExecutable();
        assertThat(CHROMEDRIVER).as("Debian's chromium-driver is missing: run bin/setup").isExecutable();
        project = Checkout.sampleApp(temp.resolve("sample-app"));
        frames = new HeadlessOutput(temp.resolve("frames"));
        Map<String, String> env = Map.of("HOTFRAME_HOME", temp.resolve("home").toString());
        server = HotframeProcess.java("devserver", Checkout.DEVSERVER_JAR, env, "serve", project.dir().toString(),
                "--editor-url", "vscode://file/{file}:{line}:{column}");
        await("the dashboard line").atMost(WAIT).until(() -> server.lineContaining("dashboard: http://") != null || !server.alive());
        assertThat(server.alive()).as(server.output()).isTrue();
        dashboard = server.lineContaining("dashboard: http://").replaceFirst(".*dashboard: ", "").trim();
        base = dashboard.substring(0, dashboard.indexOf("/?token="));
        viewer = HotframeProcess.java("viewer", Checkout.VIEWER_JAR, env,
                "connect", "--headless", "--size", "800x600", "--frames", frames.dir().toString());
        frames.awaitUpdate(0, Duration.ofSeconds(60), () -> !viewer.alive() || !server.alive());

        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--window-size=1280,1600", "--user-data-dir=" + temp.resolve("chromium"));
        browser = new ChromeDriver(service, options);
    }

    @AfterAll
    void stop() throws Exception {
        if (browser != null) {
            browser.quit();
        }
        HotframeProcess.closeAndPrint(viewer, server);
    }

    @Test
    @Order(1)
    void aRequestWithoutTheTokenIsRefused() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        for (String path : List.of("/", "/api/model", "/api/events", "/?token=wrong", "/api/undo")) {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path));
            if (path.equals("/api/undo")) {
                request.POST(HttpRequest.BodyPublishers.noBody());
            }
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());

            assertThat(response.statusCode()).as(path).isEqualTo(401);
            assertThat(response.body()).as(path)
                    .isEqualTo("401: open the dashboard through the URL with the token that 'devserver serve' printed\n");
        }
    }

    @Test
    @Order(2)
    void theTokenUrlOpensThePageAndTheViewerAppears() {
        browser.get(dashboard);

        assertThat(browser.getCurrentUrl()).as("the token leaves the address bar").isEqualTo(base + "/");
        assertThat(browser.manage().getCookieNamed("hotframe_dashboard").isHttpOnly()).isTrue();
        assertThat(textOf(By.cssSelector("#viewers tbody tr[data-viewer]"))).contains("raster 800x600").contains("connected");
        awaitText(By.id("live"), "live");
    }

    @Test
    @Order(3)
    void editsShowUpInTheTimelineWithTheirTier() throws Exception {
        project.edit("scenes/dashboard.json", "#3366FF", "#FF3366");
        assertThat(textOf(By.cssSelector("#timeline tr[data-seq='1'] .tier"))).isEqualTo("scene");
        assertThat(textOf(By.cssSelector("#timeline tr[data-seq='1']"))).contains("scenes/dashboard.json");

        project.edit("src/main/java/dev/hotframe/sample/DashboardApp.java", "0xFF1B2838", "0xFF2B3848");
        assertThat(textOf(By.cssSelector("#timeline tr[data-seq='2'] .tier"))).isEqualTo("redefine");
        awaitText(By.cssSelector("#timeline tr[data-seq='2']"), " ms");
        await("the latency plot").atMost(WAIT).until(() -> !browser.findElements(By.cssSelector("#latency svg")).isEmpty());
    }

    @Test
    @Order(4)
    void editingAStateValueChangesTheViewersState() throws Exception {
        await("the Inspect button").atMost(WAIT).ignoreExceptions().untilAsserted(() ->
                browser.findElement(By.cssSelector("#viewers tbody tr[data-viewer] button")).click());
        WebElement clicks = awaitElement(By.cssSelector("#state-tree input[data-path='/clicks']"));
        assertThat(clicks.getAttribute("value")).isEqualTo("0");

        clicks.clear();
        clicks.sendKeys("41", Keys.ENTER);

        await("clicks = 41 in state.json").atMost(WAIT).untilAsserted(() ->
                assertThat(frames.state().path("clicks").asInt()).isEqualTo(41));
        awaitText(By.id("edit-result"), "/clicks = 41 applied");
        WebElement again = browser.findElement(By.cssSelector("#state-tree input[data-path='/clicks']"));
        again.clear();
        again.sendKeys("\"lots\"", Keys.ENTER);
        awaitText(By.id("edit-result"), "the value does not fit its type");
        assertThat(frames.state().path("clicks").asInt()).isEqualTo(41);
        await("the frame preview").atMost(WAIT).until(() -> (Boolean) browser.executeScript(
                "const i = document.querySelector('#frame img'); return i !== null && i.complete && i.naturalWidth === 640;"));
    }

    @Test
    @Order(5)
    void aCompileErrorIsShownWithItsSourceAndUndoReachesTheViewer() throws Exception {
        project.edit("src/main/java/dev/hotframe/sample/DashboardApp.java", "s.clicks++;", "s.clicks++");
        assertThat(textOf(By.cssSelector("#problems .problem[data-kind='compile']")))
                .contains("DashboardApp.java:").contains("';' expected").contains("s.clicks++");
        assertThat(await().atMost(WAIT).ignoreExceptions().until(() ->
                browser.findElement(By.cssSelector("#problems .problem[data-kind='compile'] a")).getAttribute("href"), h -> h != null))
                .startsWith("vscode://file/" + project.dir().toAbsolutePath().toString().replace('\\', '/'));
        Path shot = Path.of("target", "dashboard.png");
        Files.write(shot, browser.getScreenshotAs(OutputType.BYTES));

        project.edit("src/main/java/dev/hotframe/sample/DashboardApp.java", "s.clicks++\n", "s.clicks++;\n");
        await("the problem goes away").atMost(WAIT).until(() -> browser.findElements(By.cssSelector("#problems .problem")).isEmpty());
        browser.findElement(By.id("undo")).click();
        assertThat(textOf(By.cssSelector("#timeline tr[data-kind='undo']"))).contains("the dashboard");
    }

    private WebElement awaitElement(By by) {
        return await(by.toString()).atMost(WAIT).until(() -> browser.findElements(by).stream().findFirst().orElse(null),
                e -> e != null);
    }

    /**
     * The text of the first element matching {@code by}, once there is one. The page redraws its
     * tables on every pushed change, so an element found a moment ago may be gone: read it again.
     */
    private String textOf(By by) {
        return await(by.toString()).atMost(WAIT).ignoreExceptions()
                .until(() -> browser.findElements(by).isEmpty() ? null : browser.findElements(by).get(0).getText(), t -> t != null);
    }

    private void awaitText(By by, String text) {
        await(by + " shows '" + text + "'").atMost(WAIT).ignoreExceptions().until(() -> browser.findElements(by).stream()
                .anyMatch(e -> e.getText().contains(text)));
    }
}
