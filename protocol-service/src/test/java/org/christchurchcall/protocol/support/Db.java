package org.christchurchcall.protocol.support;

import java.time.Duration;

import javax.sql.DataSource;

import org.awaitility.Awaitility;
import org.christchurchcall.platform.testing.Rows;

/** Direct SQL for assertions ("no row changed") and for tampering with stored rows. */
public final class Db {

    private final Rows rows;

    public Db(DataSource ds) {
        this.rows = new Rows(ds);
    }

    public long count(String sql, Object... args) {
        return rows.scalar(sql, args);
    }

    public int exec(String sql, Object... args) {
        return rows.exec(sql, args);
    }

    /** Waits until no delivery is in flight, so that the worker does not change rows under a snapshot. */
    public Db quiet() {
        Awaitility.await().atMost(Duration.ofSeconds(20))
                .until(() -> count("select count(*) from notification where status = 'pending'") == 0);
        return this;
    }

    /** Row counts of every table an API call could change. */
    public String snapshot() {
        return rows.counts("protocol", "protocol_version", "protocol_level", "incident", "activation", "timeline_entry", "notification",
                "incident_participant", "acknowledgement")
                + " versions=" + count("select coalesce(sum(version), 0) from incident")
                + "/" + count("select coalesce(sum(version), 0) from activation")
                + "/" + count("select coalesce(sum(version), 0) from protocol");
    }
}
