package org.christchurchcall.report.content;

import static org.christchurchcall.report.content.Column.count;
import static org.christchurchcall.report.content.Column.dimension;
import static org.christchurchcall.report.content.Column.seconds;
import static org.christchurchcall.report.content.Column.share;

import java.util.List;

import org.christchurchcall.report.content.Column;
import org.christchurchcall.report.content.FigureTable;

/**
 * Every figure a transparency report holds, with its title, meaning, columns and source. The ids
 * are stable: they name the CSV files and the figures a draft lists as missing.
 */
public final class Figures {

    /** Source ids: each names one request to one service, listed with its outcome in the report's sources. */
    public static final String HASH_AGGREGATES = "hash-aggregates";
    public static final String INCIDENT_AGGREGATES = "incident-aggregates";
    public static final String MEMBERSHIP_AGGREGATES = "membership-aggregates";
    public static final String STOCKTAKE_SUMMARY = "stocktake-summary";

    public static final String HASH_SHARING = "hash-sharing";
    public static final String CRISIS_RESPONSE = "crisis-response";
    public static final String MEMBERSHIP = "membership";
    public static final String STOCKTAKE = "stocktake";

    public static final String HASHES_BY_TYPE = "hashes-by-type";
    public static final String HASHES_BY_LABEL = "hashes-by-label";
    public static final String HASHES_BY_CONTRIBUTOR_TYPE = "hashes-by-contributor-type";
    public static final String HASHES_BY_STATUS = "hashes-by-status";
    public static final String HASHES_ADDED_RETRACTED = "hashes-added-retracted";
    public static final String HASHES_ADDED_BY_TYPE = "hashes-added-by-type";
    public static final String HASH_FEEDBACK = "hash-feedback";
    public static final String DISPUTES = "disputes";
    public static final String DISPUTE_OUTCOMES = "dispute-outcomes";
    public static final String MATCHES_SERVED = "matches-served";
    public static final String MATCHES_BY_TYPE = "matches-by-type";
    public static final String INCIDENTS_BY_STATUS = "incidents-by-status";
    public static final String INCIDENTS_BY_PROTOCOL_LEVEL = "activations-by-protocol-and-level";
    public static final String RESPONSE_TIMES = "crisis-response-times";
    public static final String INCIDENTS_AND_EXERCISES = "incidents-and-exercises";
    public static final String SUPPORTERS_BY_TYPE = "supporters-by-type";
    public static final String JOINS_BY_TYPE = "joins-by-type";
    public static final String SUPPORTERS_OVER_TIME = "supporters-over-time";
    public static final String STOCKTAKE_STATUS = "stocktake-status-by-commitment";

    private Figures() {
    }

    /** The figures in report order, without rows. */
    public static List<FigureTable> catalog() {
        return List.of(
                table(HASHES_BY_TYPE, HASH_SHARING, "Hashes by type",
                        "Hashes in the hash-sharing database when the report was generated, by hash algorithm.",
                        HASH_AGGREGATES, dimension("type", "Hash type"), count("hashes", "Hashes")),
                table(HASHES_BY_LABEL, HASH_SHARING, "Hashes by label",
                        "Hashes carrying each label when the report was generated; a hash can carry several labels.",
                        HASH_AGGREGATES, dimension("label", "Label"), count("hashes", "Hashes")),
                table(HASHES_BY_CONTRIBUTOR_TYPE, HASH_SHARING, "Hashes by contributor type",
                        "Hashes when the report was generated, by the type of supporter that contributed them; no contributor is named.",
                        HASH_AGGREGATES, dimension("supporterType", "Contributor type"), count("hashes", "Hashes")),
                table(HASHES_BY_STATUS, HASH_SHARING, "Hashes by status",
                        "Hashes when the report was generated, by status (active, disputed, retracted).",
                        HASH_AGGREGATES, dimension("status", "Status"), count("hashes", "Hashes")),
                table(HASHES_ADDED_RETRACTED, HASH_SHARING, "Hashes added and retracted in the period",
                        "Hashes submitted during the period, and hashes retracted during it.",
                        HASH_AGGREGATES, dimension("change", "Change"), count("hashes", "Hashes")),
                table(HASHES_ADDED_BY_TYPE, HASH_SHARING, "Hashes added in the period by type",
                        "Hashes submitted during the period, by hash algorithm.",
                        HASH_AGGREGATES, dimension("type", "Hash type"), count("hashes", "Hashes added")),
                table(HASH_FEEDBACK, HASH_SHARING, "Feedback on hashes",
                        "Members' feedback given during the period: agreeing or disagreeing with a hash's labels or inclusion.",
                        HASH_AGGREGATES, dimension("verdict", "Verdict"), count("feedback", "Feedback")),
                table(DISPUTES, HASH_SHARING, "Disputes",
                        "Disputes about a hash opened during the period, disputes resolved during it, and disputes open when the "
                                + "report was generated.",
                        HASH_AGGREGATES, count("raised", "Raised"), count("resolved", "Resolved"), count("openNow", "Open")),
                table(DISPUTE_OUTCOMES, HASH_SHARING, "Dispute outcomes",
                        "Disputes resolved during the period, by outcome: the hash kept, relabelled or retracted.",
                        HASH_AGGREGATES, dimension("outcome", "Outcome"), count("disputes", "Disputes")),
                table(MATCHES_SERVED, HASH_SHARING, "Matches served",
                        "Match queries answered during the period (whole UTC days) and the matches they found.",
                        HASH_AGGREGATES, count("queries", "Queries"), count("matches", "Matches")),
                table(MATCHES_BY_TYPE, HASH_SHARING, "Matches by hash type",
                        "Matches found during the period (whole UTC days), by hash algorithm.",
                        HASH_AGGREGATES, dimension("type", "Hash type"), count("matches", "Matches")),
                table(INCIDENTS_AND_EXERCISES, CRISIS_RESPONSE, "Incidents and exercises",
                        "Incidents reported during the period, how many were activated and concluded, and the exercises, "
                                + "which every other crisis figure leaves out.",
                        INCIDENT_AGGREGATES, dimension("kind", "Kind"), count("count", "Count")),
                table(INCIDENTS_BY_STATUS, CRISIS_RESPONSE, "Incidents by status",
                        "Incidents reported during the period by their status when the report was generated. Exercises are left out.",
                        INCIDENT_AGGREGATES, dimension("status", "Status"), count("incidents", "Incidents")),
                table(INCIDENTS_BY_PROTOCOL_LEVEL, CRISIS_RESPONSE, "Activations by protocol and level",
                        "Protocol activations in effect for incidents reported during the period, by protocol and level; one "
                                + "incident can activate several protocols. Exercises are left out.",
                        INCIDENT_AGGREGATES, dimension("protocol", "Protocol"), dimension("level", "Level"),
                        count("activations", "Activations")),
                table(RESPONSE_TIMES, CRISIS_RESPONSE, "Crisis response times",
                        "Time from an incident's report to its activation, from activation to the first notification delivered, "
                                + "to the first, median and last acknowledgement, and to conclusion, over the incidents that have "
                                + "each interval (seconds). Exercises are left out.",
                        INCIDENT_AGGREGATES, dimension("interval", "Interval"), count("incidents", "Incidents"),
                        seconds("minSeconds", "Fastest"), seconds("medianSeconds", "Median"), seconds("meanSeconds", "Mean"),
                        seconds("maxSeconds", "Slowest")),
                table(SUPPORTERS_BY_TYPE, MEMBERSHIP, "Supporters by type",
                        "Active supporters of the Call at the end of the period, by type.",
                        MEMBERSHIP_AGGREGATES, dimension("supporterType", "Supporter type"), count("supporters", "Supporters")),
                table(JOINS_BY_TYPE, MEMBERSHIP, "Supporters who joined in the period",
                        "Supporters whose membership began during the period, by type.",
                        MEMBERSHIP_AGGREGATES, dimension("supporterType", "Supporter type"), count("joined", "Joined")),
                table(SUPPORTERS_OVER_TIME, MEMBERSHIP, "Supporters by type over time",
                        "Active supporters by type at dates through the period.",
                        MEMBERSHIP_AGGREGATES, dimension("date", "Date"), dimension("supporterType", "Supporter type"),
                        count("supporters", "Supporters")),
                table(STOCKTAKE_STATUS, STOCKTAKE, "Stocktake: progress on each commitment",
                        "For each commitment and supporter type, how many of the supporters of that type that reported on the "
                                + "commitment gave each status, and their share, in the latest stocktake opened before the end "
                                + "of the period.",
                        STOCKTAKE_SUMMARY, dimension("commitment", "Commitment"), dimension("supporterType", "Supporter type"),
                        dimension("status", "Status"), count("supporters", "Supporters"), share("share", "Share")));
    }

    public static String sectionTitle(String section) {
        return switch (section) {
            case HASH_SHARING -> "Hash sharing";
            case CRISIS_RESPONSE -> "Crisis response";
            case MEMBERSHIP -> "Membership";
            case STOCKTAKE -> "Stocktake";
            default -> section;
        };
    }

    private static FigureTable table(String id, String section, String title, String description, String source,
            Column... columns) {
        return new FigureTable(id, section, title, description, source, List.of(columns), null, null, null);
    }
}
