package org.christchurchcall.report.rendering;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.NumberFormat;
import java.util.Locale;

/** How figures read on the page: thousands separators, durations in words, shares in percent. */
public final class Format {

    public static final String UNKNOWN = "unknown";

    private Format() {
    }

    public static String value(Object v, String unit) {
        if (v == null) {
            return UNKNOWN;
        }
        if (!(v instanceof Number n)) {
            return v.toString();
        }
        if ("seconds".equals(unit)) {
            BigDecimal d = new BigDecimal(n.toString());
            return d.compareTo(BigDecimal.valueOf(60)) < 0
                    ? d.setScale(1, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString() + " s"
                    : duration(d.setScale(0, RoundingMode.HALF_UP).longValue());
        }
        if ("share".equals(unit)) {
            return new BigDecimal(n.toString()).multiply(BigDecimal.valueOf(100)).setScale(1, RoundingMode.HALF_UP)
                    .toPlainString() + "%";
        }
        return count(n);
    }

    public static String count(Number n) {
        return NumberFormat.getIntegerInstance(Locale.ENGLISH).format(n.longValue());
    }

    /** 42 s, 5 min 03 s, 3 h 07 min, 2 d 04 h. */
    public static String duration(long seconds) {
        if (seconds < 60) {
            return seconds + " s";
        }
        if (seconds < 3600) {
            return seconds / 60 + " min " + String.format("%02d", seconds % 60) + " s";
        }
        if (seconds < 86400) {
            return seconds / 3600 + " h " + String.format("%02d", seconds % 3600 / 60) + " min";
        }
        return seconds / 86400 + " d " + String.format("%02d", seconds % 86400 / 3600) + " h";
    }

    /** kebab-case codes as words for labels: "civil-society" -> "civil society". */
    public static String words(Object code) {
        return code == null ? UNKNOWN : code.toString().replace('-', ' ');
    }
}
