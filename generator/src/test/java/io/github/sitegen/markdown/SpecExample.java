package io.github.sitegen.markdown;

/**
 * One example of a spec file: an {@code html} block and the {@code markdown} block expected from
 * it.
 *
 * @param file the spec file's name
 * @param section the {@code ##} heading above the example
 * @param number the example's number within its section, from 1
 * @param line the line of the {@code html} fence, for messages
 * @param html the input
 * @param baseUri the {@code base=} of the html fence, or {@code ""}
 * @param markdown the expected output
 * @param roundTrip false when the fence says {@code no-roundtrip} (the text changes on purpose)
 */
record SpecExample(
    String file,
    String section,
    int number,
    int line,
    String html,
    String baseUri,
    String markdown,
    boolean roundTrip) {

  @Override
  public String toString() {
    return file + " \"" + section + "\" example " + number;
  }
}
