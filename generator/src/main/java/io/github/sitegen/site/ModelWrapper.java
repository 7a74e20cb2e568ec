package io.github.sitegen.site;

import freemarker.ext.beans.BeansWrapper;
import freemarker.ext.beans.StringModel;
import freemarker.template.Configuration;
import freemarker.template.DefaultObjectWrapper;
import freemarker.template.MethodCallAwareTemplateHashModel;
import freemarker.template.SimpleNumber;
import freemarker.template.SimpleScalar;
import freemarker.template.TemplateBooleanModel;
import freemarker.template.TemplateModel;
import freemarker.template.TemplateModelException;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodType;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.Collection;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The object wrapper of the theme's templates: Freemarker's {@link DefaultObjectWrapper}, as
 * configured before, with a shorter way to what pages hand to templates most: text, numbers, flags
 * and the components of the page models' records.
 *
 * <p>A public record is wrapped as the default wrapper wraps it (a bean model that is also its
 * {@code toString()}, whose zero-argument methods can be read as properties or called), and a
 * template sees no difference: only reading a record component, {@code article.title}, goes
 * straight to its accessor, instead of through the class introspector's tables, a lock and
 * reflective access checks; anything else (other methods, {@code article.title()}, {@code ?keys})
 * goes the default way. {@code ModelWrapperTest} renders the same templates with both wrappers.
 * Rebuilds of a 500-article site were 6 % faster under the launcher's C1-only JIT (see
 * bench/HISTORY.md, seventh round).
 */
final class ModelWrapper extends DefaultObjectWrapper {
  /**
   * A record class's component accessors by name, as (Object)Object, leaving out names other public
   * methods share; none for other classes.
   */
  private static final ClassValue<@Nullable Map<String, MethodHandle>> COMPONENTS =
      new ClassValue<>() {
        @Override
        protected @Nullable Map<String, MethodHandle> computeValue(Class<?> type) {
          return plainRecord(type) ? components(type) : null;
        }
      };

  ModelWrapper() {
    super(Configuration.VERSION_2_3_34);
    setForceLegacyNonListCollections(false);
    setIterableSupport(true);
    writeProtect();
  }

  @Override
  public TemplateModel wrap(@Nullable Object obj) throws TemplateModelException {
    // exact classes first: each is what the default wrapper makes of it, after a dozen checks
    if (obj instanceof String text) {
      return new SimpleScalar(text);
    }
    if (obj instanceof Integer number) {
      return new SimpleNumber(number);
    }
    if (obj instanceof Boolean flag) {
      return flag ? TemplateBooleanModel.TRUE : TemplateBooleanModel.FALSE;
    }
    // a class test, not a ClassValue lookup, for lists, maps and template models. Every value
    // reaches a model through here (Freemarker's own model factories only from super.wrap), so
    // this is the one place a plain record becomes a RecordModel
    if (obj instanceof Record && !(obj instanceof TemplateModel)) {
      Map<String, MethodHandle> components = COMPONENTS.get(obj.getClass());
      if (components != null) {
        return new RecordModel(obj, this, components);
      }
    }
    return super.wrap(obj);
  }

  /**
   * A public record that the default wrapper would wrap as a plain bean: not a template model, nor
   * anything it wraps as a collection, map or iterator.
   */
  private static boolean plainRecord(Class<?> type) {
    if (!type.isRecord() || !Modifier.isPublic(type.getModifiers())) {
      return false;
    }
    for (Class<?> special :
        List.of(
            TemplateModel.class,
            Collection.class,
            Map.class,
            Iterator.class,
            Enumeration.class,
            Iterable.class,
            org.w3c.dom.Node.class)) {
      if (special.isAssignableFrom(type)) {
        return false;
      }
    }
    return true;
  }

  private static Map<String, MethodHandle> components(Class<?> type) {
    MethodType generic = MethodType.methodType(Object.class, Object.class);
    List<MethodHandle> accessors = Fingerprint.components(type);
    RecordComponent[] components = type.getRecordComponents();
    Method[] methods = type.getMethods(); // (a new copy at each call)
    Map<String, MethodHandle> byName = new HashMap<>();
    for (int i = 0; i < components.length; i++) {
      String name = components[i].getName();
      // a name that another public method shares is a method to the default wrapper, not a value
      if (Arrays.stream(methods).filter(m -> m.getName().equals(name)).count() == 1) {
        byName.put(name, accessors.get(i).asType(generic));
      }
    }
    return Map.copyOf(byName);
  }

  /** The default wrapper's model of a record, reading its components directly. */
  private static final class RecordModel extends StringModel
      implements MethodCallAwareTemplateHashModel {
    private final Map<String, MethodHandle> components;

    RecordModel(Object object, BeansWrapper wrapper, Map<String, MethodHandle> components) {
      super(object, wrapper);
      this.components = components;
    }

    @Override
    public @Nullable TemplateModel get(String key) throws TemplateModelException {
      MethodHandle accessor = components.get(key);
      if (accessor == null) {
        return super.get(key);
      }
      Object value;
      try {
        value = (Object) accessor.invokeExact(object);
      } catch (Error e) {
        throw e;
      } catch (Throwable e) {
        throw new TemplateModelException(
            "cannot read " + key + " of " + object.getClass().getName(), e);
      }
      return wrapper.getOuterIdentity().wrap(value);
    }

    // public, as MethodCallAwareTemplateHashModel asks: BeanModel's is protected
    @Override
    public @Nullable TemplateModel getBeforeMethodCall(String key)
        throws TemplateModelException, ShouldNotBeGetAsMethodException {
      return super.getBeforeMethodCall(key);
    }
  }
}
