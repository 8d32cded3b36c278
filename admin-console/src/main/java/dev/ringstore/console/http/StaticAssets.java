package dev.ringstore.console.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The console's pages, from the class path: {@code console/} in this module's resources, and
 * uPlot's files from its webjar under {@code vendor/uplot/}. Nothing is loaded from elsewhere at
 * run time. Paths with {@code ..} or a backslash never reach the class loader.
 */
public final class StaticAssets {
  /** The uPlot webjar's version; the root pom's {@code uplot.version}. */
  static final String UPLOT = "META-INF/resources/webjars/uplot/1.6.30/dist/";

  private static final Map<String, String> TYPES =
      Map.of(
          "html", "text/html; charset=utf-8",
          "js", "text/javascript; charset=utf-8",
          "css", "text/css; charset=utf-8",
          "svg", "image/svg+xml",
          "png", "image/png",
          "json", "application/json");

  /** A file to send: its bytes and content type. */
  public record Asset(byte[] bytes, String contentType) {}

  private final ClassLoader loader = StaticAssets.class.getClassLoader();
  private final Map<String, Optional<Asset>> cache = new ConcurrentHashMap<>();

  /** The asset at {@code path} under {@code /console/}, e.g. "" or "views/ring.js". */
  public Optional<Asset> find(String path) {
    String relative = path.isEmpty() ? "index.html" : path;
    if (relative.contains("..") || relative.contains("\\") || relative.startsWith("/")) {
      return Optional.empty();
    }
    return cache.computeIfAbsent(relative, this::load);
  }

  private Optional<Asset> load(String relative) {
    String resource =
        relative.startsWith("vendor/uplot/")
            ? UPLOT + relative.substring("vendor/uplot/".length())
            : "console/" + relative;
    try (InputStream in = loader.getResourceAsStream(resource)) {
      if (in == null) {
        return Optional.empty();
      }
      String extension = relative.substring(relative.lastIndexOf('.') + 1);
      return Optional.of(
          new Asset(in.readAllBytes(), TYPES.getOrDefault(extension, "application/octet-stream")));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
