package io.github.sitegen.maven;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * Keeps the goals' documentation honest: every parameter in the generated plugin descriptor has a
 * description and a {@code sitegen.*} user property, and README.md names each of them.
 */
class PluginDescriptorTest {
  /** Parameters that are structured (no single -D value) or filled in by Maven itself. */
  private static final Set<String> WITHOUT_PROPERTY = Set.of("feeds");

  private static Document descriptor;
  private static String readme;

  record Param(String goal, String name, String description, String property) {}

  @BeforeAll
  static void load() throws Exception {
    Path plugin = Path.of("target/classes/META-INF/maven/plugin.xml");
    var factory = DocumentBuilderFactory.newInstance();
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    descriptor = factory.newDocumentBuilder().parse(plugin.toFile());
    readme = Files.readString(Path.of("../README.md"), StandardCharsets.UTF_8);
  }

  private static List<Param> parameters() {
    List<Param> params = new ArrayList<>();
    NodeList mojos = descriptor.getElementsByTagName("mojo");
    for (int i = 0; i < mojos.getLength(); i++) {
      Element mojo = (Element) mojos.item(i);
      String goal = text(mojo, "goal");
      Element parameters = child(mojo, "parameters");
      Element configuration = child(mojo, "configuration");
      if (parameters == null) {
        continue;
      }
      for (Node n = parameters.getFirstChild(); n != null; n = n.getNextSibling()) {
        if (n instanceof Element p && text(p, "editable").equals("true")) {
          String name = text(p, "name");
          Element config = configuration == null ? null : child(configuration, name);
          String expression = config == null ? "" : config.getTextContent().strip();
          params.add(new Param(goal, name, text(p, "description"), expression));
        }
      }
    }
    return params;
  }

  @Test
  void thereAreFiveGoals() {
    NodeList mojos = descriptor.getElementsByTagName("mojo");
    List<String> names = new ArrayList<>();
    for (int i = 0; i < mojos.getLength(); i++) {
      names.add(text((Element) mojos.item(i), "goal"));
    }
    assertThat(names).containsExactlyInAnyOrder("generate", "help", "import", "serve", "snapshot");
  }

  @Test
  void everyParameterHasADescriptionAndASitegenProperty() {
    for (Param p : parameters()) {
      assertThat(p.description()).as("%s:%s description", p.goal(), p.name()).isNotBlank();
      if (!p.goal().equals("help") && !WITHOUT_PROPERTY.contains(p.name())) {
        assertThat(p.property())
            .as("%s:%s user property", p.goal(), p.name())
            .isEqualTo("${sitegen." + p.name() + "}");
      }
    }
  }

  @Test
  void everyGoalCanBeSkipped() {
    for (String goal : List.of("generate", "import", "serve", "snapshot")) {
      assertThat(parameters())
          .anySatisfy(
              p -> {
                assertThat(p.goal()).isEqualTo(goal);
                assertThat(p.property()).isEqualTo("${sitegen.skip}");
              });
    }
  }

  @Test
  void readmeDocumentsEveryGoalAndParameter() {
    for (Param p : parameters()) {
      if (p.goal().equals("help")) {
        continue;
      }
      assertThat(readme)
          .as("README.md mentions site-gen:%s", p.goal())
          .contains("site-gen:" + p.goal());
      assertThat(readme)
          .as("README.md documents parameter %s of %s", p.name(), p.goal())
          .contains("`" + p.name() + "`");
    }
  }

  private static String text(Element parent, String name) {
    Element child = child(parent, name);
    return child == null ? "" : child.getTextContent();
  }

  private static Element child(Element parent, String name) {
    for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e && e.getTagName().equals(name)) {
        return e;
      }
    }
    return null;
  }
}
