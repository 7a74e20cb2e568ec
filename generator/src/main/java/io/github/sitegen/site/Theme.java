package io.github.sitegen.site;

import freemarker.cache.ClassTemplateLoader;
import freemarker.cache.FileTemplateLoader;
import freemarker.cache.MultiTemplateLoader;
import freemarker.cache.TemplateLoader;
import freemarker.core.ParseException;
import freemarker.core.TemplateClassResolver;
import freemarker.template.Configuration;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;
import io.github.sitegen.Problem;
import io.github.sitegen.SiteGenException;
import io.github.sitegen.internal.CodeIdentity;
import io.github.sitegen.internal.ContentCheck;
import io.github.sitegen.internal.LineBreaks;
import io.github.sitegen.internal.StrictText;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.TimeZone;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * The default theme on the classpath ({@code sitegen-theme/}, from the {@code site-template} jar)
 * with an optional user folder whose files override it by name: templates, static files and labels.
 * Holds the one Freemarker {@link Configuration} of a generator, made when first needed;
 * thread-safe.
 */
final class Theme {
  static final String CLASSPATH_ROOT = "sitegen-theme/";

  private final @Nullable Path userFolder;
  /** {@link #userStaticPaths}, once walked. */
  private @Nullable List<String> staticPaths;
  private final Locale locale;
  private final java.time.ZoneId zone;
  /**
   * Made on first use: a build that renders nothing (nothing changed since the last one) never
   * sets Freemarker up (~25 ms of a ~0.8 s no-change run, its class initialisation included).
   */
  private volatile @Nullable Configuration freemarker;
  private final Labels labels;

  Theme(@Nullable Path userFolder, Locale locale, java.time.ZoneId zone) {
    this.userFolder = userFolder;
    if (userFolder != null && !Files.isDirectory(userFolder)) {
      throw new SiteGenException(
          Problem.error(userFolder.toString(), 0, "theme folder: expected a folder, found none"));
    }
    this.locale = locale;
    this.zone = zone;
    this.labels = loadLabels(userFolder, locale);
  }

  /** The one Freemarker configuration, made on the first call (by whichever thread). */
  private Configuration freemarker() {
    Configuration made = freemarker;
    if (made == null) {
      synchronized (this) {
        made = freemarker;
        if (made == null) {
          made = configure(userFolder, locale, zone);
          freemarker = made;
        }
      }
    }
    return made;
  }

  private static Configuration configure(
      @Nullable Path userFolder, Locale locale, java.time.ZoneId zone) {
    var cfg = new Configuration(Configuration.VERSION_2_3_34);
    List<TemplateLoader> loaders = new ArrayList<>();
    Path userTemplates = userFolder == null ? null : userFolder.resolve("templates");
    if (userTemplates != null && Files.isDirectory(userTemplates)) {
      try {
        loaders.add(new StrictFileTemplateLoader(userTemplates.toFile()));
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read theme templates in " + userTemplates, e);
      }
    }
    loaders.add(
        new ClassTemplateLoader(Theme.class.getClassLoader(), CLASSPATH_ROOT + "templates"));
    cfg.setTemplateLoader(new MultiTemplateLoader(loaders.toArray(TemplateLoader[]::new)));
    cfg.setObjectWrapper(new ModelWrapper());
    cfg.setDefaultEncoding("UTF-8");
    cfg.setOutputEncoding("UTF-8");
    cfg.setRecognizeStandardFileExtensions(true); // .ftlh = HTML auto-escaping, .ftlx = XML
    cfg.setLocale(locale);
    cfg.setTimeZone(TimeZone.getTimeZone(zone));
    cfg.setNumberFormat("computer"); // years and counts must not come out as "2 026"
    cfg.setLocalizedLookup(false);
    cfg.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
    cfg.setLogTemplateExceptions(false);
    cfg.setWrapUncheckedExceptions(true);
    cfg.setFallbackOnNullLoopVariable(false);
    cfg.setNewBuiltinClassResolver(TemplateClassResolver.ALLOWS_NOTHING_RESOLVER);
    cfg.setAPIBuiltinEnabled(false);
    return cfg;
  }

  Labels labels() {
    return labels;
  }

  /**
   * The user's templates, each refused with its line when its bytes are not in the encoding it is
   * read in (UTF-8, unless an {@code <#ftl encoding="…">} header names another): a Java reader
   * would put replacement characters in every page instead, silently.
   */
  private static final class StrictFileTemplateLoader extends FileTemplateLoader {
    StrictFileTemplateLoader(java.io.File folder) throws IOException {
      super(folder);
    }

    @Override
    public Reader getReader(Object source, String encoding) throws IOException {
      if (!(source instanceof java.io.File file)) {
        return super.getReader(source, encoding);
      }
      Charset charset;
      try {
        charset = Charset.forName(encoding);
      } catch (IllegalArgumentException e) { // an unknown or malformed name in its header
        throw new java.io.UnsupportedEncodingException(encoding);
      }
      byte[] bytes = Files.readAllBytes(file.toPath());
      @Nullable String text = StrictText.decode(bytes, 0, bytes.length, charset);
      if (text != null) {
        return new StringReader(text);
      }
      if (namesItsEncoding(bytes)) {
        // Freemarker reads the header with the default encoding, then reads the file again in the
        // one it names: this first reading only needs to show it the header
        return new StringReader(new String(bytes, StandardCharsets.ISO_8859_1));
      }
      int at = Math.max(0, StrictText.firstInvalid(bytes, charset)); // (there is one)
      throw new EncodingException(
          1 + LineBreaks.count(bytes, 0, at),
          String.format(
              "expected %s, found byte 0x%02X: save the template as UTF-8, or name its encoding"
                  + " in an <#ftl encoding=\"…\"> header",
              encoding,
              bytes[at] & 0xff));
    }
  }

  /** Whether a template starts with an {@code <#ftl …>} header that names an encoding. */
  static boolean namesItsEncoding(byte[] template) {
    int length = Math.min(template.length, 1024);
    String start = new String(template, 0, length, StandardCharsets.ISO_8859_1).stripLeading();
    if (!start.startsWith("<#ftl") && !start.startsWith("[#ftl")) {
      return false;
    }
    int end = start.indexOf(start.charAt(0) == '<' ? '>' : ']');
    return end > 0 && start.substring(0, end).matches("(?s).*\\bencoding\\s*=.*");
  }

  /** A user template whose bytes are not in its encoding, at {@code line}. */
  private static final class EncodingException extends IOException {
    private static final long serialVersionUID = 1L;
    private final int line;

    EncodingException(int line, String message) {
      super(message);
      this.line = line;
    }
  }

  /**
   * Which theme this is, for what its pages are rendered from: the default theme's jar (or folder)
   * and every file of the user's theme folder but its {@code static/} files, with its content.
   * Pages rendered by another theme must be rendered again; a static file changed (a style sheet)
   * changes no page, only itself ({@link #staticIdentity}).
   */
  String identity() throws IOException {
    var identity = new Fingerprint();
    URL defaults = Theme.class.getClassLoader().getResource(CLASSPATH_ROOT + "static.list");
    if (defaults == null) {
      identity.add("none");
    } else if (defaults.getProtocol().equals("file")) {
      // a folder on the classpath (tests, an IDE): the theme's own folder, not all resources
      try {
        identity.add(CodeIdentity.of(Path.of(defaults.toURI()).getParent().toUri().toURL()));
      } catch (java.net.URISyntaxException e) {
        identity.add(defaults.toString());
      }
    } else {
      identity.add(CodeIdentity.of(defaults)); // the site-gen-template jar
    }
    if (userFolder != null) {
      Path staticFolder = userFolder.resolve("static");
      try (Stream<Path> walk = Files.walk(userFolder)) {
        for (Path file :
            walk.filter(Files::isRegularFile)
                .filter(file -> !file.startsWith(staticFolder))
                .sorted()
                .toList()) {
          identity.add(userFolder.relativize(file).toString()).add(Files.readAllBytes(file));
        }
      }
    }
    return identity.hex();
  }

  /**
   * Which static files the user's theme has ({@link #userStaticPaths}), with their content: what a
   * build copies besides its pages. (By a check read a buffer at a time: a static file may be a
   * video of gigabytes.)
   */
  String staticIdentity() throws IOException {
    var identity = new Fingerprint();
    for (String path : userStaticPaths()) {
      identity.add(path).add(ContentCheck.of(userStaticFile(path)));
    }
    return identity.hex();
  }

  /**
   * Renders a template; a broken template becomes a {@link SiteGenException} naming its {@code
   * file:line}.
   */
  String render(String templateName, Map<String, Object> model) {
    var out = new TextWriter();
    process(templateName, model, out);
    return out.toString();
  }

  /**
   * Renders a template as UTF-8: the bytes of {@link #render}'s text, without the text. A page's
   * text holds non-Latin-1 characters (typographic apostrophes), so a {@link StringBuilder} would
   * hold it as UTF-16, widen every later write, copy it into a {@link String} (trying Latin-1
   * first), and the encoder would read it once more.
   */
  byte[] renderUtf8(String templateName, Map<String, Object> model) {
    var out = new Utf8Writer();
    process(templateName, model, out);
    return out.toBytes();
  }

  private void process(String templateName, Map<String, Object> model, java.io.Writer out) {
    Template template = template(templateName);
    try {
      template.process(model, out);
    } catch (TemplateException e) {
      throw templateProblem(
          Optional.ofNullable(e.getTemplateSourceName()).orElse(templateName),
          Optional.ofNullable(e.getLineNumber()).orElse(0),
          e.getMessageWithoutStackTop(),
          e);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot render " + templateName, e);
    } catch (StackOverflowError e) {
      // (an Error: caught here, on the thread that rendered, and named like any other problem)
      throw new SiteGenException(
          Problem.error(
              displayName(templateName),
              0,
              "rendering never ends: this template, or one it includes, includes itself or has"
                  + " a macro or function that calls itself without a way out"));
    }
  }

  /**
   * A {@link java.io.Writer} into a {@link StringBuilder}: {@link java.io.StringWriter} appends to a
   * synchronized {@link StringBuffer}, a lock per write, and a template makes thousands of writes.
   */
  private static final class TextWriter extends java.io.Writer {
    private final StringBuilder text = new StringBuilder(16 * 1024);

    @Override
    public void write(int c) {
      text.append((char) c);
    }

    @Override
    public void write(char[] chars, int offset, int length) {
      text.append(chars, offset, length);
    }

    @Override
    public void write(String s) {
      text.append(s);
    }

    @Override
    public void write(String s, int offset, int length) {
      text.append(s, offset, offset + length);
    }

    @Override
    public java.io.Writer append(CharSequence s) {
      text.append(s);
      return this;
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}

    @Override
    public String toString() {
      return text.toString();
    }
  }

  /**
   * A {@link java.io.Writer} that encodes what it is given as UTF-8 into a growing byte array, each
   * string by the JDK's own encoder. The bytes are those of {@code text.getBytes(UTF_8)} for the
   * whole text, also when a surrogate pair is split between two writes (its first half waits for
   * the next write); a lone surrogate becomes {@code ?}, as the JDK encodes it. Not thread-safe.
   */
  static final class Utf8Writer extends java.io.Writer {
    private byte[] bytes = new byte[32 * 1024];
    private int length;
    /** A high surrogate that ended the last write, or 0. */
    private char high;

    @Override
    public void write(int c) {
      write(String.valueOf((char) c));
    }

    @Override
    public void write(char[] chars, int offset, int count) {
      write(new String(chars, offset, count));
    }

    @Override
    public void write(String s) {
      write(s, 0, s.length());
    }

    @Override
    public void write(String s, int offset, int count) {
      if (count <= 0) {
        return;
      }
      int from = offset;
      int to = offset + count;
      if (high != 0) {
        char first = s.charAt(from);
        if (Character.isLowSurrogate(first)) {
          add(new String(new char[] {high, first}).getBytes(StandardCharsets.UTF_8));
          from++;
        } else {
          add(QUESTION_MARK);
        }
        high = 0;
      }
      if (from < to && Character.isHighSurrogate(s.charAt(to - 1))) {
        high = s.charAt(to - 1);
        to--;
      }
      if (from < to) {
        String part = from == 0 && to == s.length() ? s : s.substring(from, to);
        add(part.getBytes(StandardCharsets.UTF_8));
      }
    }

    @Override
    public java.io.Writer append(CharSequence s) {
      write(s.toString());
      return this;
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}

    private static final byte[] QUESTION_MARK = {'?'};

    private void add(byte[] encoded) {
      if (length + encoded.length > bytes.length) {
        bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + encoded.length));
      }
      System.arraycopy(encoded, 0, bytes, length, encoded.length);
      length += encoded.length;
    }

    /** The bytes written (a lone high surrogate at the end as {@code ?}). */
    byte[] toBytes() {
      if (high != 0) {
        add(QUESTION_MARK);
        high = 0;
      }
      return Arrays.copyOf(bytes, length);
    }
  }

  /** Loads (and caches) a template, failing on a syntax error. */
  Template template(String name) {
    try {
      return freemarker().getTemplate(name);
    } catch (ParseException e) {
      throw templateProblem(
          Optional.ofNullable(e.getTemplateName()).orElse(name),
          e.getLineNumber(),
          e.getEditorMessage(),
          e);
    } catch (EncodingException e) {
      throw new SiteGenException(Problem.error(displayName(name), e.line, e.getMessage()), e);
    } catch (IOException e) {
      throw new SiteGenException(
          Problem.error(displayName(name), 0, "cannot load template: " + e.getMessage()), e);
    }
  }

  private SiteGenException templateProblem(String name, int line, String message, Exception cause) {
    String text = message;
    int tips = text.indexOf("\n----");
    if (tips >= 0) {
      text = text.substring(0, tips);
    }
    text = text.strip().replaceAll("\\s*\\n\\s*", " ");
    return new SiteGenException(Problem.error(displayName(name), Math.max(line, 0), text), cause);
  }

  /** Where a template comes from: the user's file when it overrides, else the default theme. */
  private String displayName(String template) {
    if (userFolder != null) {
      Path user = userFolder.resolve("templates").resolve(template);
      if (Files.isRegularFile(user)) {
        return user.toString();
      }
    }
    return CLASSPATH_ROOT + "templates/" + template;
  }

  /**
   * The paths of the user folder's static files ({@code static/css/site.css} gives {@code
   * css/site.css}), in order; none without one. The folder is walked once: a theme serves one
   * build, which needs the list for its key ({@link #staticIdentity}), its checks and its copies.
   */
  List<String> userStaticPaths() throws IOException {
    if (staticPaths == null) {
      staticPaths = walkStatic();
    }
    return staticPaths;
  }

  private List<String> walkStatic() throws IOException {
    if (userFolder == null || !Files.isDirectory(userFolder.resolve("static"))) {
      return List.of();
    }
    Path root = userFolder.resolve("static");
    try (Stream<Path> walk = Files.walk(root)) {
      return walk.filter(Files::isRegularFile)
          .map(file -> root.relativize(file).toString().replace('\\', '/'))
          .sorted()
          .toList();
    }
  }

  /** The user folder's static file at {@code path}, one of {@link #userStaticPaths}. */
  Path userStaticFile(String path) {
    return Objects.requireNonNull(userFolder).resolve("static").resolve(path);
  }

  /**
   * The default theme's static files (listed in {@code sitegen-theme/static.list}, since classpath
   * folders cannot be listed from a jar), by path relative to the site root, but for those the
   * user's {@code static/} folder replaces ({@code userPaths}, as {@link #userStaticPaths} listed
   * them; they are copied from {@link #userStaticFile}, never held in memory).
   */
  Map<String, byte[]> defaultStaticFiles(Collection<String> userPaths) throws IOException {
    Map<String, byte[]> files = new TreeMap<>();
    for (String name : readClasspath("static.list").lines().map(String::strip).toList()) {
      if (name.isEmpty() || name.startsWith("#") || userPaths.contains(name)) {
        continue;
      }
      files.put(name, readClasspathBytes("static/" + name));
    }
    return files;
  }

  private static Labels loadLabels(@Nullable Path userFolder, Locale locale) {
    Map<String, String> values = new HashMap<>();
    List<String> names = new ArrayList<>(List.of("labels.properties"));
    if (!locale.getLanguage().isEmpty()) {
      names.add("labels_" + locale.getLanguage() + ".properties");
      if (!locale.getCountry().isEmpty()) {
        names.add("labels_" + locale.getLanguage() + "_" + locale.getCountry() + ".properties");
      }
    }
    boolean translated = false; // a file for the locale's language, not only the default one
    for (String name : names) {
      try (InputStream in =
          Theme.class.getClassLoader().getResourceAsStream(CLASSPATH_ROOT + "i18n/" + name)) {
        if (in != null) {
          load(in, values);
          translated |= !name.equals("labels.properties");
        }
        if (userFolder != null && Files.isRegularFile(userFolder.resolve("i18n").resolve(name))) {
          try (InputStream user = Files.newInputStream(userFolder.resolve("i18n").resolve(name))) {
            load(user, values);
          }
          translated |= !name.equals("labels.properties");
        }
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read theme labels " + name, e);
      }
    }
    if (values.isEmpty()) {
      throw new IllegalStateException(
          "no "
              + CLASSPATH_ROOT
              + "i18n/labels.properties on the classpath: is site-gen-template missing?");
    }
    return new Labels(values, translated ? locale : Labels.DEFAULT_LOCALE);
  }

  /**
   * Adds a labels file's entries to {@code values}. It is read as UTF-8, or, when it is not valid
   * UTF-8, as ISO-8859-1: the encoding {@code .properties} files long had, which Java's resource
   * bundles fall back to in the same way (a user's file saved so would otherwise show replacement
   * characters).
   */
  private static void load(InputStream in, Map<String, String> values) throws IOException {
    byte[] bytes = in.readAllBytes();
    @Nullable String text = StrictText.decode(bytes, 0, bytes.length, StandardCharsets.UTF_8);
    if (text == null) {
      text = new String(bytes, StandardCharsets.ISO_8859_1);
    }
    var properties = new Properties();
    properties.load(new StringReader(text));
    properties.stringPropertyNames().forEach(key -> values.put(key, properties.getProperty(key)));
  }

  private static String readClasspath(String name) throws IOException {
    return new String(readClasspathBytes(name), StandardCharsets.UTF_8);
  }

  private static byte[] readClasspathBytes(String name) throws IOException {
    try (InputStream in = Theme.class.getClassLoader().getResourceAsStream(CLASSPATH_ROOT + name)) {
      if (in == null) {
        throw new IOException("missing theme resource " + CLASSPATH_ROOT + name);
      }
      return in.readAllBytes();
    }
  }
}
