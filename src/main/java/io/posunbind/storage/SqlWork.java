package io.posunbind.storage;

import java.sql.Connection;
import java.sql.SQLException;

/** Work on one connection, inside a transaction its caller opened. */
@FunctionalInterface
public interface SqlWork<T> {
    T run(Connection c) throws SQLException;
}
