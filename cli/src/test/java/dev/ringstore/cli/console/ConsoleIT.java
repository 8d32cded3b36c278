package dev.ringstore.cli.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ringstore.cli.CliProcesses;
import dev.ringstore.cli.LocalClusterProcess;
import dev.ringstore.client.NodeClient;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
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
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;

/**
 * The admin console (issue 16) in a real browser against a real {@code ringstore local} cluster of
 * three nodes and three config replicas: the overview, a node killed and restarted, a fourth node
 * planned in and committed from the page, siblings resolved from the key inspector, actions refused
 * without the admin token, the metric charts, and a screenshot of every view.
 *
 * <p>One cluster and one browser for the whole class, the scenarios in order (each builds on the
 * cluster the previous ones left), about a minute and a half in all. The screenshots land in {@code
 * cli/target/console-screenshots/}; to refresh the committed ones in {@code docs/img/console/}:
 *
 * <pre>
 * mvn -B -ntp verify -pl cli -am -Dit.test=ConsoleIT -Dtest=none \
 *     -Dsurefire.failIfNoSpecifiedTests=false -Dfailsafe.failIfNoSpecifiedTests=false \
 *     -Dconsole.screenshots.update=true
 * </pre>
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Timeout(300)
class ConsoleIT {
  /**
   * Fixed, and used by no other IT (they take random bases in 20000..29999): nodes on 31201..31204,
   * config replicas on 31701.. and 31801.., HTTP on 32201..32204, all below Linux's ephemeral
   * range.
   */
  private static final int BASE_PORT = 31201;

  private static final int HTTP_OFFSET = 1000;
  private static final int KEYS = 300;
  private static final String SIBLINGS_KEY = "console:siblings";
  private static final String FIRST = "first-sibling";
  private static final String SECOND = "second-sibling";
  private static final Pattern CONSOLE_LINE =
      Pattern.compile("console (http://\\S+/console/)#token=(\\S+)");

  @TempDir static Path dir;

  private LocalClusterProcess cluster;
  private ChromeDriver browser;
  private ConsolePage page;
  private ConsoleApi api;
  private String token;
  private AssertionError consoleMissing;

  @BeforeAll
  void startTheClusterAndTheBrowser() throws Exception {
    HeadlessChromium.assumeInstalled("ConsoleIT (the admin console's browser tests)");
    clearScreenshots();
    cluster = LocalClusterProcess.start(dir, BASE_PORT, 3, 3);
    browser = HeadlessChromium.start(dir.resolve("chromedriver.log"));
    writeKeys();
  }

  @AfterAll
  void stop() throws Exception {
    if (browser != null) {
      browser.quit();
    }
    if (cluster != null) {
      cluster.close();
    }
    keepLogs();
  }

  @Test
  @Order(0)
  void theBrowserReadsANodesHealthPage() throws Exception {
    browser.get("http://" + cluster.process("n1").get("http").asText() + "/health");
    String shown = browser.findElement(By.tagName("body")).getText();
    assertThat(ConsoleApi.json(shown).path("node").asText()).as(shown).isEqualTo("n1");
  }

  @Test
  @Order(1)
  void theOverviewShowsThreeNodesUp() throws Exception {
    openConsole();
    page.await(
        "a healthy cluster",
        Duration.ofSeconds(60),
        d -> "true".equals(page.attribute("#health", "data-healthy")));
    assertThat(page.text("#health")).contains("3 nodes up");
    assertThat(page.text("#overview-nodes")).contains("3");
    assertThat(page.findAll("#reasons li")).isEmpty();
  }

  @Test
  @Order(2)
  void theMetricChartsHaveDataPointsAfterTraffic() throws Exception {
    openConsole();
    page.show("metrics");
    List<String> metrics = List.of("ops", "p50", "p99", "errors", "hints", "repairs");
    page.await(
        "every chart with points: " + metrics,
        Duration.ofSeconds(30),
        d -> metrics.stream().allMatch(m -> points("#charts .chart[data-metric=" + m + "]") > 0));
    page.screenshot("metrics");
    page.show("members");
    page.await(
        "three members up",
        Duration.ofSeconds(20),
        d ->
            page.findAll("#members-table tr[data-node]").size() == 3
                && page.findAll("#members-table tr[data-node] td.status").stream()
                    .allMatch(td -> td.getText().contains("up")));
    page.screenshot("members");
  }

  @Test
  @Order(3)
  void aKilledNodeIsNamedWithinTwentySecondsAndItsBucketsFallBackUntilItRestarts()
      throws Exception {
    openConsole();
    JsonNode n3 = cluster.process("n3");
    ProcessHandle process = ProcessHandle.of(n3.get("pid").asLong()).orElseThrow();
    ProcessHandle.Info ran = process.info();
    List<String> commandLine = new ArrayList<>();
    commandLine.add(ran.command().orElseThrow());
    commandLine.addAll(List.of(ran.arguments().orElseThrow()));

    page.show("overview");
    process.destroyForcibly();
    long killed = System.nanoTime();
    page.await(
        "the health line naming n3 within 20 s of its kill -9",
        Duration.ofSeconds(20),
        d ->
            "false".equals(page.attribute("#health", "data-healthy"))
                && page.text("#health").contains("n3"));
    System.out.printf(
        "ConsoleIT: n3 named down %.1f s after kill -9%n", (System.nanoTime() - killed) / 1e9);
    page.await(
        "the nodes-down reason",
        Duration.ofSeconds(10),
        d -> page.text("#reasons li[data-kind=nodes-down]").contains("n3"));
    page.screenshot("overview");

    page.show("ring");
    page.await(
        "every bucket with a primary down: n3 holds a replica of each, and with 3 nodes no"
            + " member stands in",
        Duration.ofSeconds(20),
        d -> page.findAll("svg#ring-svg path.bucket[data-state=fallback]").size() == 1024);

    ProcessBuilder again = new ProcessBuilder(commandLine);
    again.environment().put("RINGSTORE_ADMIN_TOKEN", token);
    cluster.exec(again, dir.resolve("n3-again.out"));
    page.show("overview");
    page.await(
        "a healthy cluster after n3 restarted",
        Duration.ofSeconds(90),
        d -> "true".equals(page.attribute("#health", "data-healthy")));
    assertThat(page.text("#health")).contains("3 nodes up");
    page.show("ring");
    page.await(
        "no bucket falling back",
        Duration.ofSeconds(10),
        d -> page.findAll("svg#ring-svg path.bucket[data-state=fallback]").isEmpty());
  }

  @Test
  @Order(4)
  void aFourthNodeIsPlannedInCommittedAndTakesBucketsFromThePage() throws Exception {
    openConsole();
    cluster.spawn(
        List.of(
            "node",
            "--id",
            "n4",
            "--listen",
            "127.0.0.1:" + (BASE_PORT + 3),
            "--http",
            "127.0.0.1:" + (BASE_PORT + HTTP_OFFSET + 3),
            "--data",
            dir.resolve("n4").toString(),
            "--durability",
            "async",
            "--config",
            configAddresses(),
            // n4 takes about 450 KB: slow enough that the page shows the transfer running for
            // about 10 s, through several of its 2 s refreshes
            "--transfer-bytes-per-second",
            "40000"),
        dir.resolve("n4.out"));
    page.await("n4 asking to join", Duration.ofSeconds(60), d -> memberKnown("n4"));

    page.show("changes");
    long before =
        page.await(
            "the table version",
            Duration.ofSeconds(10),
            d ->
                number(page.text("#table-version")) > 0
                    ? number(page.text("#table-version"))
                    : null);
    new Select(page.find("select#change-kind")).selectByValue("join");
    page.type("input#change-nodes", "n4");
    page.find("button#plan-button").click();
    page.await(
        "a plan with moves",
        Duration.ofSeconds(20),
        d -> number(page.attribute("#plan-result", "data-moves")) > 0);
    assertThat(number(page.attribute("#plan-result", "data-bytes"))).isPositive();
    awaitAction("plan", 200);

    page.find("button#commit-button").click();
    page.acceptConfirmation();
    awaitAction("commit", 200);
    page.await(
        "the transfer running",
        Duration.ofSeconds(30),
        d -> "running".equals(page.attribute("#transfer", "data-state")));
    page.await(
        "n4's row in the transfer",
        Duration.ofSeconds(10),
        d -> !page.findAll("#transfer-nodes tr[data-node=n4]").isEmpty());
    page.screenshot("changes");
    page.show("ring");
    page.await(
        "buckets moving",
        Duration.ofSeconds(10),
        d -> !page.findAll("svg#ring-svg path.bucket[data-state=transfer]").isEmpty());
    page.screenshot("ring");

    page.show("changes");
    page.await(
        "the transfer done and a newer table",
        Duration.ofSeconds(120),
        d ->
            "none".equals(page.attribute("#transfer", "data-state"))
                && number(page.text("#table-version")) > before);
    page.show("ring");
    page.await(
        "n4 primary for some buckets",
        Duration.ofSeconds(20),
        d -> !page.findAll("svg#ring-svg path.bucket[data-primary=n4]").isEmpty());
    page.await(
        "n4's share",
        Duration.ofSeconds(10),
        d -> !page.findAll("#shares tr[data-node=n4]").isEmpty());
    page.show("config");
    page.await(
        "the new table in the history",
        Duration.ofSeconds(20),
        d -> page.findAll("#history tr[data-version]").size() >= 2);
    page.screenshot("config");
  }

  @Test
  @Order(5)
  void siblingsOnEveryReplicaAreResolvedToOneValueFromTheKeyInspector() throws Exception {
    openConsole();
    try (NodeClient client = NodeClient.connect(address("n1"), Duration.ofSeconds(5))) {
      client.put(bytes(SIBLINGS_KEY), bytes(FIRST), null);
      client.put(bytes(SIBLINGS_KEY), bytes(SECOND), null);
    }
    page.show("keys");
    page.type("input#key-input", SIBLINGS_KEY);
    page.find("button#inspect-button").click();
    page.await(
        "two siblings on each of the three replicas",
        Duration.ofSeconds(30),
        d -> everyReplica(s -> s.size() == 2));
    assertThat(page.attribute("#key-result", "data-differ")).isEqualTo("false");
    page.screenshot("keys");

    // "Keep this one" on a copy of the second value; a 2 s refresh may re-render the card between
    // finding the button and clicking it, so find and click until one click lands.
    page.await(
        "a click on the second value's choose-sibling button",
        Duration.ofSeconds(10),
        d -> {
          for (WebElement sibling : page.findAll("#replicas .replica .sibling[data-index]")) {
            if (sibling.getText().contains(SECOND)) {
              sibling.findElement(By.cssSelector("button.choose-sibling")).click();
              return true;
            }
          }
          return false;
        });
    awaitAction("resolve", 200);
    page.await(
        "one value, the second, on every replica",
        Duration.ofSeconds(20),
        d -> everyReplica(s -> s.size() == 1 && s.get(0).contains(SECOND)));
    assertThat(page.attribute("#key-result", "data-differ")).isEqualTo("false");

    assertEveryReplicaHolds(SECOND);
  }

  @Test
  @Order(6)
  void actionsWithoutTheTokenAre401AndChangeNothing() throws Exception {
    openConsole();
    long version = api.get("overview").path("tableVersion").asLong();
    int history = api.get("config").path("history").size();
    String plan = "{\"change\": \"leave\", \"nodes\": [\"n4\"]}";
    for (String authorization : new String[] {null, "Bearer wrong-" + token}) {
      assertUnauthorized(api.post("plan", plan, authorization));
      assertUnauthorized(api.post("commit", "{}", authorization));
      assertUnauthorized(api.post("cancel", "{}", authorization));
      String context = api.get(ConsoleApi.withKey("keys", SIBLINGS_KEY)).path("context").asText();
      assertUnauthorized(
          api.post(
              ConsoleApi.withKey("keys/delete", SIBLINGS_KEY),
              "{\"context\": \"" + context + "\"}",
              authorization));
      assertUnauthorized(
          api.post(
              ConsoleApi.withKey("keys/resolve", SIBLINGS_KEY),
              "{\"value\": \"dG9rZW5sZXNz\", \"context\": \"" + context + "\"}",
              authorization));
    }

    // The right token from another site's page: 403, nothing changed either.
    HttpResponse<String> foreign =
        api.post("plan", plan, "Bearer " + token, "http://elsewhere.example");
    assertThat(foreign.statusCode()).as(foreign.body()).isEqualTo(403);

    page.type("#token-input", "");
    page.find("#token-save").click();
    page.await(
        "the page without a token",
        Duration.ofSeconds(5),
        d -> "false".equals(page.attribute("#token-state", "data-set")));
    page.show("keys");
    page.type("input#key-input", SIBLINGS_KEY);
    page.find("button#inspect-button").click();
    page.await("the key shown", Duration.ofSeconds(20), d -> replicaSiblings().size() == 3);
    page.find("button#delete-key").click();
    page.acceptConfirmation();
    awaitAction("delete", 401);
    page.show("changes");
    new Select(page.find("select#change-kind")).selectByValue("leave");
    page.type("input#change-nodes", "n4");
    page.find("button#plan-button").click();
    awaitAction("plan", 401);
    page.find("button#commit-button").click();
    page.acceptConfirmation();
    awaitAction("commit", 401);

    assertThat(api.get("overview").path("tableVersion").asLong()).isEqualTo(version);
    assertThat(api.get("config").path("history").size()).isEqualTo(history);
    assertThat(api.get("transfer").path("running").asBoolean()).isFalse();
    assertEveryReplicaHolds(SECOND);

    page.type("#token-input", token);
    page.find("#token-save").click();
    page.await(
        "the token back",
        Duration.ofSeconds(5),
        d -> "true".equals(page.attribute("#token-state", "data-set")));
  }

  @Test
  @Order(7)
  void everyViewHasAScreenshot() throws Exception {
    Path taken = screenshots();
    for (String view : ConsolePage.VIEWS) {
      assertThat(taken.resolve(view + ".png")).as(view).isNotEmptyFile();
    }
    if (Boolean.getBoolean("console.screenshots.update")) {
      Path docs = moduleDirectory().resolveSibling("docs").resolve("img").resolve("console");
      Files.createDirectories(docs);
      for (String view : ConsolePage.VIEWS) {
        Files.copy(
            taken.resolve(view + ".png"),
            docs.resolve(view + ".png"),
            StandardCopyOption.REPLACE_EXISTING);
      }
      System.out.println("ConsoleIT: screenshots copied to " + docs);
    }
  }

  /**
   * Waits until the action result line reports {@code label}'s answer (the page prefixes the answer
   * with the action's name) with HTTP {@code status}.
   */
  private void awaitAction(String label, int status) {
    page.await(
        label + " answered " + status,
        Duration.ofSeconds(30),
        d ->
            String.valueOf(status).equals(page.attribute("#action-result", "data-status"))
                && page.text("#action-result").startsWith(label));
  }

  /**
   * Opens the console of n1 with the token {@code ringstore local} printed, once; a later scenario
   * whose predecessors could not open it fails with the same reason, without waiting again.
   */
  private void openConsole() throws Exception {
    if (page != null) {
      return;
    }
    if (consoleMissing != null) {
      throw consoleMissing;
    }
    Matcher line;
    try {
      line = awaitConsoleLine();
    } catch (AssertionError missing) {
      consoleMissing = missing;
      throw missing;
    }
    URI console = URI.create(line.group(1));
    token = line.group(2);
    api = new ConsoleApi(console.resolve("/"));
    page = new ConsolePage(browser, console, screenshots());
    page.open(token);
  }

  private Matcher awaitConsoleLine() throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (true) {
      Matcher line = CONSOLE_LINE.matcher(cluster.output());
      if (line.find()) {
        return line;
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError(
            "ringstore local printed no console line within 30 s:\n" + cluster.output());
      }
      Thread.sleep(100);
    }
  }

  /** The texts of each replica's siblings in the key view, by node. */
  private Map<String, List<String>> replicaSiblings() {
    Map<String, List<String>> siblings = new LinkedHashMap<>();
    for (WebElement replica : page.findAll("#replicas .replica[data-node]")) {
      List<String> texts = new ArrayList<>();
      for (WebElement sibling : replica.findElements(By.cssSelector(".sibling[data-index]"))) {
        texts.add(sibling.getText());
      }
      siblings.put(replica.getDomAttribute("data-node"), texts);
    }
    return siblings;
  }

  /** Whether the key view shows three replicas, each with siblings that satisfy {@code test}. */
  private boolean everyReplica(Predicate<List<String>> test) {
    Map<String, List<String>> siblings = replicaSiblings();
    return siblings.size() == 3 && siblings.values().stream().allMatch(test);
  }

  private boolean memberKnown(String id) {
    try {
      for (JsonNode member : api.get("members").path("members")) {
        if (member.path("id").asText().equals(id)) {
          return true;
        }
      }
      return false;
    } catch (Exception notYet) {
      return false;
    }
  }

  private int points(String chart) {
    return (int) number(page.attribute(chart, "data-points"));
  }

  /** The digits of {@code text} as a number, -1 when it has none. */
  private static long number(String text) {
    String digits = text == null ? "" : text.replaceAll("\\D", "");
    return digits.isEmpty() ? -1 : Long.parseLong(digits);
  }

  private static void assertUnauthorized(HttpResponse<String> response) throws Exception {
    assertThat(response.statusCode()).as(response.uri() + ": " + response.body()).isEqualTo(401);
    assertThat(ConsoleApi.json(response.body()).path("error").asText()).isNotBlank();
  }

  /**
   * Writes KEYS keys of 2 KiB through n1 and reads them back: traffic for the charts (puts and
   * gets), bytes for the join to move.
   */
  private void writeKeys() {
    try (NodeClient client = NodeClient.connect(address("n1"), Duration.ofSeconds(5))) {
      for (int i = 0; i < KEYS; i++) {
        byte[] value =
            ("value-" + i + "-").repeat(300).substring(0, 2048).getBytes(StandardCharsets.UTF_8);
        client.put(bytes("key-" + i), value, null);
      }
      for (int i = 0; i < KEYS; i++) {
        assertThat(client.get(bytes("key-" + i)).found()).as("key-%d", i).isTrue();
      }
    }
  }

  /**
   * {@code ringstore inspect K --json} shows {@code value} alone on each of the key's three
   * replicas within 20 s (a write waits for W of them; the third follows).
   */
  private void assertEveryReplicaHolds(String value) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    String expected = "[\"" + value + "\"]";
    JsonNode inspect;
    boolean all;
    do {
      inspect = ConsoleApi.json(cli("inspect", SIBLINGS_KEY, "--json").out());
      all = inspect.path("replicas").size() == 3;
      for (JsonNode replica : inspect.path("replicas")) {
        all &= replica.path("values").toString().equals(expected);
      }
      if (!all) {
        Thread.sleep(200);
      }
    } while (!all && System.nanoTime() < deadline);
    assertThat(all).as("every replica holds only %s: %s", value, inspect).isTrue();
  }

  private CliProcesses.Result cli(String... args) throws Exception {
    List<String> all = new ArrayList<>(List.of(args));
    all.addAll(List.of("--data", dir.toString()));
    CliProcesses.Result result = CliProcesses.run(all, 60);
    assertThat(result.exitCode()).as("%s: %s", all, result.err()).isZero();
    return result;
  }

  private String configAddresses() {
    List<String> addresses = new ArrayList<>();
    for (JsonNode process : cluster.processes()) {
      if (process.get("role").asText().equals("config")) {
        addresses.add(process.get("listen").asText());
      }
    }
    return String.join(",", addresses);
  }

  private InetSocketAddress address(String node) {
    String[] hostPort = cluster.process(node).get("listen").asText().split(":");
    return new InetSocketAddress(hostPort[0], Integer.parseInt(hostPort[1]));
  }

  /**
   * Copies every log and output file of the cluster (local.out, nK/node.log, cK/config.log, ...)
   * and chromedriver's log to {@code target/console-it-logs/}, since the temporary directory goes
   * away with the class: what a failure needs to be understood.
   */
  private static void keepLogs() throws Exception {
    Path kept = moduleDirectory().resolve("target").resolve("console-it-logs");
    if (Files.exists(kept)) {
      try (Stream<Path> old = Files.walk(kept)) {
        for (Path path : old.sorted(Comparator.reverseOrder()).toList()) {
          Files.delete(path); // an earlier run's logs would pass for this run's
        }
      }
    }
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        String name = file.getFileName().toString();
        if (name.endsWith(".log") || name.endsWith(".out")) {
          Path copy = kept.resolve(dir.relativize(file).toString());
          Files.createDirectories(copy.getParent());
          Files.copy(file, copy, StandardCopyOption.REPLACE_EXISTING);
        }
      }
    }
  }

  /** So that a screenshot left by an earlier run never stands in for one this run missed. */
  private static void clearScreenshots() throws Exception {
    for (String view : ConsolePage.VIEWS) {
      Files.deleteIfExists(screenshots().resolve(view + ".png"));
    }
  }

  private static Path screenshots() {
    return moduleDirectory().resolve("target").resolve("console-screenshots");
  }

  /** cli/, where failsafe runs the ITs (it sets {@code basedir}). */
  private static Path moduleDirectory() {
    return Path.of(System.getProperty("basedir", ".")).toAbsolutePath().normalize();
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
