package org.plantrack.crashchild;

import java.sql.Connection;
import java.sql.DriverManager;
import org.plantrack.persistence.jdbc.JdbcPlanStore;

/**
 * Run in a child JVM by {@code H2StoreFilesTest}: holds an H2 store open until its standard input
 * ends. {@code store <path>} opens it as Plantrack does ({@link JdbcPlanStore#fromSetting}, shared
 * through AUTO_SERVER); {@code plain <path>} opens it with plain JDBC, user {@code sa}, empty
 * password and no AUTO_SERVER, as another program that does not share the file would. Prints
 * {@code ready <pid>} once the store is open.
 */
public final class StoreHolderChild {
    private StoreHolderChild() {
    }

    public static void main(String[] args) throws Exception {
        AutoCloseable held = switch (args[0]) {
            case "store" -> JdbcPlanStore.fromSetting(args[1]);
            case "plain" -> {
                Connection c = DriverManager.getConnection("jdbc:h2:file:" + args[1], "sa", "");
                c.createStatement().execute("CREATE TABLE IF NOT EXISTS held (x INT)");
                yield c;
            }
            default -> throw new IllegalArgumentException(args[0]);
        };
        try (held) {
            System.out.println("ready " + ProcessHandle.current().pid());
            System.out.flush();
            while (System.in.read() >= 0) {
                // until the parent closes our input
            }
        }
    }
}
