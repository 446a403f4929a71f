package io.posunbind.storage;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the class that owns a table: the only class that reads and writes it with JDBC. The architecture test lets
 * JDBC into these classes and into this package, nowhere else.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Table {
    /** The table's name, as in the migrations. */
    String value();
}
