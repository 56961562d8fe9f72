package dev.gazette.store;

/** The SQL databases Gazette runs on, told apart by their JDBC URL. */
public enum Dialect {
    SQLITE("sqlite"),
    POSTGRESQL("postgresql");

    private final String migrationFolder;

    Dialect(String migrationFolder) {
        this.migrationFolder = migrationFolder;
    }

    /** Picks the dialect for a JDBC URL, or says which URLs are understood. */
    public static Dialect of(String jdbcUrl) {
        if (jdbcUrl.startsWith("jdbc:sqlite:")) return SQLITE;
        if (jdbcUrl.startsWith("jdbc:postgresql:")) return POSTGRESQL;
        throw new IllegalArgumentException("Unsupported database URL '" + jdbcUrl
                + "': use jdbc:sqlite:FILE (the default) or jdbc:postgresql://HOST/DB");
    }

    /** Classpath location of this dialect's Flyway migrations. */
    public String migrations() {
        return "classpath:db/" + migrationFolder;
    }
}
