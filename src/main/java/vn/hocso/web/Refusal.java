package vn.hocso.web;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

/** A request the rules refuse, with the reason already in the person's language; shown as an error page. */
public class Refusal extends WebApplicationException {

    private final String reason;

    public Refusal(Response.Status status, String reason) {
        super(reason, status);
        this.reason = reason;
    }

    public String reason() {
        return reason;
    }
}
