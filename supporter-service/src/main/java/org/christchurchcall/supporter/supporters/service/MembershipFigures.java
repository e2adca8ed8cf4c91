package org.christchurchcall.supporter.supporters.service;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.christchurchcall.platform.problem.ApiException;
import org.christchurchcall.supporter.supporters.Supporter;
import org.christchurchcall.supporter.supporters.SupporterStatus;
import org.christchurchcall.supporter.supporters.SupporterType;
import org.christchurchcall.supporter.supporters.repository.SupporterRepository;

/**
 * Membership over time for transparency reports: counts by supporter type, never names.
 * <p>
 * A supporter counts as a member at an instant when it had joined by then and had neither
 * withdrawn nor been suspended by then. Only the latest suspension is recorded, so a supporter
 * suspended and later reinstated counts as a member throughout.
 */
@ApplicationScoped
public class MembershipFigures {

    @Inject
    SupporterRepository supporters;

    /** Monthly points cover at most this many months, so that one request stays small. */
    static final int MAX_MONTHS = 240;

    public record ActiveAt(LocalDate date, Map<String, Long> byType) {
    }

    public record Membership(Instant from, Instant to, Map<String, Long> byType, Map<String, Long> joinedInPeriod,
            List<ActiveAt> activeAt) {
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Membership between(Instant from, Instant to) {
        if (!from.isBefore(to)) {
            throw ApiException.invalidField("to", "must be after from");
        }
        List<LocalDate> monthStarts = monthStarts(from, to);
        if (monthStarts.size() > MAX_MONTHS) {
            throw ApiException.invalidField("to", "the period spans more than " + MAX_MONTHS + " months");
        }
        List<Supporter> all = supporters.listAll();
        Map<String, Long> joined = zeroes();
        for (Supporter s : all) {
            if (s.joinedOn != null) {
                Instant j = s.joinedOn.atStartOfDay(ZoneOffset.UTC).toInstant();
                if (!j.isBefore(from) && j.isBefore(to)) {
                    joined.merge(s.type.code(), 1L, Long::sum);
                }
            }
        }
        List<ActiveAt> points = new ArrayList<>();
        for (LocalDate d : monthStarts) {
            points.add(new ActiveAt(d, activeAt(all, d.atStartOfDay(ZoneOffset.UTC).toInstant())));
        }
        return new Membership(from, to, activeAt(all, to), joined, points);
    }

    static boolean memberAt(Supporter s, Instant t) {
        if (s.joinedOn == null || s.status == SupporterStatus.APPLIED) {
            return false;
        }
        if (s.joinedOn.atStartOfDay(ZoneOffset.UTC).toInstant().isAfter(t)) {
            return false;
        }
        if (s.withdrawnAt != null && !s.withdrawnAt.isAfter(t)) {
            return false;
        }
        return !(s.status == SupporterStatus.SUSPENDED && s.suspendedAt != null && !s.suspendedAt.isAfter(t));
    }

    private static Map<String, Long> activeAt(List<Supporter> all, Instant t) {
        Map<String, Long> counts = zeroes();
        for (Supporter s : all) {
            if (memberAt(s, t)) {
                counts.merge(s.type.code(), 1L, Long::sum);
            }
        }
        return counts;
    }

    /** The first day of every month from {@code from} (rounded up) to {@code to}, inclusive. */
    static List<LocalDate> monthStarts(Instant from, Instant to) {
        LocalDate first = LocalDate.ofInstant(from, ZoneOffset.UTC);
        if (first.getDayOfMonth() != 1 || first.atStartOfDay(ZoneOffset.UTC).toInstant().isBefore(from)) {
            first = first.withDayOfMonth(1).plusMonths(1);
        }
        LocalDate last = LocalDate.ofInstant(to, ZoneOffset.UTC);
        List<LocalDate> out = new ArrayList<>();
        long months = ChronoUnit.MONTHS.between(first.withDayOfMonth(1), last.withDayOfMonth(1));
        for (long i = 0; i <= months && i <= MAX_MONTHS; i++) {
            out.add(first.plusMonths(i));
        }
        return out;
    }

    private static Map<String, Long> zeroes() {
        Map<String, Long> m = new LinkedHashMap<>();
        for (SupporterType t : SupporterType.values()) {
            m.put(t.code(), 0L);
        }
        return m;
    }
}
