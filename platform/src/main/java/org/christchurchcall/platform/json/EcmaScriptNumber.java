package org.christchurchcall.platform.json;

import java.math.BigDecimal;

import com.fasterxml.jackson.core.io.NumberOutput;

/**
 * A double as ECMAScript's Number.prototype.toString writes it (ECMA-262, Number::toString), which
 * RFC 8785 prescribes for numbers: the fewest significant digits that read back as the same double
 * (the closest such decimal when there are several), plain notation from 1e-6 up to below 1e21,
 * otherwise {@code d.ddde+n}. Negative zero is {@code 0}.
 * <p>
 * The digits come from Jackson's copy of the Schubfach algorithm (JDK 19's {@code Double.toString},
 * the same on every Java runtime); Java 17's own {@code Double.toString} is not always shortest.
 * Java keeps two digits where one would do but two are closer (4.9E-324 for what ECMAScript writes
 * as 5e-324), so a two-digit result is checked against its one-digit neighbours.
 */
final class EcmaScriptNumber {

    private EcmaScriptNumber() {
    }

    static String format(double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            throw new IllegalArgumentException(v + " is not a JSON number (RFC 8785, 3.2.2.3)");
        }
        if (v == 0) {
            return "0";
        }
        Decimal d = Decimal.shortest(Math.abs(v));
        return (v < 0 ? "-" : "") + d.layout();
    }

    /** The value 0.{@code digits} times 10 to the {@code n}: no leading or trailing zero digits. */
    private record Decimal(String digits, int n) {

        static Decimal shortest(double a) {
            Decimal java = parse(NumberOutput.toString(a, true));
            if (java.digits.length() != 2) {
                return java;
            }
            int first = java.digits.charAt(0) - '0';
            Decimal down = new Decimal(Integer.toString(first), java.n);
            Decimal up = first == 9 ? new Decimal("1", java.n + 1) : new Decimal(Integer.toString(first + 1), java.n);
            boolean downFits = down.value() == a;
            boolean upFits = up.value() == a;
            if (downFits && upFits) {
                BigDecimal exact = new BigDecimal(a);
                int cmp = down.exact().subtract(exact).abs().compareTo(up.exact().subtract(exact).abs());
                return cmp < 0 || cmp == 0 && first % 2 == 0 ? down : up;
            }
            return downFits ? down : upFits ? up : java;
        }

        /** Reads Java's forms {@code 123.456} and {@code 1.2345E-7}. */
        static Decimal parse(String java) {
            int e = java.indexOf('E');
            String mantissa = e < 0 ? java : java.substring(0, e);
            int exponent = e < 0 ? 0 : Integer.parseInt(java.substring(e + 1));
            int point = mantissa.indexOf('.');
            String digits = point < 0 ? mantissa : mantissa.substring(0, point) + mantissa.substring(point + 1);
            int n = (point < 0 ? mantissa.length() : point) + exponent;
            int lead = 0;
            while (lead < digits.length() - 1 && digits.charAt(lead) == '0') {
                lead++;
            }
            int end = digits.length();
            while (end > lead + 1 && digits.charAt(end - 1) == '0') {
                end--;
            }
            return new Decimal(digits.substring(lead, end), n - lead);
        }

        double value() {
            return Double.parseDouble("0." + digits + "E" + n);
        }

        BigDecimal exact() {
            return new BigDecimal("0." + digits + "E" + n);
        }

        String layout() {
            int k = digits.length();
            if (k <= n && n <= 21) {
                return digits + "0".repeat(n - k);
            }
            if (0 < n && n <= 21) {
                return digits.substring(0, n) + "." + digits.substring(n);
            }
            if (-6 < n && n <= 0) {
                return "0." + "0".repeat(-n) + digits;
            }
            int exp = n - 1;
            String sign = exp < 0 ? "-" : "+";
            String mantissa = k == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
            return mantissa + "e" + sign + Math.abs(exp);
        }
    }
}
