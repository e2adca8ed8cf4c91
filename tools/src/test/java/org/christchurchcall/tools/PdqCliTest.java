package org.christchurchcall.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.christchurchcall.hashmatch.pdq.ReferenceImages;
import org.junit.jupiter.api.Test;

class PdqCliTest {

    private record Run(int status, List<String> out, String err) {}

    private static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = PdqCli.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        String o = out.toString(StandardCharsets.UTF_8);
        return new Run(status, o.isEmpty() ? List.of() : List.of(o.split("\n")), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void printsTheReferenceFormatForEveryPublicRow() throws Exception {
        Path dir = ReferenceImages.images();
        List<String[]> rows = ReferenceImages.rows("expected-public.csv");
        String[] files = rows.stream().map(r -> dir.resolve(r[0]).toString()).toArray(String[]::new);
        Run r = run(files);
        assertEquals(0, r.status(), r.err());
        assertEquals(rows.size(), r.out().size());
        for (int i = 0; i < rows.size(); i++) {
            assertEquals(rows.get(i)[1] + "," + rows.get(i)[2] + "," + files[i], r.out().get(i));
        }
    }

    @Test
    void dihedralPrintsEightHashesThenQualityThenFile() throws Exception {
        String[] row = ReferenceImages.rows("expected-dihedral-public.csv").get(0);
        String file = ReferenceImages.images().resolve(row[0]).toString();
        Run r = run("--dihedral", file);
        assertEquals(0, r.status());
        assertEquals(String.join(",", java.util.Arrays.copyOfRange(row, 1, 10)) + "," + file, r.out().get(0));
    }

    @Test
    void unreadableFilesGoToStderrAndTheOthersAreStillHashed() throws Exception {
        Path dir = ReferenceImages.images();
        Path garbage = Files.writeString(Files.createTempFile("not-an-image", ".png"), "hello");
        Run r = run(dir.resolve("tiny_4x4.png").toString(), "/no/such/file.png", garbage.toString(),
                dir.resolve("checker4_256x256.png").toString());
        assertEquals(1, r.status());
        assertEquals(2, r.out().size());
        assertTrue(r.out().get(0).startsWith("0000000000000000000000000000000000000000000000000000000000000000,0,"));
        assertTrue(r.out().get(1).startsWith("5555aaaa5555aaaa5555aaaa5555aaaa5555aaaa5555aaaa5555aaaa5555aaaa,100,"));
        assertTrue(r.err().contains("/no/such/file.png"), r.err());
        assertTrue(r.err().contains(garbage.toString()), r.err());
    }

    @Test
    void usageErrors() {
        assertEquals(2, run().status());
        assertEquals(2, run("--bogus", "x.png").status());
    }
}
