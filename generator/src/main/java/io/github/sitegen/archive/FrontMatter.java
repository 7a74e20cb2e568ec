package io.github.sitegen.archive;

import io.github.sitegen.internal.XmlChars;
import io.github.sitegen.Problem;
import io.github.sitegen.SiteGenException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.representer.Representer;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Reads and writes the YAML front matter of archive files with SnakeYAML: {@code ---}, a YAML
 * mapping, {@code ---}, then the Markdown body. Values are read as text from the node tree (no
 * object construction, no implicit timestamps), so every value keeps the line it came from for
 * error messages. Front matter in the shape {@link #write} gives it is read by the {@link
 * FrontMatterReader} fast path instead, with the same result. Written front matter is
 * deterministic: keys in the order given, block style, no line folding, quotes only where YAML
 * needs them.
 */
final class FrontMatter {
  private static final String FENCE = "---";
  private static final Pattern FENCE_LINE = Pattern.compile("^---[ \\t]*$", Pattern.MULTILINE);

  private FrontMatter() {}

  /**
   * One value of the front matter with the 1-based line it starts on: a {@code String}, a {@code
   * List<String>} for a sequence, or an empty {@code Map} for a nested mapping (another
   * generator's parameters: nothing here reads one, and a key that must hold a text or a list
   * refuses it).
   */
  record Value(Object value, int line) {
    boolean isList() {
      return value instanceof List<?>;
    }

    boolean isMapping() {
      return value instanceof Map<?, ?>;
    }
  }

  /**
   * A parsed file.
   *
   * @param values the front matter, in file order
   * @param body the Markdown after the closing fence (one blank line after it removed)
   */
  record Parsed(Map<String, Value> values, String body) {}

  /**
   * Parses a file's text, or returns null when it has no front matter (it does not start with a
   * {@code ---} line).
   *
   * @throws SiteGenException when the front matter is not a valid YAML mapping of scalars and
   *     lists of scalars ({@code file:line: message})
   */
  static @Nullable Parsed parse(String text, String file) {
    return parse(text, file, true);
  }

  /**
   * {@link #parse} with SnakeYAML only, never the {@link FrontMatterReader} fast path: the
   * reference the fast path is tested against.
   */
  static @Nullable Parsed parseWithSnakeYaml(String text, String file) {
    return parse(text, file, false);
  }

  private static @Nullable Parsed parse(String text, String file, boolean fastPath) {
    String content = normalise(text);
    if (!opensFrontMatter(content)) {
      return null;
    }
    int yamlStart = content.indexOf('\n') + 1;
    var closing = FENCE_LINE.matcher(content);
    if (yamlStart == 0 || !closing.find(yamlStart)) {
      throw new SiteGenException(
          Problem.error(file, 1, "front matter: expected a closing '---' line, found none"));
    }
    String yamlText = content.substring(yamlStart, closing.start());
    Map<String, Value> values = fastPath ? FrontMatterReader.read(yamlText) : null;
    if (values == null) {
      values = parseMapping(yamlText, file);
    }
    return new Parsed(values, bodyAfter(content, closing.end()));
  }

  /**
   * The body of a file's text, as {@link #parse} gives it, without parsing the front matter; null
   * when the text has no closed front matter.
   */
  static @Nullable String body(String text) {
    String content = normalise(text);
    int yamlStart = content.indexOf('\n') + 1;
    var closing = FENCE_LINE.matcher(content);
    if (!opensFrontMatter(content) || yamlStart == 0 || !closing.find(yamlStart)) {
      return null;
    }
    return bodyAfter(content, closing.end());
  }

  private static String normalise(String text) {
    String content = text.startsWith("\uFEFF") ? text.substring(1) : text;
    return content.indexOf('\r') < 0 ? content : content.replace("\r\n", "\n");
  }

  private static boolean opensFrontMatter(String content) {
    return content.startsWith(FENCE + "\n") || content.startsWith(FENCE + " ") || content.equals(FENCE);
  }

  /** What follows the closing fence line (ending at {@code fenceEnd}), one blank line removed. */
  private static String bodyAfter(String content, int fenceEnd) {
    String body = content.substring(Math.min(content.length(), fenceEnd + 1));
    return body.startsWith("\n") ? body.substring(1) : body;
  }

  private static Map<String, Value> parseMapping(String yamlText, String file) {
    Node root;
    try {
      root = yaml().compose(new java.io.StringReader(yamlText));
    } catch (MarkedYAMLException e) {
      Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
      int line = mark == null ? 1 : mark.getLine() + 2; // +1 for 1-based, +1 for the opening fence
      String problem = e.getProblem() != null ? e.getProblem() : e.getMessage();
      throw new SiteGenException(
          Problem.error(file, line, "front matter: not valid YAML: " + problem), e);
    } catch (YAMLException e) {
      throw new SiteGenException(
          Problem.error(file, 1, "front matter: not valid YAML: " + e.getMessage()), e);
    }
    Map<String, Value> values = new LinkedHashMap<>();
    if (root == null) {
      return values;
    }
    if (!(root instanceof MappingNode mapping)) {
      throw new SiteGenException(
          Problem.error(file, line(root), "front matter: expected a mapping of keys to values"));
    }
    Map<String, Integer> keyLines = new java.util.HashMap<>();
    for (NodeTuple tuple : mapping.getValue()) {
      if (!(tuple.getKeyNode() instanceof ScalarNode key)) {
        throw new SiteGenException(
            Problem.error(file, line(tuple.getKeyNode()), "front matter: expected a plain key"));
      }
      Integer first = keyLines.putIfAbsent(key.getValue(), line(key));
      if (first != null) {
        // (composing a node tree does not check this; which one would win is a guess)
        throw new SiteGenException(
            Problem.error(
                file,
                line(key),
                "front matter: '" + key.getValue() + "' is given twice (first on line " + first
                    + "); keep one"));
      }
      Node valueNode = tuple.getValueNode();
      Object value;
      if (valueNode instanceof ScalarNode scalar) {
        value = scalar.getTag().equals(Tag.NULL) ? "" : scalar.getValue();
      } else if (valueNode instanceof SequenceNode sequence) {
        List<String> items = new ArrayList<>();
        for (Node item : sequence.getValue()) {
          if (!(item instanceof ScalarNode scalarItem)) {
            throw new SiteGenException(
                Problem.error(
                    file,
                    line(item),
                    "front matter '" + key.getValue() + "': expected a list of texts"));
          }
          if (!scalarItem.getTag().equals(Tag.NULL)) {
            items.add(scalarItem.getValue());
          }
        }
        value = List.copyOf(items);
      } else {
        // nested mappings are allowed (other generators' params) but carry nothing we read
        value = Map.of();
      }
      values.put(key.getValue(), new Value(value, line(valueNode)));
    }
    return values;
  }

  private static int line(Node node) {
    return node.getStartMark() == null ? 1 : node.getStartMark().getLine() + 2;
  }

  /**
   * Writes a file: the front matter (values are {@code String}, {@code Boolean}, {@code Integer}
   * or {@code List<String>}; null values are left out) and the body.
   */
  static String write(Map<String, @Nullable Object> values, String body) {
    Map<String, Object> present = new LinkedHashMap<>();
    values.forEach(
        (key, value) -> {
          if (value instanceof String text) {
            present.put(key, printable(text));
          } else if (value instanceof List<?> list) {
            present.put(key, list.stream().map(item -> printable((String) item)).toList());
          } else if (value != null) {
            present.put(key, value);
          }
        });
    StringBuilder out = new StringBuilder(body.length() + 1024);
    out.append(FENCE).append('\n');
    // what SnakeYAML would write as plain text is written here (YAML's dumper is most of the cost
    // of writing an article); anything else, entry by entry, by SnakeYAML
    @Nullable Yaml yaml = null;
    for (Map.Entry<String, Object> entry : present.entrySet()) {
      if (!appendPlain(out, entry.getKey(), entry.getValue())) {
        if (yaml == null) {
          yaml = yaml();
        }
        out.append(yaml.dump(java.util.Collections.singletonMap(entry.getKey(), entry.getValue())));
      }
    }
    out.append(FENCE).append('\n');
    if (!body.isEmpty()) {
      out.append('\n').append(body);
      if (!body.endsWith("\n")) {
        out.append('\n');
      }
    }
    return out.toString();
  }

  /** What SnakeYAML writes for these values, as {@link #write} did before it wrote plain text itself. */
  static String snakeYaml(Map<String, Object> values) {
    return yaml().dump(values);
  }

  private static final Resolver RESOLVER = new TextResolver();

  /**
   * Appends {@code key: value} as SnakeYAML writes it when it is plain text (or a list of plain
   * texts, a boolean, a small number); false, appending nothing, otherwise.
   */
  private static boolean appendPlain(StringBuilder out, String key, Object value) {
    if (!isPlain(key)) {
      return false;
    }
    if (value instanceof String text) {
      if (!isPlain(text)) {
        return false;
      }
      out.append(key).append(": ").append(text).append('\n');
      return true;
    }
    if (value instanceof Boolean || value instanceof Integer) {
      out.append(key).append(": ").append(value).append('\n');
      return true;
    }
    if (value instanceof List<?> list && !list.isEmpty()) {
      for (Object item : list) {
        if (!(item instanceof String text) || !isPlain(text)) {
          return false;
        }
      }
      out.append(key).append(":\n");
      for (Object item : list) {
        out.append("- ").append((String) item).append('\n');
      }
      return true;
    }
    return false;
  }

  /**
   * Whether SnakeYAML writes the text as a plain scalar in block context: printable, on one line,
   * no space at either end, not starting with an indicator, no {@code ": "}, {@code " #"} or final
   * {@code ":"}, and read back as text, not as a number, boolean or null. Conservative: a text it
   * refuses is written by SnakeYAML itself ({@code FrontMatterWriteTest} compares the two).
   */
  static boolean isPlain(String text) {
    int n = text.length();
    if (n == 0 || text.charAt(0) == ' ' || text.charAt(n - 1) == ' ') {
      return false;
    }
    char first = text.charAt(0);
    if ("#,[]{}&*!|>'\"%@`?:-".indexOf(first) >= 0) {
      return false;
    }
    char[] chars = text.toCharArray(); // (indexed reads: charAt is a call per char under C1)
    boolean space = false;
    for (int i = 0; i < n; i++) {
      char c = chars[i];
      if (c < 0x20 || c >= 0x7f && c < 0xa0 || c >= 0xd800 && c < 0xe000 || c >= 0xfffe
          || c == 0x2028 || c == 0x2029 || c == 0xfeff) {
        return false; // controls, line breaks, surrogates, the byte order mark: SnakeYAML decides
      }
      if (c == ':' && (i + 1 == n || chars[i + 1] == ' ')
          || c == '#' && i > 0 && chars[i - 1] == ' ') {
        return false;
      }
      space |= c == ' ';
    }
    if (text.startsWith("...")) {
      return false; // a document end marker
    }
    // no implicit type (bool, int, float, null, merge, value) matches a text with an inner space
    // (null's " " has no inner one): the resolver's regular expressions are not tried
    return space
        || RESOLVER.resolve(org.yaml.snakeyaml.nodes.NodeId.scalar, text, true).equals(Tag.STR);
  }

  /**
   * The text without the characters YAML cannot print (C0/C1 controls other than tab and line
   * feed, unpaired surrogates, U+FFFE/U+FFFF): SnakeYAML would otherwise write the value as an
   * unreadable {@code !!binary} blob.
   */
  static String printable(String text) {
    return XmlChars.keepOnly(
        text,
        c -> c == '\t' || c == '\n' || c >= 0x20 && c < 0x7f || c == 0x85 || c >= 0xa0 && c <= 0xfffd);
  }


  /** A new SnakeYAML instance (they are not thread-safe; creating one is cheap). */
  private static Yaml yaml() {
    LoaderOptions loader = new LoaderOptions();
    loader.setAllowDuplicateKeys(false);
    loader.setMaxAliasesForCollections(10);
    loader.setCodePointLimit(1024 * 1024);
    loader.setAllowRecursiveKeys(false);
    DumperOptions dumper = new DumperOptions();
    dumper.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
    dumper.setIndicatorIndent(0);
    dumper.setAllowUnicode(true);
    dumper.setSplitLines(false);
    dumper.setWidth(Integer.MAX_VALUE);
    dumper.setLineBreak(DumperOptions.LineBreak.UNIX);
    return new Yaml(
        new SafeConstructor(loader), new Representer(dumper), dumper, loader, new TextResolver());
  }

  /**
   * The YAML 1.1 resolver without implicit timestamps: dates stay text (we parse them ourselves,
   * keeping their offset) and are written without quotes.
   */
  private static final class TextResolver extends Resolver {
    @Override
    protected void addImplicitResolvers() {
      addImplicitResolver(Tag.BOOL, BOOL, "yYnNtTfFoO");
      addImplicitResolver(Tag.INT, INT, "-+0123456789");
      addImplicitResolver(Tag.FLOAT, FLOAT, "-+0123456789.");
      addImplicitResolver(Tag.MERGE, MERGE, "<");
      addImplicitResolver(Tag.NULL, NULL, "~nN\0");
      addImplicitResolver(Tag.NULL, EMPTY, null);
      addImplicitResolver(Tag.YAML, YAML, "!&*");
    }
  }
}
