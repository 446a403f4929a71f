package io.posunbind.storage;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.agroal.api.AgroalDataSource;
import io.posunbind.config.UnbindConfig;

/**
 * Picks the database the service stores in. Both an H2 and a PostgreSQL datasource are built in (a datasource's
 * kind is fixed at build time); {@code unbind.storage.kind} activates one of them at startup, and every table class
 * works over it. Flyway migrates the active one at startup with the same migrations for both.
 */
@ApplicationScoped
public class Storage {

    @Produces
    @Singleton
    Database database(UnbindConfig config, @Any Instance<AgroalDataSource> dataSources) {
        String name = config.storage().kind().datasourceName();
        Instance<AgroalDataSource> named = dataSources.select(new io.quarkus.agroal.DataSource.DataSourceLiteral(name));
        if (!named.isResolvable()) {
            throw new IllegalStateException("unbind.storage.kind is " + name + " but no datasource \"" + name
                    + "\" is built in");
        }
        return new Database(name, named.get());
    }

    /**
     * The database in use: what every table class is made over.
     *
     * @param name       {@code h2} or {@code postgresql}
     * @param dataSource its connection pool
     */
    public record Database(String name, DataSource dataSource) {
    }
}
