package io.github.sitegen.site;

import static java.util.Objects.requireNonNull;

import java.text.Collator;
import java.util.Comparator;

/**
 * Names in the order a reader expects of a list: text by the locale's collation, and each run of
 * ASCII digits by its value, so that "Windows 7" comes before "Windows 10" and "2 ans" before "10
 * ans" (the collation alone puts "1" before "2" whatever follows). Runs are compared on their base
 * letters first ({@link Collator#PRIMARY}), so that an accent early in a name weighs less than a
 * letter or a number later in it, as in the collation of whole names; names equal so are then
 * compared run by run with the collator as given. Where one name has a number and the other text,
 * the number comes first. This is a consistent order (each name compares as a sequence of runs,
 * each run by a consistent order of its own), as sorting needs. Names it still takes as equal
 * ("07" and "7") compare equal: a caller that needs a total order adds its own tie-break.
 */
final class NaturalOrder implements Comparator<String> {
  private final Collator primary;
  private final Collator collator;

  /** Text compared with {@code collator}, at its strength once numbers and base letters agree. */
  NaturalOrder(Collator collator) {
    this.collator = requireNonNull(collator, "collator");
    this.primary = (Collator) collator.clone();
    primary.setStrength(Collator.PRIMARY);
  }

  @Override
  public int compare(String a, String b) {
    int order = compare(a, b, primary);
    return order != 0 ? order : compare(a, b, collator);
  }

  /**
   * Run by run: digits by value, other text by {@code text}, a number before text; then the
   * shorter first. (Numbers and text are never compared by the collator: it orders digits by their
   * text, and puts other scripts' digits among ours, and sorts would then meet cycles such as "9" <
   * "10" < "٢" < "9".)
   */
  private static int compare(String a, String b, Collator text) {
    int i = 0;
    int j = 0;
    while (i < a.length() && j < b.length()) {
      int endA = runEnd(a, i);
      int endB = runEnd(b, j);
      boolean numberA = isDigit(a.charAt(i));
      boolean numberB = isDigit(b.charAt(j));
      int order =
          numberA != numberB
              ? Boolean.compare(numberB, numberA) // a number before text, whatever the text
              : numberA
                  ? compareNumbers(a, i, endA, b, j, endB)
                  : text.compare(a.substring(i, endA), b.substring(j, endB));
      if (order != 0) {
        return order;
      }
      i = endA;
      j = endB;
    }
    return Boolean.compare(i < a.length(), j < b.length());
  }

  /** Where the run of digits, or of other characters, that starts at {@code from} ends. */
  private static int runEnd(String s, int from) {
    boolean digits = isDigit(s.charAt(from));
    int end = from + 1;
    while (end < s.length() && isDigit(s.charAt(end)) == digits) {
      end++;
    }
    return end;
  }

  /** Two runs of digits by value: without leading zeros, the longer is the larger. */
  private static int compareNumbers(String a, int i, int endA, String b, int j, int endB) {
    while (i < endA - 1 && a.charAt(i) == '0') {
      i++;
    }
    while (j < endB - 1 && b.charAt(j) == '0') {
      j++;
    }
    int order = Integer.compare(endA - i, endB - j);
    for (; order == 0 && i < endA; i++, j++) {
      order = Character.compare(a.charAt(i), b.charAt(j));
    }
    return order;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }
}
