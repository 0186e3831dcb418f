package dev.squeezepipe.schema;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** What this build was made from, as the build wrote it into {@code squeezepipe-build.properties}. */
public final class BuildInfo {

    private static final String UNKNOWN = "unknown";
    private static final String COMMIT = load();

    private BuildInfo() {}

    /** The abbreviated commit, {@code -dirty} when the tree had changes, or {@code unknown} outside a checkout. */
    public static String commit() {
        return COMMIT;
    }

    private static String load() {
        try (InputStream in = BuildInfo.class.getResourceAsStream("/squeezepipe-build.properties")) {
            if (in == null) {
                return UNKNOWN;
            }
            Properties properties = new Properties();
            properties.load(in);
            String commit = properties.getProperty("git.commit.id.abbrev", UNKNOWN);
            return "true".equals(properties.getProperty("git.dirty")) ? commit + "-dirty" : commit;
        } catch (IOException e) {
            return UNKNOWN;
        }
    }
}
