package io.github.sitegen.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The ranking of related articles ({@link SitePlanner.Related#rank}). */
class RelatedRankTest {

  @Test
  void mostSharedTagsFirstThenNearestThenNewer() {
    // article 10's tags: [2, 8, 10, 11, 14] and [8, 10, 12]; 8 shares both
    int[][] lists = {{2, 8, 10, 11, 14}, {8, 10, 12}};

    assertThat(SitePlanner.Related.rank(10, lists, 40, 5)).containsExactly(8, 11, 12, 14, 2);
    assertThat(SitePlanner.Related.rank(10, lists, 40, 2)).containsExactly(8, 11);
  }

  @Test
  void onlyTheWindowAroundTheArticleInEachTagIsLookedAt() {
    int[] list = new int[100];
    for (int k = 0; k < list.length; k++) {
      list[k] = k;
    }

    assertThat(SitePlanner.Related.rank(50, new int[][] {list}, 4, 10)).containsExactly(49, 51, 48, 52);
    assertThat(SitePlanner.Related.rank(0, new int[][] {list}, 4, 10)).containsExactly(1, 2);
  }

  @Test
  void anArticleAloneInItsTagsHasNone() {
    assertThat(SitePlanner.Related.rank(3, new int[][] {{3}, {3}}, 40, 5)).isEmpty();
    assertThat(SitePlanner.Related.rank(3, new int[0][], 40, 5)).isEmpty();
  }

  /** Random archives: the same articles, in the same order, as ranking every candidate by sorting. */
  @Test
  void givesWhatSortingAllCandidatesGives() {
    Random random = new Random(6);
    for (int round = 0; round < 500; round++) {
      int articles = 1 + random.nextInt(200);
      int tags = 1 + random.nextInt(12);
      Map<Integer, TreeSet<Integer>> byTag = new HashMap<>();
      List<List<Integer>> tagsOf = new ArrayList<>();
      for (int a = 0; a < articles; a++) {
        List<Integer> own = new ArrayList<>();
        int count = random.nextInt(5);
        for (int c = 0; c < count; c++) {
          int tag = random.nextInt(tags);
          if (!own.contains(tag)) {
            own.add(tag);
            byTag.computeIfAbsent(tag, t -> new TreeSet<>()).add(a);
          }
        }
        tagsOf.add(own);
      }
      int window = 1 + random.nextInt(50);
      int count = 1 + random.nextInt(8);
      for (int i = 0; i < articles; i++) {
        int[][] lists =
            tagsOf.get(i).stream()
                .map(t -> byTag.get(t).stream().mapToInt(Integer::intValue).toArray())
                .toArray(int[][]::new);

        assertThat(SitePlanner.Related.rank(i, lists, window, count))
            .as("article %d of round %d", i, round)
            .containsExactly(bySorting(i, lists, window, count));
      }
    }
  }

  /** The specification, slowly: count each candidate's lists, sort them all, keep the first. */
  private static int[] bySorting(int i, int[][] lists, int window, int count) {
    Map<Integer, Integer> shared = new HashMap<>();
    for (int[] list : lists) {
      int at = java.util.Arrays.binarySearch(list, i);
      for (int k = Math.max(0, at - window / 2); k < Math.min(list.length, at + window / 2 + 1); k++) {
        if (list[k] != i) {
          shared.merge(list[k], 1, Integer::sum);
        }
      }
    }
    return shared.keySet().stream()
        .sorted(
            Comparator.comparing((Integer o) -> -shared.get(o))
                .thenComparing(o -> Math.abs(o - i))
                .thenComparing(o -> o))
        .limit(count)
        .mapToInt(Integer::intValue)
        .toArray();
  }
}
