package org.plantrack.persistence.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.plantrack.core.store.StoreFixtures.ok;
import static org.plantrack.core.store.StoreFixtures.smallPlan;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.ConnectException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.plantrack.core.error.StoreUnavailableException;

/**
 * The files of an embedded H2 store: owner-only permissions, a generated password kept beside the
 * store, the AUTO_SERVER port on loopback only, and plain errors at once for a file that cannot be
 * opened. Real H2 files under target/h2, real child processes where another process matters.
 */
class H2StoreFilesTest {

    private static String perms(Path p) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
    }

    private static Path mvDb(Path base) {
        return Path.of(base + ".mv.db");
    }

    static Properties credentials(Path base) throws IOException {
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(Path.of(base + ".credentials"))) {
            p.load(in);
        }
        return p;
    }

    @Test
    void aNewStoreHasAnOwnerOnlyDirectoryAndFiles() throws Exception {
        Path top = H2Files.fresh("perm");
        Path base = top.resolve("sub").resolve("plantrack");
        try (JdbcPlanStore store = JdbcPlanStore.fromSetting(base.toString())) {
            store.insertPlan(smallPlan("p"), ok("plan.create", "p", "p"));
            assertThat(perms(Path.of(base + ".lock.db"))).isEqualTo("rw-------");
        }
        assertThat(perms(top)).isEqualTo("rwx------");
        assertThat(perms(top.resolve("sub"))).isEqualTo("rwx------");
        assertThat(perms(mvDb(base))).isEqualTo("rw-------");
        assertThat(perms(Path.of(base + ".credentials"))).isEqualTo("rw-------");
        assertThat(perms(Path.of(base + ".trace.db"))).isEqualTo("rw-------");
    }

    @Test
    void anExistingStoresFilesAreTightenedOnOpenButNotMadeWritable() throws Exception {
        Path base = H2Files.fresh("tighten").resolve("plantrack");
        JdbcPlanStore.fromSetting(base.toString()).close();
        Files.setPosixFilePermissions(mvDb(base), PosixFilePermissions.fromString("rw-r--r--"));
        Files.setPosixFilePermissions(Path.of(base + ".credentials"), PosixFilePermissions.fromString("rw-rw-r--"));
        Path other = Path.of(base + ".trace.db");
        Files.setPosixFilePermissions(other, PosixFilePermissions.fromString("r--r--r--"));
        try (JdbcPlanStore store = JdbcPlanStore.fromSetting(base.toString())) {
            store.insertPlan(smallPlan("p"), ok("plan.create", "p", "p"));
        }
        assertThat(perms(mvDb(base))).isEqualTo("rw-------");
        assertThat(perms(Path.of(base + ".credentials"))).isEqualTo("rw-------");
        assertThat(perms(other)).as("owner bits are kept: a read-only file stays read-only").isEqualTo("r--------");
    }

    @Test
    void aStoreMadeWithAnEmptyPasswordGetsTheGeneratedOneAndKeepsItsData() throws Exception {
        Path base = H2Files.fresh("legacy").resolve("plantrack");
        Files.createDirectories(base.getParent());
        try (JdbcPlanStore old = JdbcPlanStore.open(H2Files.url(base), "sa", "")) {
            old.insertPlan(smallPlan("p"), ok("plan.create", "p", "p"));
        }
        assertThat(Path.of(base + ".credentials")).doesNotExist();
        try (JdbcPlanStore upgraded = JdbcPlanStore.fromSetting(base.toString())) {
            assertThat(upgraded.findPlan("p")).isPresent();
            assertThat(upgraded.verifyAuditTrail().problems()).isEmpty();
        }
        Properties c = credentials(base);
        assertThat(c.getProperty("user")).isEqualTo("sa");
        assertThat(c.getProperty("password")).hasSizeGreaterThanOrEqualTo(24);
        assertThat(perms(Path.of(base + ".credentials"))).isEqualTo("rw-------");
        assertThatThrownBy(() -> DriverManager.getConnection(H2Files.url(base), "sa", "").close())
                .isInstanceOf(SQLException.class)
                .satisfies(e -> assertThat(((SQLException) e).getErrorCode()).isEqualTo(28000));
        try (Connection ok = DriverManager.getConnection(H2Files.url(base), "sa", c.getProperty("password"))) {
            assertThat(ok.isValid(1)).isTrue();
        }
        try (JdbcPlanStore again = JdbcPlanStore.fromSetting(base + ".mv.db")) {
            assertThat(again.findPlan("p")).isPresent();
        }
        assertThat(credentials(base)).isEqualTo(c);
    }

    @Test
    void theAutoServerPortListensOnLoopbackOnlyAndRefusesAnEmptyPassword() throws Exception {
        Path base = H2Files.fresh("server").resolve("plantrack");
        Process child = JdbcCrashTest.startChild(Path.of(base.getParent() + "-child-stderr.txt"),
                "org.plantrack.crashchild.StoreHolderChild", "store", base.toString());
        try {
            awaitReady(child, base);
            Properties lock = new Properties();
            try (InputStream in = Files.newInputStream(Path.of(base + ".lock.db"))) {
                lock.load(in);
            }
            String server = lock.getProperty("server");
            assertThat(server).as("AUTO_SERVER address in the lock file").isNotNull();
            String host = server.substring(0, server.lastIndexOf(':'));
            int port = Integer.parseInt(server.substring(server.lastIndexOf(':') + 1));
            assertThat(InetAddress.getByName(host).isLoopbackAddress()).as("lock file names " + server).isTrue();
            List<String> listening = listeningAddresses(port);
            assertThat(listening).as("sockets listening on port " + port).containsOnly("127.0.0.1");
            for (InetAddress a : nonLoopbackAddresses()) {
                try (Socket s = new Socket()) {
                    assertThatThrownBy(() -> s.connect(new InetSocketAddress(a, port), 2000))
                            .as("connect to " + a + ":" + port).isInstanceOf(ConnectException.class);
                }
            }
            String tcp = "jdbc:h2:tcp://" + server + "/" + lock.getProperty("id");
            assertThatThrownBy(() -> DriverManager.getConnection(tcp, "sa", "").close())
                    .isInstanceOf(SQLException.class)
                    .satisfies(e -> assertThat(((SQLException) e).getErrorCode()).isEqualTo(28000));
            try (Connection c = DriverManager.getConnection(tcp, "sa", credentials(base).getProperty("password"))) {
                assertThat(c.isValid(1)).isTrue();
            }
            // a second Plantrack process (the CLI beside a running server) reads the same credentials file
            try (JdbcPlanStore cli = JdbcPlanStore.fromSetting(base.toString())) {
                cli.insertPlan(smallPlan("shared"), ok("plan.create", "shared", "shared"));
                assertThat(cli.findPlan("shared")).isPresent();
            }
        } finally {
            child.getOutputStream().close();
            if (!child.waitFor(30, TimeUnit.SECONDS)) {
                child.destroyForcibly();
            }
        }
    }

    // ------------------------------------------------------------------ plain errors at once

    @Test
    void garbageBytesAreNotAnH2DatabaseSaidAtOnce() throws Exception {
        Path base = H2Files.fresh("garbage").resolve("plantrack");
        Files.createDirectories(base.getParent());
        byte[] junk = new byte[20_000];
        new Random(7).nextBytes(junk);
        Files.write(mvDb(base), junk);
        long ms = failFast(base, "is not an H2 database", "restore it from a backup");
        System.out.printf("garbage H2 file refused after %d ms%n", ms);
        assertThat(Path.of(base + ".credentials")).as("no credentials file for a store that never opened")
                .doesNotExist();
    }

    @Test
    void aDamagedH2FileIsSaidAtOnce() throws Exception {
        Path base = H2Files.fresh("damaged").resolve("plantrack");
        JdbcPlanStore.fromSetting(base.toString()).close();
        byte[] bytes = Files.readAllBytes(mvDb(base));
        // keep the "H:2," start, overwrite the rest of both file headers
        byte[] junk = new byte[8188];
        new Random(11).nextBytes(junk);
        System.arraycopy(junk, 0, bytes, 4, Math.min(junk.length, bytes.length - 4));
        Files.write(mvDb(base), bytes);
        long ms = failFast(base, "is damaged", "restore it from a backup");
        System.out.printf("damaged H2 file refused after %d ms%n", ms);
    }

    @Test
    void aReadOnlyFileIsSaidAtOnceWithWhatToDo() throws Exception {
        Path base = H2Files.fresh("readonly").resolve("plantrack");
        JdbcPlanStore.fromSetting(base.toString()).close();
        makeReadOnly(mvDb(base));
        try {
            long ms = failFast(base, "is read-only", "chmod u+w " + mvDb(base));
            System.out.printf("read-only H2 file refused after %d ms%n", ms);
        } finally {
            makeWritable(mvDb(base));
        }
    }

    @Test
    void aFileLockedByAProcessThatDoesNotShareItNamesTheProcess() throws Exception {
        Path base = H2Files.fresh("locked").resolve("plantrack");
        Files.createDirectories(base.getParent());
        Process child = JdbcCrashTest.startChild(Path.of(base.getParent() + "-child-stderr.txt"),
                "org.plantrack.crashchild.StoreHolderChild", "plain", base.toString());
        try {
            long pid = awaitReady(child, base);
            long t0 = System.nanoTime();
            assertThatThrownBy(() -> JdbcPlanStore.fromSetting(base.toString()).close())
                    .isInstanceOf(StoreUnavailableException.class)
                    .hasMessageContaining(mvDb(base).toString())
                    .hasMessageContaining("is in use by process " + pid)
                    .hasMessageContaining("without sharing");
            long ms = (System.nanoTime() - t0) / 1_000_000;
            System.out.printf("H2 file locked by another process refused after %d ms%n", ms);
            // H2 itself needs about 2 s to tell a live lock from a stale one; the pool would wait 15 s
            assertThat(ms).isLessThan(6_000);
        } finally {
            child.getOutputStream().close();
            if (!child.waitFor(30, TimeUnit.SECONDS)) {
                child.destroyForcibly();
            }
        }
    }

    private static long failFast(Path base, String... phrases) {
        long t0 = System.nanoTime();
        var thrown = assertThatThrownBy(() -> JdbcPlanStore.fromSetting(base.toString()).close())
                .isInstanceOf(StoreUnavailableException.class)
                .hasMessageContaining(mvDb(base).toString());
        for (String p : phrases) {
            thrown.hasMessageContaining(p);
        }
        thrown.hasMessageNotContaining("cannot be reached");
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertThat(ms).as("milliseconds until the error").isLessThan(2_500);
        return ms;
    }

    private static long awaitReady(Process child, Path base) throws IOException {
        BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
        String line = out.readLine();
        assertThat(line).as("child's first line; its stderr:\n"
                + Files.readString(Path.of(base.getParent() + "-child-stderr.txt"))).startsWith("ready ");
        return Long.parseLong(line.substring("ready ".length()).trim());
    }

    /** The local IPv4 addresses with a socket in LISTEN state on {@code port}, from /proc/net/tcp. */
    private static List<String> listeningAddresses(int port) throws IOException {
        Path tcp = Path.of("/proc/net/tcp");
        assumeThat(tcp).as("Linux /proc/net/tcp").exists();
        List<String> found = new ArrayList<>();
        List<String> lines = new ArrayList<>(Files.readAllLines(tcp));
        Path tcp6 = Path.of("/proc/net/tcp6");
        if (Files.exists(tcp6)) {
            lines.addAll(Files.readAllLines(tcp6));
        }
        for (String line : lines) {
            String[] f = line.trim().split("\\s+");
            if (f.length < 4 || !f[1].contains(":") || !f[3].equals("0A")) {
                continue;
            }
            String[] local = f[1].split(":");
            if (Integer.parseInt(local[1], 16) != port) {
                continue;
            }
            found.add(decode(local[0]));
        }
        return found;
    }

    private static String decode(String hex) {
        if (hex.length() == 8) {
            long v = Long.parseLong(hex, 16);
            return (v & 0xff) + "." + ((v >> 8) & 0xff) + "." + ((v >> 16) & 0xff) + "." + ((v >> 24) & 0xff);
        }
        if (hex.toUpperCase(Locale.ROOT).startsWith("0000000000000000FFFF0000")) {
            return decode(hex.substring(24)); // an IPv4-mapped IPv6 address
        }
        return hex.toLowerCase(Locale.ROOT).equals("00000000000000000000000000000000") ? "::" : "ipv6:" + hex;
    }

    private static List<InetAddress> nonLoopbackAddresses() throws IOException {
        List<InetAddress> all = new ArrayList<>();
        for (NetworkInterface ni : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            for (InetAddress a : Collections.list(ni.getInetAddresses())) {
                if (!a.isLoopbackAddress() && a instanceof Inet4Address) {
                    all.add(a);
                }
            }
        }
        return all;
    }

    /** Read-only for this process: chmod a-w, and for root (who writes anyway) the immutable flag too. */
    static void makeReadOnly(Path file) throws Exception {
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("r--r--r--"));
        if (Files.isWritable(file)) {
            Process p = new ProcessBuilder("chattr", "+i", file.toString()).redirectErrorStream(true).start();
            p.waitFor(10, TimeUnit.SECONDS);
            assumeThat(Files.isWritable(file)).as("the file could be made read-only for this user").isFalse();
        }
    }

    static void makeWritable(Path file) throws Exception {
        if (!Files.isWritable(file)) {
            new ProcessBuilder("chattr", "-i", file.toString()).redirectErrorStream(true).start().waitFor(10,
                    TimeUnit.SECONDS);
        }
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    }
}
