package vn.hocso.storage;

import io.minio.BucketExistsArgs;
import io.minio.GetObjectArgs;
import io.minio.GetPresignedObjectUrlArgs;
import io.minio.ListObjectsArgs;
import io.minio.MakeBucketArgs;
import io.minio.MinioClient;
import io.minio.PostPolicy;
import io.minio.PutObjectArgs;
import io.minio.RemoveObjectArgs;
import io.minio.RemoveObjectsArgs;
import io.minio.Result;
import io.minio.StatObjectArgs;
import io.minio.errors.ErrorResponseException;
import io.minio.http.Method;
import io.minio.messages.DeleteError;
import io.minio.messages.DeleteObject;
import io.minio.messages.Item;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.jboss.logging.Logger;
import vn.hocso.config.HocsoConfig;

/** {@link ObjectStore} on any S3-compatible server (MinIO in production, S3Proxy locally) via minio-java. */
@ApplicationScoped
class S3ObjectStore implements ObjectStore {

    private static final Logger LOG = Logger.getLogger(S3ObjectStore.class);

    @Inject
    MinioClient client;

    @Inject
    HocsoConfig config;

    /** Parts of a streamed upload: S3's smallest, so an upload holds little memory. */
    static final long PART_BYTES = 5L * 1024 * 1024;

    static final int PIPE_BYTES = 256 * 1024;

    /** Threads that feed streamed uploads to the store, one per upload while it runs. */
    private static final ExecutorService UPLOADS = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "hocso-upload");
        t.setDaemon(true);
        return t;
    });

    private volatile boolean bucketReady;

    /**
     * minio-java waits five minutes by default at each step; a frozen store would hold requests (and job threads) that
     * long. The timeouts are per step (connect, each read, each write), so a large upload or download is not cut.
     */
    @PostConstruct
    void boundTheWaits() {
        long connect = config.storage().connectTimeout().toMillis();
        long read = config.storage().readTimeout().toMillis();
        client.setTimeout(connect, read, read);
    }

    /** The bucket is created at start; if the store is not up yet, the next use (or health check) retries. */
    void onStart(@Observes StartupEvent event) {
        try {
            ensureBucket();
        } catch (RuntimeException e) {
            LOG.warnf("Object store not reachable at start-up (%s); will retry on first use", e.getMessage());
        }
    }

    @Override
    public boolean isAvailable() {
        try {
            ensureBucket();
            return client.bucketExists(
                    BucketExistsArgs.builder().bucket(bucket()).build());
        } catch (Exception e) {
            return false;
        }
    }

    @Override
    public void put(String key, InputStream content, long size, String contentType) {
        ensureBucket();
        call(() -> client.putObject(PutObjectArgs.builder().bucket(bucket()).object(key).stream(
                        content, size, size < 0 ? 10 * 1024 * 1024 : -1)
                .contentType(contentType)
                .build()));
    }

    @Override
    public StreamedUpload upload(String key, String contentType) {
        ensureBucket();
        return new PipedUpload(key, contentType);
    }

    /**
     * minio-java reads an upload from an InputStream, the writer of an export writes to an OutputStream: a pipe joins
     * them, and a thread of its own runs the upload while the caller writes. A stream that ends early must not become
     * a complete (truncated) object, so an abandoned pipe ends with an error, never with an end of stream.
     */
    private final class PipedUpload implements StreamedUpload {

        private final PipedOutputStream out;
        private final PipedInputStream pipe;
        private final CompletableFuture<Void> done;
        private volatile boolean abandoned;
        private boolean completed;

        PipedUpload(String key, String contentType) {
            try {
                pipe = new PipedInputStream(PIPE_BYTES);
                out = new PipedOutputStream(pipe);
            } catch (IOException e) {
                throw new StorageException(e);
            }
            InputStream in = new FilterInputStream(pipe) {
                @Override
                public int read() throws IOException {
                    int b = super.read();
                    return b < 0 ? endOrAbandoned() : b;
                }

                @Override
                public int read(byte[] buffer, int off, int len) throws IOException {
                    int n = super.read(buffer, off, len);
                    return n < 0 ? endOrAbandoned() : n;
                }
            };
            done = CompletableFuture.runAsync(
                    () -> call(() -> client.putObject(
                            PutObjectArgs.builder().bucket(bucket()).object(key).stream(in, -1, PART_BYTES)
                                    .contentType(contentType)
                                    .build())),
                    UPLOADS);
            // a failed upload reads no more: close the pipe so the writer gets an error instead of waiting for room
            done.whenComplete((ignored, failure) -> {
                if (failure != null) {
                    try {
                        pipe.close();
                    } catch (IOException e) {
                        LOG.debugf("closing a failed upload: %s", e.getMessage());
                    }
                }
            });
        }

        private int endOrAbandoned() throws IOException {
            if (abandoned) {
                throw new IOException("upload abandoned");
            }
            return -1;
        }

        @Override
        public OutputStream out() {
            return out;
        }

        @Override
        public void complete() throws IOException {
            out.close();
            try {
                done.get();
                completed = true;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while the upload completed", e);
            } catch (ExecutionException e) {
                throw new IOException("upload failed: " + e.getCause().getMessage(), e.getCause());
            }
        }

        @Override
        public void close() {
            if (completed) {
                return;
            }
            abandoned = true;
            try {
                out.close();
                // the reader may be blocked on a full pipe no one writes to any more: drain it so it sees the end
                pipe.close();
            } catch (IOException e) {
                LOG.debugf("closing an abandoned upload: %s", e.getMessage());
            }
            done.cancel(true);
        }
    }

    @Override
    public InputStream get(String key) {
        return call(() -> client.getObject(
                GetObjectArgs.builder().bucket(bucket()).object(key).build()));
    }

    @Override
    public boolean exists(String key) {
        return size(key).isPresent();
    }

    @Override
    public OptionalLong size(String key) {
        try {
            return OptionalLong.of(client.statObject(StatObjectArgs.builder()
                            .bucket(bucket())
                            .object(key)
                            .build())
                    .size());
        } catch (ErrorResponseException e) {
            if ("NoSuchKey".equals(e.errorResponse().code())
                    || "NoSuchObject".equals(e.errorResponse().code())) {
                return OptionalLong.empty();
            }
            throw new StorageException(e);
        } catch (Exception e) {
            throw new StorageException(e);
        }
    }

    @Override
    public byte[] head(String key, int length) {
        try (InputStream in = client.getObject(GetObjectArgs.builder()
                .bucket(bucket())
                .object(key)
                .offset(0L)
                .length((long) length)
                .build())) {
            return in.readNBytes(length);
        } catch (ErrorResponseException e) {
            // a range on an empty object is unsatisfiable: it has no first bytes
            if ("InvalidRange".equals(e.errorResponse().code())) {
                return new byte[0];
            }
            throw new StorageException(e);
        } catch (Exception e) {
            throw new StorageException(e);
        }
    }

    @Override
    public List<String> list(String prefix) {
        return call(() -> {
            List<String> keys = new ArrayList<>();
            for (Result<Item> item : client.listObjects(ListObjectsArgs.builder()
                    .bucket(bucket())
                    .prefix(prefix)
                    .recursive(true)
                    .build())) {
                keys.add(item.get().objectName());
            }
            return keys;
        });
    }

    @Override
    public int deleteAll(String prefix) {
        List<String> keys = list(prefix);
        for (int from = 0; from < keys.size(); from += 1000) {
            List<DeleteObject> batch = keys.subList(from, Math.min(keys.size(), from + 1000)).stream()
                    .map(DeleteObject::new)
                    .toList();
            call(() -> {
                // the result is lazy: iterating it is what sends the request
                for (Result<DeleteError> error : client.removeObjects(RemoveObjectsArgs.builder()
                        .bucket(bucket())
                        .objects(batch)
                        .build())) {
                    DeleteError e = error.get();
                    throw new IllegalStateException("could not delete " + e.objectName() + ": " + e.message());
                }
                return null;
            });
        }
        return keys.size();
    }

    @Override
    public void delete(String key) {
        call(() -> {
            client.removeObject(
                    RemoveObjectArgs.builder().bucket(bucket()).object(key).build());
            return null;
        });
    }

    @Override
    public String presignedGet(String key, Duration ttl) {
        return call(() -> client.getPresignedObjectUrl(GetPresignedObjectUrlArgs.builder()
                .method(Method.GET)
                .bucket(bucket())
                .object(key)
                .expiry((int) ttl.toSeconds())
                .build()));
    }

    @Override
    public String presignedGet(String key, Duration ttl, String contentType, String downloadName) {
        Map<String, String> response = new LinkedHashMap<>();
        response.put("response-content-type", contentType);
        if (downloadName != null) {
            response.put("response-content-disposition", "attachment; filename=\"" + downloadName + "\"");
        }
        return call(() -> client.getPresignedObjectUrl(GetPresignedObjectUrlArgs.builder()
                .method(Method.GET)
                .bucket(bucket())
                .object(key)
                .expiry((int) ttl.toSeconds())
                .extraQueryParams(response)
                .build()));
    }

    @Override
    public PostUpload presignedPost(String key, String contentType, long maxBytes, Duration ttl) {
        ensureBucket();
        PostPolicy policy =
                new PostPolicy(bucket(), ZonedDateTime.now(ZoneOffset.UTC).plus(ttl));
        policy.addEqualsCondition("key", key);
        policy.addEqualsCondition("Content-Type", contentType);
        policy.addContentLengthRangeCondition(1L, maxBytes);
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("key", key);
        fields.put("Content-Type", contentType);
        fields.putAll(call(() -> client.getPresignedPostFormData(policy)));
        // the bucket's address, path style as minio-java signs it: the object URL without the key
        String objectUrl = presignedGet(key, Duration.ofMinutes(1));
        URI object = URI.create(objectUrl);
        String url = object.getScheme() + "://" + object.getRawAuthority() + "/" + bucket();
        return new PostUpload(url, fields);
    }

    @Override
    public List<String> listWrittenBefore(String prefix, Instant instant) {
        return call(() -> {
            List<String> keys = new ArrayList<>();
            for (Result<Item> result : client.listObjects(ListObjectsArgs.builder()
                    .bucket(bucket())
                    .prefix(prefix)
                    .recursive(true)
                    .build())) {
                Item item = result.get();
                if (item.lastModified() != null
                        && item.lastModified().toInstant().isBefore(instant)) {
                    keys.add(item.objectName());
                }
            }
            return keys;
        });
    }

    private void ensureBucket() {
        if (bucketReady) {
            return;
        }
        call(() -> {
            if (!client.bucketExists(BucketExistsArgs.builder().bucket(bucket()).build())) {
                client.makeBucket(MakeBucketArgs.builder().bucket(bucket()).build());
                LOG.infof("Created bucket %s", bucket());
            }
            return null;
        });
        bucketReady = true;
    }

    private String bucket() {
        return config.storage().bucket();
    }

    private interface S3Call<T> {
        T run() throws Exception;
    }

    private static <T> T call(S3Call<T> call) {
        try {
            return call.run();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new StorageException(e);
        }
    }

    /** The object store failed; the cause says how. */
    static class StorageException extends RuntimeException {
        StorageException(Throwable cause) {
            super(cause.getMessage(), cause);
        }
    }
}
