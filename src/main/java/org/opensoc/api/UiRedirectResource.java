package org.opensoc.api;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * Sends people who open the service's root, or {@code /ui} without its slash, to the web UI at {@code /ui/}.
 * The UI itself is static content (META-INF/resources/ui), whose relative asset paths need the trailing slash.
 */
@Path("/")
public class UiRedirectResource {

    private static final URI UI = URI.create("/ui/");

    @GET
    @Operation(hidden = true)
    public Response root() {
        return Response.temporaryRedirect(UI).build();
    }

    @GET
    @Path("ui")
    @Operation(hidden = true)
    public Response ui() {
        return Response.temporaryRedirect(UI).build();
    }
}
