package org.christchurchcall.report.rendering;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.christchurchcall.report.content.FigureTable;
import org.christchurchcall.report.content.MissingFigure;
import org.christchurchcall.report.content.ReportSnapshot;

/**
 * Every available figure of a report as one CSV file each, in a zip with a README that names the
 * report, its hash and the figures that are missing. Entry times are the publication time so that
 * the same report always gives the same zip.
 */
public final class ZipOfTables {

    private ZipOfTables() {
    }

    public static byte[] of(ReportSnapshot s, String sha256) {
        FileTime time = FileTime.from(Instant.parse(s.publishedAt()));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes, StandardCharsets.UTF_8)) {
            put(zip, "README.txt", readme(s, sha256), time);
            for (FigureTable t : s.tables()) {
                if (!t.isMissing()) {
                    put(zip, t.id() + ".csv", Csv.of(t), time);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static String readme(ReportSnapshot s, String sha256) {
        StringBuilder r = new StringBuilder();
        r.append(s.title()).append("\r\n");
        r.append("Period: ").append(s.period().key()).append(" (").append(s.period().from()).append(" to ")
                .append(s.period().to()).append(", end exclusive)\r\n");
        r.append("Version: ").append(s.version()).append(", published ").append(s.publishedAt()).append("\r\n");
        r.append("SHA-256 of the canonical JSON: ").append(sha256).append("\r\n");
        r.append("One CSV file per figure; an empty field is an unknown value, never zero.\r\n");
        if (s.override() != null) {
            r.append("\r\n").append(s.override().statement()).append("\r\n");
        }
        if (!s.missing().isEmpty()) {
            r.append("\r\nMissing figures (no CSV file):\r\n");
            for (MissingFigure m : s.missing()) {
                r.append("- ").append(m.figure()).append(": ").append(m.reason()).append("\r\n");
            }
        }
        return r.toString();
    }

    private static void put(ZipOutputStream zip, String name, String text, FileTime time) throws IOException {
        ZipEntry e = new ZipEntry(name);
        e.setLastModifiedTime(time);
        zip.putNextEntry(e);
        zip.write(text.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }
}
