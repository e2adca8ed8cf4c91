package org.christchurchcall.protocol.incident.service;

import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;

import org.christchurchcall.platform.problem.ApiException;
import org.christchurchcall.platform.security.Caller;
import org.christchurchcall.protocol.contact.service.ContactDirectory;
import org.christchurchcall.protocol.incident.Incident;

/**
 * What the calling supporter may see: the secretariat sees every incident; a supporter sees the
 * incidents it reported and those under protocols it participates in. An incident the caller
 * may not see is answered as absent, so that its existence does not leak.
 */
@RequestScoped
public class Access {

    @Inject
    Caller caller;

    @Inject
    ContactDirectory contacts;

    private Set<String> protocols;

    public Viewer viewer() {
        return new Viewer(caller.isSecretariat(), caller.supporterId().orElse(null), protocols());
    }

    public Set<String> protocols() {
        if (protocols == null) {
            protocols = Set.copyOf(contacts.protocolsOf(caller.supporterId().orElse(null)));
        }
        return protocols;
    }

    public boolean participatesIn(String protocol) {
        return caller.isSecretariat() || protocols().contains(protocol);
    }

    public Incident visible(UUID id) {
        return check(Incident.findById(id), id);
    }

    public Incident visibleForUpdate(UUID id) {
        return check(Incident.findById(id, LockModeType.PESSIMISTIC_WRITE), id);
    }

    private Incident check(Incident i, UUID id) {
        if (i == null || !viewer().maySee(i.reportedBySupporter, i.protocols)) {
            throw ApiException.notFound("incident", id);
        }
        return i;
    }

    public String actor() {
        return caller.supporterId().map(s -> "supporter:" + s + " ").orElse("") + "client:" + caller.clientId();
    }

    /** A snapshot of who is looking, safe to use after the request ends (e.g. by a stream). */
    public record Viewer(boolean secretariat, UUID supporterId, Set<String> protocols) {

        public boolean maySee(UUID reportedBy, java.util.Collection<String> incidentProtocols) {
            if (secretariat) {
                return true;
            }
            if (supporterId != null && supporterId.equals(reportedBy)) {
                return true;
            }
            return incidentProtocols != null && incidentProtocols.stream().anyMatch(protocols::contains);
        }
    }
}
