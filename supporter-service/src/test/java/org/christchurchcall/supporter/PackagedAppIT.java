package org.christchurchcall.supporter;

import java.nio.file.Path;

import org.christchurchcall.platform.testing.PackagedAppContents;
import org.junit.jupiter.api.Test;

/** The packaged service holds no benchmark, command-line tool or JMH: those live in bench/ and tools/. */
class PackagedAppIT {

    @Test
    void shipsNoBenchmarksOrTools() throws Exception {
        PackagedAppContents.assertNoBenchmarksOrTools(Path.of("target", "quarkus-app"));
    }
}
