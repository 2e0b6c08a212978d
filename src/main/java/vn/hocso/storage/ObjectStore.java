package vn.hocso.storage;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * The object store (videos, HLS renditions, certificates, exports). Keys are the app's own, never taken from a
 * file name; the bucket stays private and browsers reach objects only through short-lived presigned URLs.
 */
public interface ObjectStore {

    /** True when the store answers and the bucket exists. */
    boolean isAvailable();

    void put(String key, InputStream content, long size, String contentType);

    InputStream get(String key);

    /**
     * An object written as a stream of unknown length (a multipart upload, parts of a few megabytes, so memory does not
     * grow with the object). The object exists only once {@link StreamedUpload#complete()} returned; closing the
     * upload before that abandons it and leaves no object under the key.
     */
    StreamedUpload upload(String key, String contentType);

    /** See {@link #upload}: write to {@link #out()}, then {@link #complete()}; always close. */
    interface StreamedUpload extends AutoCloseable {

        OutputStream out();

        /** Ends the stream and waits until the store has the whole object. */
        void complete() throws IOException;

        /** Abandons the upload unless it completed. */
        @Override
        void close();
    }

    boolean exists(String key);

    void delete(String key);

    /** A URL a browser can GET for {@code ttl} without credentials. */
    String presignedGet(String key, Duration ttl);

    /**
     * A URL a browser can GET for {@code ttl} without credentials, answered with {@code contentType} whatever the
     * object was stored with; with {@code downloadName}, as an attachment saved under that name (a document to keep),
     * without, inline (media a page shows).
     */
    String presignedGet(String key, Duration ttl, String contentType, String downloadName);

    /**
     * A browser upload by form POST that the store itself bounds: the form may create only {@code key}, with
     * {@code contentType}, of 1 to {@code maxBytes} bytes, and only if it is sent within {@code ttl}. The store refuses
     * anything larger before it stores it (S3's POST policy with {@code content-length-range}).
     */
    PostUpload presignedPost(String key, String contentType, long maxBytes, Duration ttl);

    /** Where to POST the form, and its fields, to be sent in this order before the file (a last field "file"). */
    record PostUpload(String url, Map<String, String> fields) {}

    /** The first {@code length} bytes of an object (fewer if it is shorter), read with a ranged GET. */
    byte[] head(String key, int length);

    /** The size of an object, or empty when there is none. */
    OptionalLong size(String key);

    /** Keys of every object under {@code prefix}. */
    List<String> list(String prefix);

    /** Keys of the objects under {@code prefix} last written before {@code instant}. */
    List<String> listWrittenBefore(String prefix, Instant instant);

    /** Deletes every object under {@code prefix}; returns how many. */
    int deleteAll(String prefix);
}
