package vn.hocso.web;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import org.jboss.logging.MDC;

/**
 * Every request carries an id through the logs ({@code requestId} in each line's MDC, a field of its own in JSON logs)
 * and back to the client ({@code X-Request-Id}): the balancer's own id when it sends one (nginx {@code $request_id},
 * HAProxy {@code unique-id-format}), so its access log and ours meet, otherwise one made here from this instance's
 * random prefix and a counter. A few nanoseconds: no random number or UUID per request.
 */
@ApplicationScoped
class RequestIds {

    static final String HEADER = "X-Request-Id";
    static final String MDC_KEY = "requestId";

    /** Before every other route, the heartbeat's included, so that whatever they log carries the id. */
    static final int ORDER = -20_000;

    /** An id from outside is kept only if it is short and plain (it goes into log lines and a header). */
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    private final String prefix = HexFormat.of().formatHex(SecureRandom.getSeed(4));
    private final AtomicLong next = new AtomicLong();

    void install(@Observes Router router) {
        router.route().order(ORDER).handler(this::tag);
    }

    void tag(RoutingContext context) {
        String id = context.request().getHeader(HEADER);
        if (id == null || !PLAIN.matcher(id).matches()) {
            id = prefix + "-" + Long.toHexString(next.incrementAndGet());
        }
        MDC.put(MDC_KEY, id);
        context.response().putHeader(HEADER, id);
        context.next();
    }
}
