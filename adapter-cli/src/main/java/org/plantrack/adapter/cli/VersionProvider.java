package org.plantrack.adapter.cli;

import picocli.CommandLine.IVersionProvider;

/** {@code plantrack --version}: the build's version, Java and the OS. */
final class VersionProvider implements IVersionProvider {
    @Override
    public String[] getVersion() {
        String v = "unknown";
        try (java.io.InputStream in = VersionProvider.class.getResourceAsStream("version.properties")) {
            if (in != null) {
                java.util.Properties p = new java.util.Properties();
                p.load(in);
                v = p.getProperty("version", v);
            }
        } catch (java.io.IOException e) {
            // keep "unknown"
        }
        return new String[] {
            "plantrack " + v,
            "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vm.name") + "), "
                    + System.getProperty("os.name") + " " + System.getProperty("os.arch")
        };
    }
}
