package org.christchurchcall.hashmatch.video;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reads an FFmpeg {@code framemd5} file: the MD5 of each frame, in order. */
final class FrameMd5 {

    private FrameMd5() {
    }

    static List<String> read(Path p) {
        List<String> out = new ArrayList<>();
        for (String line : VpdqData.read(p).split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split(",");
            out.add(f[f.length - 1].trim());
        }
        return out;
    }
}
