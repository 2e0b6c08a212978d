package vn.hocso.storage;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.config.MeterFilter;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;

/**
 * quarkus-minio measures every request of the object store client ({@code minio.client}) with the request's path as
 * the {@code uri} label, and that path is the object key: certificate codes ({@code certificates/<code>.pdf}), video
 * and caption keys. Labels must not carry private or unbounded values, so the key is cut to the bucket and the key's
 * first segment, which the application chooses ({@code hocso/certificates/*}): operators still see latency and
 * errors per kind of object.
 */
@Singleton
class ObjectStoreMetrics {

    static final String CLIENT_METER = "minio.client";

    @Produces
    @Singleton
    MeterFilter objectKeysAreNoLabels() {
        return new MeterFilter() {
            @Override
            public Meter.Id map(Meter.Id id) {
                String uri = id.getTag("uri");
                if (!id.getName().startsWith(CLIENT_METER) || uri == null) {
                    return id;
                }
                List<Tag> tags = new ArrayList<>();
                for (Tag tag : id.getTagsAsIterable()) {
                    tags.add(tag.getKey().equals("uri") ? Tag.of("uri", kind(uri)) : tag);
                }
                return id.replaceTags(tags);
            }
        };
    }

    /** {@code bucket/first-segment/*} of a request path; the bucket alone for requests on the bucket. */
    static String kind(String path) {
        String[] parts = path.replaceFirst("^/+", "").split("/", 3);
        if (parts.length <= 1) {
            return parts[0];
        }
        return parts.length == 2 ? parts[0] + "/*" : parts[0] + "/" + parts[1] + "/*";
    }
}
