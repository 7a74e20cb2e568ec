package io.github.sitegen.site;

import io.github.sitegen.archive.Article;
import java.io.IOException;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A small fixed archive in memory: five Next-like French articles over 4 and 5 February 2026, with
 * Markdown bodies. Article 2 links to article 3's original URL (an internal link).
 */
final class NextArchive {
  private NextArchive() {}

  static final String ICE_LINK =
      "https://next.ink/222958/lice-veut-multiplier-ses-sources-de-donnees/";
  static final String WAPO_LINK =
      "https://next.ink/222912/propriete-de-jeff-bezos-le-washington-post-licencie-plus-de-300-employes/";

  static List<Article> articles() {
    return List.of(
        article(
            "2026/02/05/lice-veut-multiplier-ses-sources-de-donnees",
            "https://next.ink/?p=222958",
            "L’ICE veut multiplier ses sources de données auprès des publicitaires et des Big Tech",
            "Juste pour voir",
            "2026-02-05T16:20:00+01:00",
            null,
            List.of("Élodie Marchand"),
            List.of("Droit", "Société numérique", "IA et algorithmes"),
            ICE_LINK,
            "Les services de l’immigration états-uniens cherchent à acheter des données"
                + " publicitaires.",
            "https://next.ink/wp-content/uploads/2026/02/ice-donnees.webp",
            false,
            0),
        article(
            "2026/02/05/elon-musk-avait-personnellement-supervise",
            "https://next.ink/?p=222947",
            "Elon Musk avait personnellement supervisé la dérive sexuelle de Grok",
            "Qui c'est qu'a la plus Grok ?",
            "2026-02-05T14:43:00+01:00",
            null,
            List.of("Mathilde Rochefort"),
            List.of("IA et algorithmes", "deepfakes"),
            "https://next.ink/222947/elon-musk-avait-personnellement-supervise/",
            "Selon d’anciens employés, Elon Musk a poussé xAI à rendre Grok plus « sexy ».",
            "https://next.ink/wp-content/uploads/2026/02/grok.webp",
            false,
            0),
        article(
            "2026/02/05/le-pape-peut-il-susciter-un-veritable-sursaut",
            "https://next.ink/?p=222905",
            "Le Pape peut-il susciter un véritable sursaut mondial face à l’IA ?",
            "Don't be evil?",
            "2026-02-05T11:15:00+01:00",
            null,
            List.of("Jean-Baptiste Lefèvre"),
            List.of("IA et algorithmes", "Société numérique"),
            "https://next.ink/222905/le-pape-peut-il-susciter-un-veritable-sursaut/",
            "Le Vatican multiplie les prises de position sur l’intelligence artificielle.",
            "",
            true,
            80),
        article(
            "2026/02/05/propriete-de-jeff-bezos-le-washington-post",
            "https://next.ink/?p=222912",
            "Propriété de Jeff Bezos, le Washington Post licencie plus de 300 employés",
            "Démocratie dans l'ombre",
            "2026-02-05T10:45:00+01:00",
            "2026-02-05T12:02:00+01:00",
            List.of("Élodie Marchand"),
            List.of("Économie", "Presse", "Amazon"),
            WAPO_LINK,
            "Le quotidien supprime un tiers de sa rédaction.",
            "https://next.ink/wp-content/uploads/2026/02/wapo.webp",
            false,
            0),
        article(
            "2026/02/04/vos-flux-rss-un-outil-darchivage-sous-estime",
            "https://next.ink/?post_type=brief_article&p=222801",
            "☕️ Vos flux RSS, un outil d’archivage sous-estimé",
            "",
            "2026-02-04T16:30:00+01:00",
            null,
            List.of("Mathilde Rochefort"),
            List.of("Société numérique", "autohébergement"),
            "https://next.ink/brief_article/vos-flux-rss-un-outil-darchivage-sous-estime/",
            "Conserver ses flux, c’est garder une trace de ce qu’on a lu.",
            "",
            false,
            0));
  }

  static Map<String, String> bodies() {
    Map<String, String> bodies = new LinkedHashMap<>();
    bodies.put(
        "https://next.ink/?p=222958",
        """
        **L’agence de l’immigration veut croiser les données des courtiers publicitaires avec \
        celles des grandes plateformes.**

        Selon [Biometric Update](https://www.biometricupdate.com/), l’ICE a publié un appel \
        d’offres : elle cherche des « sources de données commerciales » à grande échelle.

        ## Un marché déjà florissant

        Les courtiers vendent des historiques de localisation, des identifiants publicitaires et \
        des profils de consommation.
        """);
    bodies.put(
        "https://next.ink/?p=222947",
        """
        **D’anciens employés de xAI racontent comment Grok a été poussé vers des contenus \
        sexualisés.**

        Ces révélations tombent alors que des salariés du Washington Post ont \
        [appris leur licenciement hier](%s).

        > Nous avons reçu des demandes de plus en plus explicites.

        Le @NCMEC a reçu des signalements.\\
        Certains concernent des *deepfakes*.
        """
            .formatted(WAPO_LINK.replace("https://", "http://") + "#licenciements"));
    bodies.put(
        "https://next.ink/?p=222905",
        """
        **Léon XIV a fait de l’intelligence artificielle l’un des thèmes de son pontificat.**

        Dans un message publié jeudi, le Vatican appelle à un « sursaut » mondial.
        """);
    bodies.put(
        "https://next.ink/?p=222912",
        """
        **Le Washington Post a annoncé le licenciement de plus de 300 employés.**

        | Service | Postes supprimés |
        |---|---|
        | Rédaction | 240 |
        | Technique | 70 |

        Le plan de licenciement se fait dans un contexte plus large de ~~croissance~~ crise.
        """);
    bodies.put(
        "https://next.ink/?post_type=brief_article&p=222801",
        """
        Un flux RSS est une archive en puissance : il suffit de le conserver.

        - des fichiers simples ;
        - un format ouvert.

        Voir aussi <https://example.org/rss>.
        """);
    return bodies;
  }

  static BodyLoader bodyLoader() {
    Map<String, String> bodies = bodies();
    return article -> {
      String body = bodies.get(article.id());
      if (body == null) {
        throw new IOException("no body for " + article.id());
      }
      return body;
    };
  }

  static Article article(
      String file,
      String id,
      String title,
      String subtitle,
      String date,
      @Nullable String updated,
      List<String> authors,
      List<String> tags,
      String link,
      String summary,
      String image,
      boolean truncated,
      int paywall) {
    String slug = file.substring(file.lastIndexOf('/') + 1);
    return new Article(
        Path.of("articles", file + ".md"),
        id,
        title,
        subtitle,
        OffsetDateTime.parse(date),
        updated == null ? null : OffsetDateTime.parse(updated),
        authors,
        tags,
        link,
        "Next",
        summary,
        image,
        truncated,
        paywall,
        slug);
  }
}
