package io.github.sitegen.site;

import static org.assertj.core.api.Assertions.assertThat;

import freemarker.cache.StringTemplateLoader;
import freemarker.template.Configuration;
import freemarker.template.DefaultObjectWrapperBuilder;
import freemarker.template.ObjectWrapper;
import freemarker.template.Template;
import freemarker.template.TemplateModel;
import io.github.sitegen.site.model.CalendarMonth;
import io.github.sitegen.site.model.Pager;
import io.github.sitegen.site.model.TagView;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Templates see the same through {@link ModelWrapper} as through the default wrapper. */
class ModelWrapperTest {
  /**
   * A record with what page models hold, and more: methods, nulls, nesting, and a component whose
   * name another method shares (then the default wrapper shows that name as a method only).
   */
  public record Sample(
      String label,
      int number,
      boolean flag,
      @Nullable String maybe,
      TagView nested,
      List<String> names,
      Map<String, Integer> counts) {
    public String label(int times) {
      return label.repeat(times);
    }

    public String plain() {
      return "plain " + number;
    }
  }

  /** A record the default wrapper wraps as a list: it keeps doing so. */
  public record Listed(List<String> items) implements Iterable<String> {
    @Override
    public java.util.Iterator<String> iterator() {
      return items.iterator();
    }
  }

  private static final Map<String, Object> MODEL =
      Map.of(
          "tags",
          List.of(new TagView("Économie", "economie", "tags/economie/index.html", 3)),
          "pager",
          new Pager(2, false, "page/1/index.html", null),
          "month",
          new CalendarMonth("2026-11", "novembre 2026", 0, null),
          "sample",
          new Sample(
              "ab",
              41,
              true,
              null,
              new TagView("IA", "ia", "tags/ia/index.html", 1),
              List.of("x", "y"),
              Map.of("k", 7)),
          "listed",
          new Listed(List.of("u", "v")));

  @ParameterizedTest
  @ValueSource(
      strings = {
        "<#list tags as t>${t.name}|${t.slug}|${t.path}|${t.count}|${t.count + 1}</#list>",
        "<#list tags as t>${t.name()}|${t.count()}</#list>",
        "<#list tags as t>${t}</#list> ${pager} ${sample.nested}",
        "${pager.number} ${pager.first?c} ${pager.previous!'-'} ${pager.next!'none'}",
        "<#if pager.first>first<#else>not first</#if> <#if pager.next??>next</#if>",
        "${month.key} ${month.label} ${month.count} ${month.path!'no path'} ${month.path???c}",
        "${sample.label(3)} ${sample.plain()} ${sample.plain} ${sample.nested.name}",
        "${sample.maybe!'null'} ${sample.flag?c} ${sample.number * 2} ${sample.names?join(',')}",
        "${sample.counts.k} ${sample.counts?size} ${sample.names?size} ${sample.names[1]}",
        "${sample?is_hash?c} ${sample?is_hash_ex?c} ${sample?is_string?c} ${sample?is_method?c}",
        "${sample.label?is_string?c} ${sample.label?is_method?c} ${sample.number?is_number?c}",
        "${sample?has_content?c} ${sample.maybe?has_content?c} ${(sample.missing)!'missing'}",
        "<#list sample?keys?sort as k>${k},</#list> ${sample?values?size}",
        "<#list listed as item>${item}</#list> ${listed?is_sequence?c}",
        "${pager.number?string('000')} ${sample.nested.name?upper_case} ${sample.nested.path?length}",
      })
  void rendersAsTheDefaultWrapper(String template) throws Exception {
    String expected = render(defaultWrapper(), template);
    assertThat(render(new ModelWrapper(), template)).isEqualTo(expected);
  }

  @Test
  void wrapsRecordsAsTheDefaultWrapperDoes() throws Exception {
    ObjectWrapper ours = new ModelWrapper();
    ObjectWrapper theirs = defaultWrapper();
    List<Object> values = new ArrayList<>(MODEL.values());
    values.addAll(List.of("texte", 42, true, false, 3L, List.of(1, 2), Map.of("a", 1)));
    for (Object value : values) {
      TemplateModel model = ours.wrap(value);
      if (value instanceof Record && !(value instanceof Listed)) {
        assertThat(model.getClass().getSimpleName()).isEqualTo("RecordModel"); // the short way
      }
      assertThat(interfaces(model.getClass()))
          .as("%s", value)
          .isEqualTo(interfaces(theirs.wrap(value).getClass()));
    }
  }

  private static List<String> interfaces(Class<?> type) {
    List<String> names = new ArrayList<>();
    for (Class<?> c = type; c != null; c = c.getSuperclass()) {
      for (Class<?> i : c.getInterfaces()) {
        collect(i, names);
      }
    }
    return names.stream().distinct().sorted().toList();
  }

  private static void collect(Class<?> type, List<String> names) {
    names.add(type.getName());
    for (Class<?> parent : type.getInterfaces()) {
      collect(parent, names);
    }
  }

  private static ObjectWrapper defaultWrapper() {
    var builder = new DefaultObjectWrapperBuilder(Configuration.VERSION_2_3_34);
    builder.setForceLegacyNonListCollections(false);
    builder.setIterableSupport(true);
    return builder.build();
  }

  private static String render(ObjectWrapper wrapper, String source) throws Exception {
    var cfg = new Configuration(Configuration.VERSION_2_3_34);
    var loader = new StringTemplateLoader();
    loader.putTemplate("t.ftlh", source);
    cfg.setTemplateLoader(loader);
    cfg.setObjectWrapper(wrapper);
    cfg.setRecognizeStandardFileExtensions(true);
    cfg.setNumberFormat("computer");
    var out = new StringWriter();
    Template template = cfg.getTemplate("t.ftlh");
    template.process(MODEL, out);
    return out.toString();
  }
}
