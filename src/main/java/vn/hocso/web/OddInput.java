package vn.hocso.web;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * A NUL character in an address (path or query, {@code %00}) is refused with 400 before any resource sees it:
 * PostgreSQL cannot store or compare one in text, so it would otherwise end as a database error. A query that does
 * not decode (a broken percent escape) is refused the same way; invalid UTF-8 decodes to replacement characters and
 * goes on. {@link ErrorPages} gives the 400 its page.
 */
class OddInput {

    @ServerRequestFilter(preMatching = true)
    Response refuseOddAddresses(ContainerRequestContext request) {
        try {
            if (hasNul(request.getUriInfo().getPath())) {
                return badRequest();
            }
            MultivaluedMap<String, String> query = request.getUriInfo().getQueryParameters();
            for (Map.Entry<String, List<String>> parameter : query.entrySet()) {
                if (hasNul(parameter.getKey()) || parameter.getValue().stream().anyMatch(OddInput::hasNul)) {
                    return badRequest();
                }
            }
        } catch (IllegalArgumentException e) {
            return badRequest();
        }
        return null;
    }

    private static boolean hasNul(String text) {
        return text != null && text.indexOf('\0') >= 0;
    }

    private static Response badRequest() {
        return Response.status(Response.Status.BAD_REQUEST).build();
    }
}
