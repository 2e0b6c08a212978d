package vn.hocso.web;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.Map;

/** A request the rules refuse, with the reason already in the person's language; shown as an error page. */
public class Refusal extends WebApplicationException {

    private final String reason;

    private Link way;

    public Refusal(Response.Status status, String reason) {
        super(reason, status);
        this.reason = reason;
    }

    /** What the person can do about it, offered on the error page as a button ("Enrol" when not enrolled). */
    public record Link(String href, String label) {}

    public Refusal offering(String href, String label) {
        this.way = new Link(href, label);
        return this;
    }

    public String reason() {
        return reason;
    }

    /** The way out the page offers besides "home", or null. */
    public Link way() {
        return way;
    }

    /** This refusal for a script or an API client rather than a person: see {@link #json(int, String)}. */
    public Response asJson() {
        return json(getResponse().getStatus(), reason);
    }

    /** The one shape of an error in JSON, under /api and from the pages' scripts: {@code {"status", "error"}}. */
    public static Response json(int status, String reason) {
        return Response.status(status)
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(body(status, reason))
                .build();
    }

    /**
     * The body of {@link #json(int, String)}, for answers written outside JAX-RS (the heartbeat route): a new map each
     * time, in this order, which a caller may add to.
     */
    public static Map<String, Object> body(int status, String reason) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", status);
        body.put("error", reason);
        return body;
    }
}
