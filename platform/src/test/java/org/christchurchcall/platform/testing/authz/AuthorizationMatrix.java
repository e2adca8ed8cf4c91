package org.christchurchcall.platform.testing.authz;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A service's authorization matrix, read from a CSV file in its test resources: one row per
 * operation (and per target where ownership matters), one column per {@link Persona}. The header
 * is fixed: {@code method,path,target,} the personas in {@link Persona} order, {@code ,note}.
 * Blank lines and lines starting with {@code #} are skipped. A note may be quoted to hold commas.
 */
public final class AuthorizationMatrix {

    public static final List<String> HEADER = header();

    private final String source;
    private final List<MatrixRow> rows;

    private AuthorizationMatrix(String source, List<MatrixRow> rows) {
        this.source = source;
        this.rows = List.copyOf(rows);
    }

    /** Reads the table from a classpath resource, e.g. {@code authz-matrix.csv}. */
    public static AuthorizationMatrix load(String resource) {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no resource " + resource + " on the test classpath");
            }
            return parse(resource, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public static AuthorizationMatrix parse(String source, String csv) {
        List<MatrixRow> rows = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        boolean headerRead = false;
        String[] lines = csv.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            int lineNo = i + 1;
            String line = lines[i];
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            List<String> cells = splitCsv(line);
            if (!headerRead) {
                if (!cells.equals(HEADER)) {
                    throw new IllegalArgumentException(source + ":" + lineNo + ": the header must be "
                            + String.join(",", HEADER));
                }
                headerRead = true;
                continue;
            }
            if (cells.size() != HEADER.size()) {
                problems.add(source + ":" + lineNo + ": " + cells.size() + " cells, expected " + HEADER.size());
                continue;
            }
            try {
                String method = cells.get(0).trim().toUpperCase(Locale.ROOT);
                String path = cells.get(1).trim();
                Target target = Target.of(cells.get(2).trim());
                Map<Persona, Outcome> outcomes = new EnumMap<>(Persona.class);
                for (Persona p : Persona.values()) {
                    outcomes.put(p, Outcome.of(cells.get(3 + p.ordinal()).trim()));
                }
                MatrixRow row = new MatrixRow(lineNo, method, path, target, outcomes, cells.get(HEADER.size() - 1).trim());
                if (!seen.add(row.toString())) {
                    problems.add(source + ":" + lineNo + ": " + row + " appears twice");
                }
                rows.add(row);
            } catch (IllegalArgumentException e) {
                problems.add(source + ":" + lineNo + ": " + e.getMessage());
            }
        }
        if (!headerRead) {
            problems.add(source + ": no header");
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("the matrix has errors:\n  " + String.join("\n  ", problems));
        }
        return new AuthorizationMatrix(source, rows);
    }

    public String source() {
        return source;
    }

    public List<MatrixRow> rows() {
        return rows;
    }

    /** The table in Markdown, for docs/security.md. */
    public String markdown() {
        StringBuilder md = new StringBuilder();
        md.append("| operation | target |");
        for (Persona p : Persona.values()) {
            md.append(' ').append(p.column()).append(" |");
        }
        md.append(" note |\n|---|---|");
        md.append("---|".repeat(Persona.values().length));
        md.append("---|\n");
        for (MatrixRow r : rows) {
            md.append("| `").append(r.method()).append(' ').append(r.path()).append("` | ").append(r.target().code())
                    .append(" |");
            for (Persona p : Persona.values()) {
                md.append(' ').append(r.expected(p).code()).append(" |");
            }
            md.append(' ').append(r.note().replace("|", "\\|")).append(" |\n");
        }
        return md.toString();
    }

    /**
     * Checks that {@code docs} holds this table between the markers
     * {@code <!-- authz-matrix:NAME -->} and {@code <!-- /authz-matrix:NAME -->}. With the system
     * property {@code authz.updateDocs=true} it writes the table there instead. Either way the
     * rendering is also written to {@code target/authz-matrix.md}.
     */
    public void assertDocumentedIn(Path docs, String name) throws IOException {
        String table = markdown();
        Path rendered = Path.of("target", "authz-matrix.md");
        Files.createDirectories(rendered.getParent());
        Files.writeString(rendered, table, StandardCharsets.UTF_8);
        String begin = "<!-- authz-matrix:" + name + " -->\n";
        String end = "<!-- /authz-matrix:" + name + " -->";
        String text = Files.readString(docs, StandardCharsets.UTF_8);
        int from = text.indexOf(begin);
        int to = text.indexOf(end);
        if (from < 0 || to < from) {
            throw new AssertionError(docs + " has no block " + begin.trim() + " ... " + end + " for " + source);
        }
        String documented = text.substring(from + begin.length(), to);
        if (documented.equals(table)) {
            return;
        }
        if (Boolean.getBoolean("authz.updateDocs")) {
            Files.writeString(docs, text.substring(0, from + begin.length()) + table + text.substring(to),
                    StandardCharsets.UTF_8);
            return;
        }
        throw new AssertionError(docs + " does not show " + source + " as it is (see " + rendered.toAbsolutePath()
                + "); rerun this test with -Dauthz.updateDocs=true to rewrite the block " + begin.trim());
    }

    private static List<String> header() {
        List<String> h = new ArrayList<>(List.of("method", "path", "target"));
        for (Persona p : Persona.values()) {
            h.add(p.column());
        }
        h.add("note");
        return List.copyOf(h);
    }

    /** Comma-separated cells; a cell in double quotes may hold commas and doubled quotes. */
    static List<String> splitCsv(String line) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                cells.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        cells.add(cell.toString());
        return cells;
    }
}
