package org.christchurchcall.protocol.events.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.christchurchcall.platform.security.Roles;
import org.christchurchcall.protocol.events.service.IncidentEvent;
import org.christchurchcall.protocol.events.service.IncidentEventFeed;
import org.christchurchcall.protocol.incident.service.Access;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestStreamElementType;

import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Multi;

@Path("/api/v1/incidents/events")
@Tag(name = "live updates", description = "Server-Sent Events of incident timelines")
@SecurityRequirement(name = "oauth2")
public class IncidentEventsResource {

    @Inject
    IncidentEventFeed feed;

    @Inject
    Access access;

    @GET
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RestStreamElementType(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.SECRETARIAT, Roles.GOVERNMENT, Roles.COMPANY, Roles.INTERGOVERNMENTAL, Roles.CIVIL_SOCIETY,
            Roles.CRISIS_COORDINATOR })
    @Blocking
    @Operation(summary = "Live incident events (every timeline entry), exercises labelled, filtered to the incidents "
            + "the caller may see: all for the secretariat, otherwise those it reported or whose protocols it "
            + "participates in (roles: secretariat, any supporter type, crisis-coordinator)")
    @APIResponse(responseCode = "200", description = "text/event-stream of JSON events")
    @APIResponse(responseCode = "401", description = "No valid bearer token")
    @APIResponse(responseCode = "403", description = "The caller's roles do not allow this")
    public Multi<IncidentEvent> events() {
        // the viewer is captured now: the stream outlives the request and its scope
        Access.Viewer viewer = access.viewer();
        return feed.stream().filter(e -> viewer.maySee(e.reportedBy(), e.protocols()));
    }
}
