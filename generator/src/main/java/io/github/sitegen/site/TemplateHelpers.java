package io.github.sitegen.site;

import freemarker.template.TemplateMethodModelEx;
import freemarker.template.TemplateModel;
import freemarker.template.TemplateModelException;
import freemarker.template.utility.DeepUnwrap;
import java.util.List;

/**
 * The functions every template can call: {@code url(path)}, {@code msg(key, args…)}, {@code
 * count(key, n)}.
 */
final class TemplateHelpers {
  private TemplateHelpers() {}

  /** {@code url("tags/ia/index.html")}: the relative link from the current page. */
  record Url(String from) implements TemplateMethodModelEx {
    @Override
    @SuppressWarnings("rawtypes") // Freemarker's interface predates generics
    public Object exec(List arguments) throws TemplateModelException {
      return RelativeUrls.relative(from, string(arguments, 0, "url(path)"));
    }
  }

  /** {@code msg("article.truncated", 80)}: a label with its placeholders filled. */
  record Msg(Labels labels) implements TemplateMethodModelEx {
    @Override
    @SuppressWarnings("rawtypes") // Freemarker's interface predates generics
    public Object exec(List arguments) throws TemplateModelException {
      String key = string(arguments, 0, "msg(key, args…)");
      Object[] args = new Object[arguments.size() - 1];
      for (int i = 1; i < arguments.size(); i++) {
        args[i - 1] = DeepUnwrap.unwrap((TemplateModel) arguments.get(i));
      }
      try {
        return labels.format(key, args);
      } catch (IllegalArgumentException e) {
        throw new TemplateModelException(e.getMessage(), e);
      }
    }
  }

  /** {@code count("articles", 3)}: "3 articles", with the label's singular or plural form. */
  record Count(Labels labels) implements TemplateMethodModelEx {
    @Override
    @SuppressWarnings("rawtypes") // Freemarker's interface predates generics
    public Object exec(List arguments) throws TemplateModelException {
      String key = string(arguments, 0, "count(key, n)");
      if (arguments.size() != 2
          || !(DeepUnwrap.unwrap((TemplateModel) arguments.get(1)) instanceof Number n)) {
        throw new TemplateModelException("count(key, n): expected a number as n");
      }
      try {
        return labels.count(key, n.intValue());
      } catch (IllegalArgumentException e) {
        throw new TemplateModelException(e.getMessage(), e);
      }
    }
  }

  private static String string(List<?> arguments, int index, String usage)
      throws TemplateModelException {
    if (arguments.size() <= index
        || !(DeepUnwrap.unwrap((TemplateModel) arguments.get(index)) instanceof String text)) {
      throw new TemplateModelException(usage + ": expected a string as argument " + (index + 1));
    }
    return text;
  }
}
