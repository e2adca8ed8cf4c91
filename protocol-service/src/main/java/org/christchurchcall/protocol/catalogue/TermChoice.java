package org.christchurchcall.protocol.catalogue;

import java.util.List;

/**
 * The rule for the level or activation type a request names: it must be given in the field of the
 * version's vocabulary ({@code level} under levels, {@code type} under activation types), not in
 * the other one, and be one of the version's current terms. A refusal names the field and the
 * accepted values.
 */
public final class TermChoice {

    private TermChoice() {
    }

    /** A refused choice: the offending request field and what to send instead. */
    public static final class Refused extends RuntimeException {

        private final String field;

        Refused(String field, String message) {
            super(message, null, false, false);
            this.field = field;
        }

        public String field() {
            return field;
        }
    }

    /**
     * The code chosen. {@code accepted} are the version's current (not retired) terms in order;
     * {@code level} and {@code type} are the request's fields, null when absent.
     */
    public static String choose(String protocol, String version, Vocabulary vocabulary, List<String> accepted,
            String level, String type) {
        String given = vocabulary == Vocabulary.LEVELS ? level : type;
        String other = vocabulary == Vocabulary.LEVELS ? type : level;
        String versionName = protocol + " version " + version;
        String oneOf = accepted.isEmpty() ? "it has none in effect" : "one of " + String.join(", ", accepted);
        if (other != null) {
            throw new Refused(vocabulary.other().field(), versionName + " uses " + vocabulary.plural() + ", not "
                    + vocabulary.other().plural() + ": give " + vocabulary.field() + ", " + oneOf);
        }
        if (given == null) {
            throw new Refused(vocabulary.field(), "is required: " + versionName + " uses " + vocabulary.plural()
                    + ", " + oneOf);
        }
        if (!accepted.contains(given)) {
            throw new Refused(vocabulary.field(), given + " is not a current " + singular(vocabulary) + " of "
                    + versionName + "; " + oneOf);
        }
        return given;
    }

    private static String singular(Vocabulary v) {
        return v == Vocabulary.LEVELS ? "level" : "activation type";
    }
}
