package org.plantrack.examples;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/** Shared bits of the examples. */
public final class Examples {
    private Examples() {
    }

    /** The text of the reference plan, 南平市科协2017年工作要点 (南科协〔2017〕12号), shipped with the examples. */
    public static String referencePlan() throws IOException {
        try (InputStream in = Examples.class.getResourceAsStream("nanping-cast-2017-workplan.txt")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
