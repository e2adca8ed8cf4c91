package org.christchurchcall.hashmatch.video;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

class VpdqLinesTest {

    @Test
    void everyShippedHashFileParsesAndFormatsBackByteForByte() throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.list(VpdqData.dir().resolve("sample-hashes"))) {
            files = s.filter(p -> p.toString().endsWith(".txt")).sorted().toList();
        }
        assertEquals(31, files.size());
        for (Path p : files) {
            String text = VpdqData.read(p);
            List<VpdqFrame> frames = VpdqLines.parse(text);
            assertTrue(frames.size() > 100, p.toString());
            assertEquals(text, VpdqLines.format(frames), p.toString());
        }
    }

    @Test
    void timestampsAreTheReferenceFloat32QuotientRoundedLikePrintf() {
        // frame 673 at 30 fps: (float) 673 / (float) 30 = 22.433332..., printed 22.433
        assertEquals("22.433", VpdqFrame.formatTimestamp(VpdqFrame.timestampOf(673, 30.0)));
        // an exact tie is rounded half to even, as glibc's printf does (String.format would give 0.063)
        assertEquals("0.062", VpdqFrame.formatTimestamp(0.0625));
        assertEquals("0.000", VpdqFrame.formatTimestamp(0));
    }

    @Test
    void aMalformedLineIsRefusedWithItsLineNumber() {
        String good = "0,100,e271017837246aaccddea259648fbfd62f435c89d9e99b2497763e216c8d055c,0.000\n";
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> VpdqLines.parse(good + "1,100,zz,0.033\n"));
        assertTrue(e.getMessage().startsWith("line 2:"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> VpdqLines.parse("0,101,"
                + "e271017837246aaccddea259648fbfd62f435c89d9e99b2497763e216c8d055c,0.000"));
        assertThrows(IllegalArgumentException.class, () -> VpdqLines.parse("0,100,"
                + "e271017837246aaccddea259648fbfd62f435c89d9e99b2497763e216c8d055c"));
    }
}
