package org.christchurchcall.protocol.contact.service;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.christchurchcall.protocol.contact.CrisisContact;
import org.christchurchcall.protocol.contact.client.CrisisContactPayload;
import org.christchurchcall.protocol.contact.client.SupporterContactsClient;
import org.jboss.logging.Logger;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;

/**
 * Who takes part in which protocol: the participation the secretariat granted in supporter-service,
 * never what a supporter's webhook lists. Refreshed from supporter-service before every notifying
 * change and in the background; when supporter-service cannot be reached the last known
 * contacts stand, and the caller records that on the timeline.
 */
@ApplicationScoped
public class ContactDirectory {

    private static final Logger LOG = Logger.getLogger(ContactDirectory.class);

    @Inject
    SupporterContactsClient client;

    @Inject
    ContactStore store;

    @Inject
    MeterRegistry registry;

    /** Must not run inside a transaction: it waits on another service. */
    public ContactSnapshot refresh() {
        List<CrisisContactPayload> contacts;
        try {
            contacts = client.fetchAll();
        } catch (RuntimeException e) {
            registry.counter("ccall.contacts.refresh.failures").increment();
            LOG.warnf("supporter-service unreachable, using the last known crisis contacts: %s", e.toString());
            return ContactSnapshot.cached(store.lastSync().orElse(null), describe(e));
        }
        try {
            Instant now = Instant.now();
            store.replace(contacts, now);
            return ContactSnapshot.fresh(now);
        } catch (RuntimeException e) {
            registry.counter("ccall.contacts.refresh.failures").increment();
            LOG.warnf("could not store the crisis contacts read from supporter-service, using the last known ones: %s",
                    e.toString());
            return ContactSnapshot.cached(store.lastSync().orElse(null),
                    "the contacts read from supporter-service could not be stored (" + e.getClass().getSimpleName()
                            + ")");
        }
    }

    @Scheduled(every = "${ccall.contacts.refresh-every:5m}", delayed = "${ccall.contacts.refresh-delay:30s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void background() {
        refresh();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Set<String> protocolsOf(UUID supporterId) {
        Set<String> codes = new TreeSet<>();
        if (supporterId == null) {
            return codes;
        }
        CrisisContact c = CrisisContact.findById(supporterId);
        if (c != null && c.protocols != null) {
            codes.addAll(c.protocols);
        }
        return codes;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<CrisisContact> participantsOf(Collection<String> protocolCodes) {
        List<CrisisContact> all = CrisisContact.list("order by supporterName, supporterId");
        return all.stream().filter(c -> c.protocols != null && c.protocols.stream().anyMatch(protocolCodes::contains))
                .toList();
    }

    private static String describe(Throwable e) {
        String name = e.getClass().getSimpleName();
        return "supporter-service could not be reached (" + name + ")";
    }
}
