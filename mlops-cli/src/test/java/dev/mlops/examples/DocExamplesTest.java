package dev.mlops.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Keeps the documentation's Java examples from rotting: every {@code ```java} block of the README
 * and of the guides listed in {@link #GUIDES} must appear, line by line and in order, in one of the
 * example tests of this package, which compile and run it. Assertions may sit between the lines;
 * comments, indentation and imports are ignored, and {@code Path.of("x")} in a document matches
 * {@code dir.resolve("x")} in a test (tests write under their temp folder). Every relative link in
 * the README and in docs/ must name a file that exists.
 */
class DocExamplesTest {
  private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
  private static final Path EXAMPLES = Path.of("src/test/java/dev/mlops/examples");
  /** The guides whose examples are run here; the others' examples are run by their modules' tests. */
  private static final List<String> GUIDES =
      List.of("data.md", "drift.md", "drift-streaming.md", "evaluation.md", "labels.md", "profiles.md");
  private static final Pattern JAVA_BLOCK = Pattern.compile("```java\\n(.*?)```", Pattern.DOTALL);
  private static final Pattern LINK = Pattern.compile("\\]\\(([^)#\\s]+)(#[^)]*)?\\)");

  @Test
  void everyReadmeAndGuideExampleIsRunByAnExampleTest() throws IOException {
    Map<Path, List<String>> tests = new LinkedHashMap<>();
    try (Stream<Path> files = Files.list(EXAMPLES)) {
      for (Path f : files.filter(p -> p.toString().endsWith("ExampleTest.java")).sorted().toList()) {
        tests.put(f.getFileName(), normalize(Files.readString(f)));
      }
    }
    List<Path> docs = new ArrayList<>(List.of(ROOT.resolve("README.md")));
    GUIDES.forEach(g -> docs.add(ROOT.resolve("docs").resolve(g)));
    int blocks = 0;
    List<String> missing = new ArrayList<>();
    for (Path doc : docs) {
      String text = Files.readString(doc);
      Matcher m = JAVA_BLOCK.matcher(text);
      while (m.find()) {
        List<String> lines = normalize(m.group(1).replaceAll("Path\\.of\\((\"[^\"]*\")\\)", "dir.resolve($1)"));
        blocks++;
        if (tests.values().stream().noneMatch(t -> inOrder(lines, t))) {
          missing.add(ROOT.relativize(doc) + " line " + (text.substring(0, m.start()).split("\n", -1).length)
              + ": " + lines.get(0));
        }
      }
    }
    assertThat(blocks).as("Java examples found").isGreaterThanOrEqualTo(18);
    assertThat(missing).as("examples no example test runs as written").isEmpty();
  }

  @Test
  void everyRelativeLinkInTheDocsResolves() throws IOException {
    List<Path> docs = new ArrayList<>(List.of(ROOT.resolve("README.md")));
    try (Stream<Path> files = Files.list(ROOT.resolve("docs"))) {
      files.filter(p -> p.toString().endsWith(".md")).sorted().forEach(docs::add);
    }
    List<String> broken = new ArrayList<>();
    int links = 0;
    for (Path doc : docs) {
      Matcher m = LINK.matcher(Files.readString(doc));
      while (m.find()) {
        String target = m.group(1);
        if (target.matches("[a-z]+:.*")) {
          continue; // http(s), mailto: not checked offline
        }
        links++;
        if (!Files.exists(doc.getParent().resolve(target).normalize())) {
          broken.add(ROOT.relativize(doc) + " -> " + target);
        }
      }
    }
    assertThat(links).as("relative links found").isGreaterThan(100);
    assertThat(broken).as("links to files that do not exist").isEmpty();
  }

  /** Code lines without comments, indentation, blank lines and imports. */
  private static List<String> normalize(String code) {
    List<String> out = new ArrayList<>();
    for (String line : code.split("\n")) {
      String s = line.replaceAll("\\s*//.*$", "").strip().replaceAll("\\s+", " ");
      if (!s.isEmpty() && !s.startsWith("import ")) {
        out.add(s);
      }
    }
    return out;
  }

  /** Whether {@code lines} occur in {@code test} in this order, possibly with other lines between. */
  private static boolean inOrder(List<String> lines, List<String> test) {
    Iterator<String> it = test.iterator();
    for (String line : lines) {
      boolean found = false;
      while (it.hasNext() && !found) {
        found = it.next().equals(line);
      }
      if (!found) {
        return false;
      }
    }
    return true;
  }
}
