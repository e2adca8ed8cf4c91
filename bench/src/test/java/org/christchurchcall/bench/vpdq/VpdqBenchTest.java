package org.christchurchcall.bench.vpdq;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;

class VpdqBenchTest {

    @Test
    void readsTheReferenceSpeedTableOfTheDataReadme() throws Exception {
        Path readme = Path.of(System.getProperty("vpdq.shared.dir", "../../shared/data/vpdq")).resolve("README.md");
        Map<String, VpdqBench.Reference> ref = VpdqBench.readReference(readme);
        assertEquals(14, ref.size());
        VpdqBench.Reference chair = ref.get("chair-19-sd-bar");
        assertEquals(564, chair.framesEvery());
        assertEquals(3.43, chair.medianEvery());
        assertEquals(19, chair.framesPerSecond());
        assertEquals(0.69, chair.medianPerSecond());
    }
}
