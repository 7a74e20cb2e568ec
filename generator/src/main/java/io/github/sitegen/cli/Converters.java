package io.github.sitegen.cli;

import io.github.sitegen.site.OptionValues;
import io.github.sitegen.site.PageKind;
import java.net.URI;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Option converters over {@link OptionValues}, so the command line checks values exactly like the
 * Maven plugin. A bad value becomes a usage error (exit code 2) naming the option.
 */
final class Converters {
  private Converters() {}

  private static <T> T convert(String value, Function<String, T> parser) {
    try {
      return parser.apply(value);
    } catch (IllegalArgumentException e) {
      throw new TypeConversionException(e.getMessage());
    }
  }

  static final class Language implements ITypeConverter<Locale> {
    @Override
    public Locale convert(String value) {
      return Converters.convert(value, OptionValues::locale);
    }
  }

  static final class Zone implements ITypeConverter<ZoneId> {
    @Override
    public ZoneId convert(String value) {
      return Converters.convert(value, OptionValues::zone);
    }
  }

  static final class BaseUrl implements ITypeConverter<@Nullable URI> {
    @Override
    public @Nullable URI convert(String value) {
      return Converters.convert(value, OptionValues::baseUrl);
    }
  }

  static final class FeedUrl implements ITypeConverter<URI> {
    @Override
    public URI convert(String value) {
      return Converters.convert(value, OptionValues::feedUrl);
    }
  }

  static final class Port implements ITypeConverter<Integer> {
    @Override
    public Integer convert(String value) {
      return Converters.convert(value, OptionValues::port);
    }
  }

  static final class Kinds implements ITypeConverter<Set<PageKind>> {
    @Override
    public Set<PageKind> convert(String value) {
      return Converters.convert(value, OptionValues::disabledKinds);
    }
  }

  static final class Title implements ITypeConverter<String> {
    @Override
    public String convert(String value) {
      return Converters.convert(value, OptionValues::title);
    }
  }

  static final class SnapshotBytes implements ITypeConverter<Long> {
    @Override
    public Long convert(String value) {
      return Converters.convert(value, OptionValues::snapshotBytes);
    }
  }

  static final class PageSize implements ITypeConverter<Integer> {
    @Override
    public Integer convert(String value) {
      return Converters.convert(value, OptionValues::pageSize);
    }
  }
}
