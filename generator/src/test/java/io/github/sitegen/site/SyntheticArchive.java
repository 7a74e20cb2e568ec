package io.github.sitegen.site;

import io.github.sitegen.archive.Article;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A deterministic synthetic French news archive of any size, in memory: articles spread over
 * several days, with tags, authors, headings, lists, quotes, links, figures with captions and the
 * occasional truncated article.
 */
final class SyntheticArchive {
  private static final String[] TAGS = {
    "IA et algorithmes",
    "Droit",
    "Économie",
    "Société numérique",
    "Sécurité",
    "Logiciel",
    "Hardware",
    "Réseaux",
    "Vie privée",
    "Espace",
    "Énergie",
    "Jeux vidéo",
    "Presse",
    "Santé",
    "Éducation",
    "Open source",
    "Télécoms",
    "Cloud",
    "Climat",
    "Mobilité"
  };
  private static final String[] AUTHORS = {
    "Élodie Marchand", "Jean-Baptiste Lefèvre", "Mathilde Rochefort", "Zoé Nguyen",
    "Karim Benali", "Anaïs Dubois", "Léo Martin", "Inès Garnier"
  };
  private static final String[] WORDS =
      ("données numérique régulation plateforme réseau utilisateurs entreprise serveur logiciel"
              + " publicité enquête gouvernement europe tribunal chiffrement modèle calcul énergie"
              + " satellite batterie opérateur fibre navigateur sécurité faille correctif mise jour"
              + " licence communauté projet développement version marché croissance investissement")
          .split(" ");

  private final List<Article> articles = new ArrayList<>();
  private final Map<Path, String> bodies = new HashMap<>();

  /** {@code n} articles, ten a day going back from 28 February 2026. */
  SyntheticArchive(int n) {
    Random random = new Random(n);
    OffsetDateTime start = OffsetDateTime.of(2026, 2, 28, 18, 0, 0, 0, ZoneOffset.ofHours(1));
    for (int i = 0; i < n; i++) {
      OffsetDateTime date = start.minusMinutes(144L * i + random.nextInt(60));
      String title = sentence(random, 6 + random.nextInt(6)) + " (n° " + i + ")";
      String slug = "article-" + i;
      Path file =
          Path.of("articles", date.toLocalDate().toString().replace('-', '/'), slug + ".md");
      List<String> tags = new ArrayList<>();
      for (int t = 0; t < 1 + random.nextInt(3); t++) {
        String tag = TAGS[random.nextInt(TAGS.length)];
        if (!tags.contains(tag)) {
          tags.add(tag);
        }
      }
      boolean truncated = i % 17 == 0;
      articles.add(
          new Article(
              file,
              "urn:synthetic:" + i,
              title,
              i % 3 == 0 ? sentence(random, 4) : "",
              date,
              i % 5 == 0 ? date.plusHours(3) : null,
              List.of(AUTHORS[random.nextInt(AUTHORS.length)]),
              tags,
              "https://example.org/news/" + i + "/",
              "Exemple",
              sentence(random, 20),
              i % 4 == 0 ? "https://example.org/images/" + i + ".webp" : "",
              truncated,
              truncated ? 60 : 0,
              slug));
      bodies.put(file, body(random, i));
    }
  }

  List<Article> articles() {
    return articles;
  }

  BodyLoader bodies() {
    return a -> bodies.get(a.file());
  }

  private static String body(Random random, int i) {
    var md = new StringBuilder();
    for (int p = 0; p < 3 + random.nextInt(4); p++) {
      md.append(paragraph(random)).append("\n\n");
    }
    md.append("## ").append(sentence(random, 5)).append("\n\n");
    md.append(paragraph(random))
        .append(" Voir [la source](https://example.org/source/")
        .append(i)
        .append(").\n\n");
    if (i % 2 == 0) {
      md.append("![Une illustration : ")
          .append(sentence(random, 3))
          .append("](https://example.org/img/")
          .append(i)
          .append(".jpg)\n\n*Légende : ")
          .append(sentence(random, 6))
          .append("*\n\n");
    }
    md.append("- ")
        .append(sentence(random, 5))
        .append("\n- ")
        .append(sentence(random, 4))
        .append("\n\n");
    md.append("> « ").append(sentence(random, 12)).append(" »\n\n");
    md.append("### ").append(sentence(random, 3)).append("\n\n");
    md.append(paragraph(random)).append('\n');
    return md.toString();
  }

  private static String paragraph(Random random) {
    var p = new StringBuilder();
    for (int s = 0; s < 3 + random.nextInt(3); s++) {
      p.append(s == 0 ? "" : " ").append(sentence(random, 8 + random.nextInt(10))).append('.');
    }
    return p.toString();
  }

  private static String sentence(Random random, int words) {
    var s = new StringBuilder();
    for (int w = 0; w < words; w++) {
      String word = WORDS[random.nextInt(WORDS.length)];
      s.append(w == 0 ? Character.toUpperCase(word.charAt(0)) + word.substring(1) : " " + word);
    }
    return s.toString();
  }
}
