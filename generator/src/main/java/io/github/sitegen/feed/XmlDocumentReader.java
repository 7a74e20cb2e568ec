package io.github.sitegen.feed;

import com.rometools.rome.io.XmlReader;
import io.github.sitegen.Problem;
import io.github.sitegen.SiteGenException;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UnsupportedEncodingException;
import java.util.Locale;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import org.jdom2.Document;
import org.jdom2.JDOMException;
import org.jdom2.input.JDOMParseException;
import org.jdom2.input.SAXBuilder;
import org.jdom2.input.sax.XMLReaders;
import org.jdom2.located.LocatedJDOMFactory;
import org.jspecify.annotations.Nullable;
import org.xml.sax.InputSource;

/**
 * Parses the bytes of a snapshot file into a JDOM document, refusing anything that could reach
 * outside the file: a DOCTYPE is rejected before any entity is declared, so there are no external
 * entities, no DTD fetches and no entity expansion at all. Elements carry their line numbers
 * ({@link org.jdom2.located.LocatedElement}). Files that are obviously not XML (empty, JSON, an
 * HTML page) get a message saying so instead of the parser's first complaint.
 */
final class XmlDocumentReader {

  // TODO(#4): recover leniently (DOCTYPEs that only bring HTML entities, a comment before the
  // XML declaration, undeclared entities); until then such files are refused with the parser's
  // message.
  private static final String DISALLOW_DOCTYPE =
      "http://apache.org/xml/features/disallow-doctype-decl";

  /** How much of the decoded text is looked at to recognise JSON and HTML. */
  private static final int SNIFF_CHARS = 4096;

  private static final Pattern HTML_START =
      Pattern.compile(
          "(?is)(<\\?xml[^>]*>\\s*)?(<!--.*?-->\\s*)*(<!doctype[^>]*>\\s*)?(<!--.*?-->\\s*)*<html\\b");

  private XmlDocumentReader() {}

  /**
   * Parses one file.
   *
   * @param fileName the file as named in messages
   * @throws SiteGenException when the bytes are not a well-formed XML document, or are not XML
   */
  static Document read(String fileName, byte[] bytes) {
    try (Reader reader = new BufferedReader(decode(fileName, bytes), SNIFF_CHARS)) {
      refuseObviousNonXml(fileName, reader);
      return newBuilder().build(reader);
    } catch (JDOMParseException e) {
      throw new SiteGenException(
          Problem.error(fileName, Math.max(e.getLineNumber(), 0), describe(e)), e);
    } catch (JDOMException e) {
      throw new SiteGenException(
          Problem.error(fileName, 0, "not a well-formed feed: " + sentence(e.getMessage())), e);
    } catch (IOException e) {
      // the bytes are already in memory: an IOException here is about decoding them
      throw new SiteGenException(
          Problem.error(fileName, 0, "cannot decode the file: " + sentence(e.getMessage())), e);
    }
  }

  /** Decodes with Rome's {@link XmlReader}: BOM, then the XML declaration, then UTF-8. */
  private static Reader decode(String fileName, byte[] bytes) throws IOException {
    try {
      return new XmlReader(new ByteArrayInputStream(bytes), true);
    } catch (UnsupportedEncodingException e) {
      throw new SiteGenException(
          Problem.error(
              fileName,
              1,
              "unsupported encoding: expected a known charset, found \"" + e.getMessage() + "\""),
          e);
    }
  }

  private static SAXBuilder newBuilder() {
    SAXBuilder builder = new SAXBuilder(XMLReaders.NONVALIDATING);
    builder.setJDOMFactory(new LocatedJDOMFactory());
    // A feed has no business declaring a DTD: refusing the DOCTYPE rules out XXE (general and
    // parameter entities), remote DTDs and entity bombs in one go. The other settings are defence
    // in depth should a DOCTYPE ever be let through.
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

  private static void refuseObviousNonXml(String fileName, Reader reader) throws IOException {
    reader.mark(SNIFF_CHARS);
    char[] buffer = new char[SNIFF_CHARS];
    int length = 0;
    for (int n;
        length < buffer.length && (n = reader.read(buffer, length, buffer.length - length)) > 0; ) {
      length += n;
    }
    reader.reset();
    String start = new String(buffer, 0, length);
    int first = 0;
    while (first < length
        && (Character.isWhitespace(start.charAt(first)) || start.charAt(first) == '\uFEFF')) {
      first++;
    }
    if (first == length) {
      if (length < SNIFF_CHARS) {
        throw new SiteGenException(
            Problem.error(
                fileName, 0, "not a feed: expected rss or atom xml, found an empty file"));
      }
      return;
    }
    String text = start.substring(first);
    int line = lineOf(start, first);
    if (text.startsWith("{") || text.startsWith("[")) {
      throw new SiteGenException(
          Problem.error(
              fileName,
              line,
              "not a feed: expected rss or atom xml, found json (json feed is not supported)"));
    }
    if (HTML_START.matcher(text).lookingAt()) {
      throw new SiteGenException(
          Problem.error(
              fileName, line, "not a feed: expected rss or atom xml, found an html page"));
    }
  }

  private static String describe(JDOMParseException e) {
    String message = e.getCause() != null ? e.getCause().getMessage() : e.getMessage();
    if (message != null && message.contains(DISALLOW_DOCTYPE)) {
      return "not a safe feed: expected no doctype declaration, found <!DOCTYPE …>"
          + " (dtds and entity declarations are refused)";
    }
    return "not a well-formed feed: " + sentence(message);
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
    for (int i = 0; i < index; i++) {
      if (text.charAt(i) == '\n') {
        line++;
      }
    }
    return line;
  }
}
