package io.github.sitegen.feed;

import io.github.sitegen.internal.StrictText;
import io.github.sitegen.internal.XmlChars;
import io.github.sitegen.Problem;
import io.github.sitegen.Reporter;
import io.github.sitegen.SiteGenException;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import org.jdom2.Document;
import org.jdom2.JDOMException;
import org.jdom2.input.JDOMParseException;
import org.jdom2.input.SAXBuilder;
import org.jdom2.input.sax.XMLReaders;
import org.jdom2.located.LocatedJDOMFactory;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.DocumentType;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Entities;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.XmlDeclaration;
import org.jsoup.parser.Parser;
import org.jsoup.select.NodeTraversor;
import org.jspecify.annotations.Nullable;
import org.xml.sax.InputSource;

/**
 * Parses the bytes of a snapshot file into a JDOM document like a forgiving feed reader, without
 * ever reaching outside the file. Elements carry their line numbers ({@link
 * org.jdom2.located.LocatedElement}).
 *
 * <ol>
 *   <li><b>Decoding</b>: a byte order mark wins, then the XML declaration's encoding, then UTF-8;
 *       {@code ISO-8859-1} and {@code US-ASCII} are read as their superset windows-1252 (what
 *       publishers mean); bytes that are not valid UTF-8 are read as windows-1252; an unknown
 *       encoding name is read as UTF-8. Every guess is reported as a warning.
 *   <li><b>Prolog</b>: a comment before the XML declaration, the declaration itself and any
 *       DOCTYPE are removed (replaced by as many line breaks, so line numbers stay true). A DOCTYPE
 *       is never processed: no DTD is fetched and no entity it declares is expanded. One that
 *       declares external or parameter entities, or entities built from other entities (XXE,
 *       billion laughs, quadratic blow-up), is reported as an error; the rest of the file is still
 *       read, with the references left as text.
 *   <li><b>Characters</b> XML forbids (C0 controls, U+FFFE/U+FFFF, lone surrogates) are dropped.
 *   <li><b>Strict parse</b> with a hardened SAX parser (DOCTYPEs refused outright, should one
 *       survive). Well-formed feeds stop here.
 *   <li><b>Repairs</b> when the strict parse fails: HTML named entities ({@code &uuml;}) become
 *       their characters from jsoup's built-in table, and a {@code &} that starts no entity is
 *       escaped; then, if the text is still not well-formed, jsoup's lenient XML parser builds a
 *       tree (closing what a truncated file left open, dropping what it cannot read), undeclared
 *       namespace prefixes are declared, and the re-serialised tree is parsed strictly again. A
 *       repair is reported as a warning naming the line of the first parse error.
 * </ol>
 *
 * Files that are obviously not XML (empty, JSON, an HTML page) get a message saying so.
 */
final class XmlDocumentReader {

  private static final String DISALLOW_DOCTYPE =
      "http://apache.org/xml/features/disallow-doctype-decl";

  /** How much of the decoded text is looked at to recognise JSON and HTML, and the encoding. */
  private static final int SNIFF_CHARS = 4096;

  private static final Pattern HTML_START =
      Pattern.compile(
          "(?is)(<\\?xml[^>]*>\\s*)?(<!--.*?-->\\s*)*(<!doctype[^>]*>\\s*)?(<!--.*?-->\\s*)*<html\\b");

  private static final Pattern DECLARED_ENCODING =
      Pattern.compile("<\\?xml[^>]*?encoding\\s*=\\s*[\"']([^\"']*)[\"']");

  private static final Pattern ENTITY_DECLARATION =
      Pattern.compile(
          "<!ENTITY\\s+(%\\s+)?([^\\s\"']+)\\s+(SYSTEM|PUBLIC|\"[^\"]*\"|'[^']*')",
          Pattern.CASE_INSENSITIVE);

  private static final Pattern NAMED_REFERENCE = Pattern.compile("&([A-Za-z][A-Za-z0-9]*);");

  private static final Pattern REFERENCE =
      Pattern.compile("&(#[0-9]+|#[xX][0-9a-fA-F]+|[A-Za-z_:][A-Za-z0-9_.:-]*);");

  private static final Pattern C1_REFERENCE =
      Pattern.compile("&#(?:(1[2-5][0-9])|[xX]0*([89][0-9a-fA-F]));");

  private static final Set<String> XML_ENTITIES = Set.of("amp", "lt", "gt", "quot", "apos");

  private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

  private XmlDocumentReader() {}

  /**
   * Parses one file, reporting every repair to {@code reporter}.
   *
   * @param fileName the file as named in messages
   * @throws SiteGenException when the bytes are not XML at all (empty, JSON, HTML) or nothing
   *     readable is left after the repairs
   */
  static Document read(String fileName, byte[] bytes, Reporter reporter) {
    String text = decode(fileName, bytes, reporter);
    refuseObviousNonXml(fileName, text);
    text = stripProlog(fileName, text, reporter);
    if (onlyPlainCharacters(text)) {
      text = c1References(text); // nothing to strip, no raw C1 control
    } else {
      text = stripIllegalCharacters(fileName, text, reporter);
      text = windows1252References(text);
    }

    JDOMParseException first;
    try {
      return parse(text);
    } catch (JDOMParseException e) {
      first = e;
    }
    int line = Math.max(first.getLineNumber(), 0);
    String why = describe(first);
    String entitiesFixed = fixEntities(text);
    if (!entitiesFixed.equals(text)) {
      try {
        Document document = parse(entitiesFixed);
        reporter.problem(
            Problem.warning(
                fileName,
                line,
                "repaired: " + why + "; html entities resolved, unknown ones and bare '&' kept as text"));
        return document;
      } catch (JDOMParseException e) {
        // still broken: the lenient parser below has the last word
      }
    }
    String repaired = lenient(entitiesFixed);
    if (repaired.isEmpty()) {
      throw new SiteGenException(
          Problem.error(fileName, line, FeedReader.notAFeed("no element")));
    }
    Document document;
    try {
      document = parse(repaired);
    } catch (JDOMParseException | StackOverflowError e) {
      throw new SiteGenException(
          Problem.error(fileName, line, "not a well-formed feed: " + sentence(first.getMessage())));
    }
    reporter.problem(
        Problem.warning(
            fileName, line, "repaired: " + why + "; read leniently, what was unreadable is lost"));
    return document;
  }

  private static Document parse(String text) throws JDOMParseException {
    try {
      return newBuilder().build(new StringReader(text));
    } catch (JDOMParseException e) {
      throw e;
    } catch (JDOMException | IOException e) {
      // a StringReader does not fail, and SAX problems come as JDOMParseException
      throw new JDOMParseException(String.valueOf(e.getMessage()), e);
    }
  }

  // --- decoding ---------------------------------------------------------------------------------

  /** The text of the file: BOM, then declaration, then UTF-8, with windows-1252 as last resort. */
  static String decode(String fileName, byte[] bytes, Reporter reporter) {
    Bom bom = Bom.of(bytes);
    String ascii =
        new String(bytes, bom.length(), Math.min(bytes.length - bom.length(), SNIFF_CHARS * 4),
            bom.charset() == null ? StandardCharsets.ISO_8859_1 : bom.charset());
    Matcher declared = DECLARED_ENCODING.matcher(ascii);
    @Nullable String declaredName = declared.find() ? declared.group(1).strip() : null;

    Charset charset;
    if (bom.charset() != null) {
      charset = bom.charset();
    } else if (declaredName != null) {
      charset = charset(fileName, declaredName, lineOf(ascii, declared.start()), reporter);
    } else {
      charset = StandardCharsets.UTF_8;
    }
    int offset = bom.length();
    @Nullable String text = StrictText.decode(bytes, offset, bytes.length - offset, charset);
    if (text != null) {
      return text;
    }
    if (charset.equals(StandardCharsets.UTF_8) && bom.charset() == null) {
      reporter.problem(
          Problem.warning(
              fileName, 0, "repaired: expected utf-8, found invalid bytes; read as windows-1252"));
      return new String(bytes, offset, bytes.length - offset, WINDOWS_1252);
    }
    reporter.problem(
        Problem.warning(
            fileName,
            0,
            "repaired: expected "
                + charset.name().toLowerCase(Locale.ROOT)
                + ", found invalid bytes; replaced with U+FFFD"));
    return new String(bytes, offset, bytes.length - offset, charset);
  }

  private static Charset charset(String fileName, String name, int line, Reporter reporter) {
    Charset charset;
    try {
      charset = Charset.forName(name);
    } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
      reporter.problem(
          Problem.warning(
              fileName,
              line,
              "repaired: expected a known encoding, found \"" + name + "\"; read as utf-8"));
      return StandardCharsets.UTF_8;
    }
    // publishers saying ISO-8859-1 or ASCII mean windows-1252 (curly quotes in 0x80-0x9F), and
    // windows-1252 reads every byte of both the same way except those
    if (charset.equals(StandardCharsets.ISO_8859_1) || charset.equals(StandardCharsets.US_ASCII)) {
      return WINDOWS_1252;
    }
    return charset;
  }

  /** A byte order mark, or the UTF-16/32 pattern of a {@code <} without one. */
  private record Bom(@Nullable Charset charset, int length) {
    static Bom of(byte[] b) {
      if (starts(b, 0xEF, 0xBB, 0xBF)) {
        return new Bom(StandardCharsets.UTF_8, 3);
      }
      if (starts(b, 0x00, 0x00, 0xFE, 0xFF)) {
        return new Bom(Charset.forName("UTF-32BE"), 4);
      }
      if (starts(b, 0xFF, 0xFE, 0x00, 0x00)) {
        return new Bom(Charset.forName("UTF-32LE"), 4);
      }
      if (starts(b, 0xFE, 0xFF)) {
        return new Bom(StandardCharsets.UTF_16BE, 2);
      }
      if (starts(b, 0xFF, 0xFE)) {
        return new Bom(StandardCharsets.UTF_16LE, 2);
      }
      if (starts(b, 0x00, 0x00, 0x00, 0x3C)) {
        return new Bom(Charset.forName("UTF-32BE"), 0);
      }
      if (starts(b, 0x3C, 0x00, 0x00, 0x00)) {
        return new Bom(Charset.forName("UTF-32LE"), 0);
      }
      if (starts(b, 0x00, 0x3C)) {
        return new Bom(StandardCharsets.UTF_16BE, 0);
      }
      if (starts(b, 0x3C, 0x00)) {
        return new Bom(StandardCharsets.UTF_16LE, 0);
      }
      return new Bom(null, 0);
    }

    private static boolean starts(byte[] bytes, int... prefix) {
      if (bytes.length < prefix.length) {
        return false;
      }
      for (int i = 0; i < prefix.length; i++) {
        if ((bytes[i] & 0xFF) != prefix[i]) {
          return false;
        }
      }
      return true;
    }
  }

  // --- prolog -----------------------------------------------------------------------------------

  /**
   * Removes the XML declaration (wherever a leading comment put it) and any DOCTYPE, keeping the
   * line count; the text is already decoded, so the declaration's encoding has done its job.
   */
  private static String stripProlog(String fileName, String text, Reporter reporter) {
    StringBuilder out = new StringBuilder(text.length());
    int i = text.startsWith("\uFEFF") ? 1 : 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (Character.isWhitespace(c)) {
        out.append(c);
        i++;
      } else if (text.startsWith("<!--", i)) {
        int end = text.indexOf("-->", i + 4);
        end = end < 0 ? text.length() : end + 3;
        out.append(text, i, end);
        i = end;
      } else if (text.startsWith("<?", i)) {
        int end = text.indexOf("?>", i + 2);
        end = end < 0 ? text.length() : end + 2;
        out.append(newlines(text, i, end));
        i = end;
      } else if (text.regionMatches(true, i, "<!DOCTYPE", 0, 9)) {
        int end = doctypeEnd(text, i);
        String doctype = text.substring(i, end);
        reportDoctype(fileName, lineOf(text, i), doctype, reporter);
        out.append(newlines(text, i, end));
        i = end;
      } else {
        break;
      }
    }
    return out.append(text, i, text.length()).toString();
  }

  /** The end of a DOCTYPE: its {@code >}, after any quoted ids and internal subset. */
  private static int doctypeEnd(String text, int start) {
    boolean subset = false;
    char quote = 0;
    for (int i = start + 9; i < text.length(); i++) {
      char c = text.charAt(i);
      if (quote != 0) {
        quote = c == quote ? 0 : quote;
      } else if (c == '"' || c == '\'') {
        quote = c;
      } else if (c == '[') {
        subset = true;
      } else if (c == ']') {
        subset = false;
      } else if (c == '>' && !subset) {
        return i + 1;
      } else if (subset && text.startsWith("<!--", i)) {
        int end = text.indexOf("-->", i + 4);
        i = end < 0 ? text.length() : end + 2;
      }
    }
    return text.length();
  }

  private static void reportDoctype(String fileName, int line, String doctype, Reporter reporter) {
    int open = doctype.indexOf('[');
    String subset = open < 0 ? "" : doctype.substring(open);
    if (subset.isBlank()) {
      reporter.problem(
          Problem.info(
              fileName, line, "doctype ignored: no dtd is read (html entities are known anyway)"));
      return;
    }
    String danger = null;
    Matcher m = ENTITY_DECLARATION.matcher(subset);
    Set<String> internal = new LinkedHashSet<>();
    while (m.find()) {
      String name = m.group(2);
      if (m.group(1) != null) {
        danger = "a parameter entity \"%" + name + "\"";
      } else if (m.group(3).equalsIgnoreCase("SYSTEM") || m.group(3).equalsIgnoreCase("PUBLIC")) {
        danger = danger == null ? "an external entity \"" + name + "\"" : danger;
      } else if (m.group(3).contains("&") || m.group(3).contains("%")) {
        danger = danger == null ? "an entity built from other entities \"" + name + "\"" : danger;
      } else {
        internal.add(name);
      }
      if (danger != null && m.group(1) != null) {
        break;
      }
    }
    if (danger != null || subset.contains("%")) {
      reporter.problem(
          Problem.error(
              fileName,
              line,
              "not a safe feed: expected no doctype declaration, found one declaring "
                  + (danger == null ? "parameter entities" : danger)
                  + "; the doctype is refused and every entity reference is left as text"));
    } else {
      reporter.problem(
          Problem.warning(
              fileName,
              line,
              "doctype ignored: entities it declares are not expanded ("
                  + String.join(", ", internal.stream().map(n -> "&" + n + ";").toList())
                  + " left as text)"));
    }
  }

  private static String newlines(String text, int start, int end) {
    StringBuilder lines = new StringBuilder();
    for (int i = start; i < end; i++) {
      if (text.charAt(i) == '\n') {
        lines.append('\n');
      }
    }
    return lines.toString();
  }

  // --- characters -------------------------------------------------------------------------------

  /**
   * Whether every character is one that neither {@link #stripIllegalCharacters} nor the raw C1 part
   * of {@link #windows1252References} changes: tab, line breaks, U+0020–U+007F and U+00A0–U+D7FF.
   * One pass over a copy of the characters, which is cheaper than the two passes it saves on a
   * feed's usual text.
   */
  private static boolean onlyPlainCharacters(String text) {
    char[] chars = text.toCharArray();
    for (char c : chars) {
      if (c < 0x20 ? c != '\n' && c != '\t' && c != '\r' : c >= 0x80 && (c < 0xA0 || c >= 0xD800)) {
        return false;
      }
    }
    return true;
  }

  private static String stripIllegalCharacters(String fileName, String text, Reporter reporter) {
    StringBuilder out = null;
    int dropped = 0;
    int firstLine = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean ok;
      if (Character.isHighSurrogate(c)) {
        ok = i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1));
        if (ok) {
          if (out != null) {
            out.append(c).append(text.charAt(i + 1));
          }
          i++;
          continue;
        }
      } else {
        ok = XmlChars.isLegal(c);
      }
      if (ok) {
        if (out != null) {
          out.append(c);
        }
      } else {
        if (out == null) {
          out = new StringBuilder(text.length()).append(text, 0, i);
          firstLine = lineOf(text, i);
        }
        dropped++;
      }
    }
    if (out == null) {
      return text;
    }
    reporter.problem(
        Problem.warning(
            fileName,
            firstLine,
            "repaired: expected characters allowed in xml, found "
                + dropped
                + " control character"
                + (dropped == 1 ? "" : "s")
                + "; dropped"));
    return out.toString();
  }

  /**
   * {@code &#146;} (or a raw U+0092) means a control character, but every publisher writing it meant the
   * windows-1252 character at 0x92 (’): the references 128-159 become those characters, as HTML5
   * parsers do.
   */
  private static String windows1252References(String text) {
    StringBuilder chars = null;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c >= 0x80 && c <= 0x9F) {
        if (chars == null) {
          chars = new StringBuilder(text.length()).append(text, 0, i);
        }
        String mapped = new String(new byte[] {(byte) c}, WINDOWS_1252);
        chars.append(mapped.charAt(0) == c || mapped.charAt(0) == '\uFFFD' ? "" : mapped);
      } else if (chars != null) {
        chars.append(c);
      }
    }
    return c1References(chars == null ? text : chars.toString());
  }

  /** The references {@code &#128;}–{@code &#159;} as the windows-1252 characters they mean. */
  private static String c1References(String text) {
    if (text.indexOf("&#") < 0) {
      return text;
    }
    return C1_REFERENCE
        .matcher(text)
        .replaceAll(
            m -> {
              int code =
                  m.group(1) != null ? Integer.parseInt(m.group(1)) : Integer.parseInt(m.group(2), 16);
              String c = new String(new byte[] {(byte) code}, WINDOWS_1252);
              return c.charAt(0) == '\uFFFD' || c.charAt(0) == code ? "" : "&#" + c.codePointAt(0) + ";";
            });
  }

  // --- repairs ----------------------------------------------------------------------------------

  /**
   * Outside CDATA sections, comments and processing instructions: known HTML entities become
   * numeric references, and any {@code &} that does not start a reference is escaped.
   */
  static String fixEntities(String text) {
    StringBuilder out = new StringBuilder(text.length() + 64);
    int i = 0;
    while (i < text.length()) {
      int amp = text.indexOf('&', i);
      int lt = text.indexOf('<', i);
      int next = amp < 0 ? lt : lt < 0 ? amp : Math.min(amp, lt);
      if (next < 0) {
        out.append(text, i, text.length());
        break;
      }
      out.append(text, i, next);
      i = next;
      if (text.charAt(i) == '<') {
        String close = text.startsWith("<![CDATA[", i) ? "]]>" : text.startsWith("<!--", i) ? "-->" : text.startsWith("<?", i) ? "?>" : null;
        if (close == null) {
          out.append('<');
          i++;
          continue;
        }
        int end = text.indexOf(close, i + 2);
        end = end < 0 ? text.length() : end + close.length();
        out.append(text, i, end);
        i = end;
        continue;
      }
      Matcher reference = REFERENCE.matcher(text).region(i, Math.min(text.length(), i + 64));
      if (reference.lookingAt()) {
        String name = reference.group(1);
        if (name.startsWith("#") || XML_ENTITIES.contains(name)) {
          out.append(reference.group());
        } else if (NAMED_REFERENCE.matcher(reference.group()).matches()
            && Entities.isNamedEntity(name)) {
          String chars = Entities.getByName(name);
          chars.codePoints().forEach(cp -> out.append("&#").append(cp).append(';'));
        } else {
          out.append("&amp;").append(reference.group(), 1, reference.group().length());
        }
        i = reference.end();
      } else {
        out.append("&amp;");
        i++;
      }
    }
    return out.toString();
  }

  /**
   * Reads the text with jsoup's lenient XML parser and writes it back as well-formed XML, with
   * line breaks where they were so that line numbers stay close.
   */
  private static String lenient(String text) {
    org.jsoup.nodes.Document doc = Jsoup.parse(text, "", Parser.xmlParser());
    Set<String> declared = new HashSet<>(Set.of("xml", "xmlns"));
    Set<String> used = new LinkedHashSet<>();
    java.util.List<Node> drop = new java.util.ArrayList<>();
    NodeTraversor.traverse(
        (node, depth) -> {
          if (node instanceof DocumentType || node instanceof XmlDeclaration) {
            drop.add(node);
          } else if (node instanceof Element element) {
            prefix(element.tagName()).ifPresent(used::add);
            for (Attribute attribute : element.attributes()) {
              String key = attribute.getKey();
              if (key.startsWith("xmlns:")) {
                declared.add(key.substring(6));
              } else {
                prefix(key).ifPresent(used::add);
              }
            }
          }
        },
        doc);
    drop.forEach(Node::remove);
    Element root = doc.children().first();
    if (root == null) {
      return "";
    }
    while (root.nextSibling() != null) {
      root.nextSibling().remove(); // junk after the root element (a second root, stray text)
    }
    for (String prefix : used) {
      if (!declared.contains(prefix)) {
        root.attr("xmlns:" + prefix, "urn:site-gen:undeclared:" + prefix);
      }
    }
    doc.outputSettings()
        .prettyPrint(false)
        .syntax(org.jsoup.nodes.Document.OutputSettings.Syntax.xml)
        .escapeMode(Entities.EscapeMode.xhtml)
        .charset(StandardCharsets.UTF_8);
    return doc.outerHtml();
  }

  private static java.util.Optional<String> prefix(String name) {
    int colon = name.indexOf(':');
    return colon > 0 ? java.util.Optional.of(name.substring(0, colon)) : java.util.Optional.empty();
  }

  // --- parser -----------------------------------------------------------------------------------

  private static SAXBuilder newBuilder() {
    SAXBuilder builder = new SAXBuilder(XMLReaders.NONVALIDATING);
    builder.setJDOMFactory(new LocatedJDOMFactory());
    // The DOCTYPE was removed before parsing; refusing one here (and the settings after it) is
    // defence in depth: no external entity, remote DTD or entity expansion can ever happen.
    builder.setFeature(DISALLOW_DOCTYPE, true);
    builder.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
    builder.setFeature("http://xml.org/sax/features/external-general-entities", false);
    builder.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
    builder.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
    builder.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
    builder.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
    builder.setEntityResolver((publicId, systemId) -> new InputSource(new StringReader("")));
    return builder;
  }

  private static void refuseObviousNonXml(String fileName, String text) {
    int first = firstNonBlank(text);
    @Nullable String found = obviousNonXml(text, first);
    if (found != null) {
      throw new SiteGenException(
          Problem.error(
              fileName,
              first == text.length() ? 0 : lineOf(text, first),
              FeedReader.notAFeed(found)));
    }
  }

  /**
   * What the bytes of a body that is obviously no feed hold, from their start: {@code "an empty
   * file"}, {@code "json (json feed is not supported)"} or {@code "an html page"}; null when they
   * may be a feed (the reader then says more). See {@link FeedReader#obviouslyNoFeed}.
   */
  static @Nullable String obviousNonXml(byte[] bytes) {
    String text =
        new String(bytes, 0, Math.min(bytes.length, 4 * SNIFF_CHARS), StandardCharsets.UTF_8);
    int first = firstNonBlank(text);
    return first == text.length() && bytes.length > text.length()
        ? null // (blank so far, and more after: not known)
        : obviousNonXml(text, first);
  }

  private static int firstNonBlank(String text) {
    int length = Math.min(text.length(), SNIFF_CHARS);
    int first = 0;
    while (first < length
        && (Character.isWhitespace(text.charAt(first)) || text.charAt(first) == '\uFEFF')) {
      first++;
    }
    return first;
  }

  private static @Nullable String obviousNonXml(String text, int first) {
    if (first == text.length()) {
      return "an empty file";
    }
    int length = Math.min(text.length(), SNIFF_CHARS);
    if (first == length) {
      return null;
    }
    String start = text.substring(first, length);
    if (start.startsWith("{") || start.startsWith("[")) {
      return "json (json feed is not supported)";
    }
    if (HTML_START.matcher(start).lookingAt()) {
      return "an html page";
    }
    return null;
  }

  private static String describe(JDOMParseException e) {
    String message = e.getCause() != null ? e.getCause().getMessage() : e.getMessage();
    return "not well-formed xml (" + sentence(message) + ")";
  }

  /** The parser's message as a problem message: no leading "The", lowercase, no final period. */
  static String sentence(@Nullable String message) {
    if (message == null || message.isBlank()) {
      return "no details";
    }
    String text = message.strip();
    if (text.startsWith("The ")) {
      text = text.substring(4);
    }
    if (text.endsWith(".")) {
      text = text.substring(0, text.length() - 1);
    }
    // "Element type…" and "XML document…" start lowercase, a quoted "DOCTYPE" later stays as is
    int wordEnd = text.indexOf(' ') < 0 ? text.length() : text.indexOf(' ');
    String firstWord = text.substring(0, wordEnd);
    if (firstWord.chars().allMatch(Character::isLetter)) {
      text = firstWord.toLowerCase(Locale.ROOT) + text.substring(wordEnd);
    }
    return text;
  }

  private static int lineOf(String text, int index) {
    int line = 1;
    for (int i = 0; i < index && i < text.length(); i++) {
      if (text.charAt(i) == '\n') {
        line++;
      }
    }
    return line;
  }
}
