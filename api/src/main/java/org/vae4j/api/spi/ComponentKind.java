package org.vae4j.api.spi;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Names a component kind (an interface providers make) the way messages and {@code vae4j plugins}
 * say it, e.g. {@code "beta schedule"}. Without it a kind is named by its simple name, lower case.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface ComponentKind {
    /** @return the kind's name in words */
    String value();
}
