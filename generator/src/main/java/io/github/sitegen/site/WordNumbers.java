package io.github.sitegen.site;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Numbers words from 0 in the order first seen, for {@link SearchIndex.Terms}. The words of a
 * shared dictionary (a build cache's, used by thousands of documents) are looked up once each, not
 * once per occurrence. Not thread-safe.
 */
final class WordNumbers {
  private final Map<String, Integer> numbers = new HashMap<>();
  private final List<String> words = new ArrayList<>();

  /** For each shared dictionary, its words' numbers (-1 until first seen). */
  private final Map<String[], int[]> translations = new IdentityHashMap<>();

  /** The numbers of {@code terms}, in their order. */
  int[] of(SearchIndex.Terms terms) {
    String[] dictionary = terms.dictionary();
    int[] translation =
        terms.shared()
            ? translations.computeIfAbsent(
                dictionary,
                d -> {
                  int[] t = new int[d.length];
                  Arrays.fill(t, -1);
                  return t;
                })
            : null;
    int[] result = new int[terms.size()];
    for (int k = 0; k < result.length; k++) {
      int local = terms.ids()[k];
      int number = translation == null ? -1 : translation[local];
      if (number < 0) {
        number = number(dictionary[local]);
        if (translation != null) {
          translation[local] = number;
        }
      }
      result[k] = number;
    }
    return result;
  }

  /** The words numbered so far: word {@code n} at index {@code n}. */
  List<String> words() {
    return words;
  }

  private int number(String word) {
    Integer known = numbers.get(word);
    if (known != null) {
      return known;
    }
    int number = words.size();
    numbers.put(word, number);
    words.add(word);
    return number;
  }
}
