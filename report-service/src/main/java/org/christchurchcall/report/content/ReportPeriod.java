package org.christchurchcall.report.content;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.Instant;
import java.time.Month;
import java.time.format.TextStyle;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.christchurchcall.platform.problem.ApiException;

/**
 * The span of time a report covers, named by a stable key that appears in public URLs:
 * {@code 2024} (a year), {@code 2024-h1} (a half), {@code 2024-q3} (a quarter), {@code 2024-05}
 * (a month) or {@code 2024-03-01--2024-03-15} (whole days, both inclusive). The span is the
 * half-open UTC interval [from, to): sources are asked for events with from <= t < to.
 */
public record ReportPeriod(String key, Instant from, Instant to) {

    /** The Call was launched in May 2019; nothing the platform records predates it. */
    public static final int FIRST_YEAR = 2019;

    private static final Pattern YEAR = Pattern.compile("(\\d{4})");
    private static final Pattern HALF = Pattern.compile("(\\d{4})-h([12])");
    private static final Pattern QUARTER = Pattern.compile("(\\d{4})-q([1-4])");
    private static final Pattern MONTH = Pattern.compile("(\\d{4})-(\\d{2})");
    private static final Pattern RANGE = Pattern.compile("(\\d{4}-\\d{2}-\\d{2})--(\\d{4}-\\d{2}-\\d{2})");

    /**
     * Parses a period key; throws a 400 problem naming {@code field} when it is malformed, starts
     * before 2019 or after {@code now}.
     */
    public static ReportPeriod parse(String raw, String field, Instant now) {
        if (raw == null || raw.isBlank()) {
            throw ApiException.invalidField(field, "must not be blank");
        }
        String key = raw.trim().toLowerCase();
        LocalDate start;
        LocalDate endExclusive;
        Matcher m;
        try {
            if ((m = YEAR.matcher(key)).matches()) {
                start = LocalDate.of(Integer.parseInt(m.group(1)), 1, 1);
                endExclusive = start.plusYears(1);
            } else if ((m = HALF.matcher(key)).matches()) {
                start = LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)) == 1 ? 1 : 7, 1);
                endExclusive = start.plusMonths(6);
            } else if ((m = QUARTER.matcher(key)).matches()) {
                start = LocalDate.of(Integer.parseInt(m.group(1)), 3 * Integer.parseInt(m.group(2)) - 2, 1);
                endExclusive = start.plusMonths(3);
            } else if ((m = MONTH.matcher(key)).matches()) {
                start = LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), 1);
                endExclusive = start.plusMonths(1);
            } else if ((m = RANGE.matcher(key)).matches()) {
                start = LocalDate.parse(m.group(1));
                LocalDate last = LocalDate.parse(m.group(2));
                if (last.isBefore(start)) {
                    throw ApiException.invalidField(field, "the range ends before it starts");
                }
                endExclusive = last.plusDays(1);
                key = start + "--" + last;
            } else {
                throw ApiException.invalidField(field,
                        "must be a year (2024), half (2024-h1), quarter (2024-q1), month (2024-05) or day range (2024-03-01--2024-03-15)");
            }
        } catch (java.time.DateTimeException e) {
            throw ApiException.invalidField(field, "is not a calendar date: " + e.getMessage());
        }
        if (start.getYear() < FIRST_YEAR) {
            throw ApiException.invalidField(field, "starts before " + FIRST_YEAR + ", when the Call began");
        }
        Instant from = start.atStartOfDay(ZoneOffset.UTC).toInstant();
        if (from.isAfter(now)) {
            throw ApiException.invalidField(field, "starts in the future");
        }
        return new ReportPeriod(key, from, endExclusive.atStartOfDay(ZoneOffset.UTC).toInstant());
    }

    /** A human label for titles: the key is already readable, ranges get an en dash. */
    public String label() {
        if (key.contains("--")) {
            return key.replace("--", " to ");
        }
        Matcher m = MONTH.matcher(key);
        if (m.matches()) {
            return Month.of(Integer.parseInt(m.group(2))).getDisplayName(TextStyle.FULL, Locale.ENGLISH) + " " + m.group(1);
        }
        return key.toUpperCase().replace('-', ' ');
    }
}
