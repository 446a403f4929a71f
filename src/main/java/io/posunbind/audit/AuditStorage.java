package io.posunbind.audit;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.agroal.api.AgroalDataSource;
import io.posunbind.config.UnbindConfig;

/**
 * Picks the database the audit store lives in. Both an H2 and a PostgreSQL datasource are built in (a datasource's
 * kind is fixed at build time); {@code unbind.storage.kind} activates one of them at startup and the repositories
 * are made over it. Flyway migrates the active one at startup with the same migrations for both.
 */
@ApplicationScoped
public class AuditStorage {

    @Produces
    @Singleton
    DataSourceChoice choice(UnbindConfig config, @Any Instance<AgroalDataSource> dataSources) {
        String name = config.storage().kind().datasourceName();
        Instance<AgroalDataSource> named = dataSources.select(new io.quarkus.agroal.DataSource.DataSourceLiteral(name));
        if (!named.isResolvable()) {
            throw new IllegalStateException("unbind.storage.kind is " + name + " but no datasource \"" + name
                    + "\" is built in");
        }
        return new DataSourceChoice(name, named.get());
    }

    @Produces
    @Singleton
    DecisionRecords decisionRecords(DataSourceChoice choice) {
        return new DecisionRecords(choice.dataSource());
    }

    @Produces
    @Singleton
    RuleSetSnapshots ruleSetSnapshots(DataSourceChoice choice) {
        return new RuleSetSnapshots(choice.dataSource());
    }

    @Produces
    @Singleton
    RuleSetVersions ruleSetVersions(DataSourceChoice choice) {
        return new RuleSetVersions(choice.dataSource());
    }

    @Produces
    @Singleton
    RuleSetActivations ruleSetActivations(DataSourceChoice choice) {
        return new RuleSetActivations(choice.dataSource());
    }

    /** The datasource in use and its name. */
    public record DataSourceChoice(String name, DataSource dataSource) {
    }
}
