package vn.hocso.storage;

import java.io.InputStream;
import java.time.Duration;
import java.util.List;
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

    boolean exists(String key);

    void delete(String key);

    /** A URL a browser can GET for {@code ttl} without credentials. */
    String presignedGet(String key, Duration ttl);

    /** A URL a browser can PUT one object to for {@code ttl}, so large uploads never pass through the app. */
    String presignedPut(String key, Duration ttl);

    /** The first {@code length} bytes of an object (fewer if it is shorter), read with a ranged GET. */
    byte[] head(String key, int length);

    /** The size of an object, or empty when there is none. */
    OptionalLong size(String key);

    /** Keys of every object under {@code prefix}. */
    List<String> list(String prefix);

    /** Deletes every object under {@code prefix}; returns how many. */
    int deleteAll(String prefix);
}
