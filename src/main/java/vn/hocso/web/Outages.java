package vn.hocso.web;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

/**
 * A failure that says a system the app depends on (PostgreSQL, the object store) could not be reached, rather than that
 * the request or the code is wrong: the answer is 503 with {@code Retry-After}, and nothing changed, since the write
 * never reached the database or rolled back with the connection. The app needs no restart to recover: the next request
 * opens new connections.
 */
public final class Outages {

    /** Seconds a client is asked to wait before trying again (a restarted PostgreSQL or MinIO is back within that). */
    public static final int RETRY_AFTER_SECONDS = 30;

    private Outages() {}

    public static boolean isOutage(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (isUnreachable(cause)) {
                return true;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return false;
    }

    private static boolean isUnreachable(Throwable e) {
        if (e instanceof SQLTransientConnectionException) {
            return true;
        }
        if (e instanceof SQLException sql) {
            // SQLSTATE class 08: connection exception; 57P01..57P03: the server is shutting down or starting
            String state = sql.getSQLState();
            return state != null && (state.startsWith("08") || state.startsWith("57P"))
                    // Agroal's pool: no connection could be had in time (every one stuck on a frozen server)
                    || sql.getMessage() != null && sql.getMessage().contains("acquisition timeout");
        }
        // refused, reset, timed out, unknown host
        if (e instanceof SocketException || e instanceof InterruptedIOException || e instanceof UnknownHostException) {
            return true;
        }
        // the object store's HTTP client (minio-java over OkHttp): any I/O failure of its own, such as a connection a
        // balancer accepted and closed because the store behind it is down ("unexpected end of stream")
        return e instanceof IOException && fromHttpClient(e);
    }

    private static boolean fromHttpClient(Throwable e) {
        for (StackTraceElement frame : e.getStackTrace()) {
            if (frame.getClassName().startsWith("okhttp3.")) {
                return true;
            }
        }
        return false;
    }
}
