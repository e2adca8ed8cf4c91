package org.christchurchcall.report.draft.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.christchurchcall.report.draft.ReportDraft;

/** The one write a draft's generation needs, in its own short transaction. */
@ApplicationScoped
public class DraftStore {

    @Transactional
    public ReportDraft insert(ReportDraft d) {
        d.persist();
        return d;
    }
}
