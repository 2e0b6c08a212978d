package vn.hocso.video;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.io.ByteArrayInputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import vn.hocso.storage.ObjectStore;

/** WebVTT caption files: checked (UTF-8, starts with "WEBVTT"), stored under a new key, swapped in one update. */
@ApplicationScoped
class Captions {

    static final int MAX_BYTES = 1024 * 1024;
    /** How caption files are stored and served (the player's track element reads them inline). */
    static final String TYPE = "text/vtt; charset=utf-8";

    @Inject
    ObjectStore store;

    @Inject
    EntityManager em;

    /** Stores the captions of a lesson in one language, replacing earlier ones; false when it is not WebVTT. */
    boolean save(long lessonId, String lang, byte[] vtt) {
        if (!isWebVtt(vtt)) {
            return false;
        }
        String key = "captions/" + lessonId + "/" + lang + "-" + UUID.randomUUID() + ".vtt";
        store.put(key, new ByteArrayInputStream(vtt), vtt.length, TYPE);
        String previous = QuarkusTransaction.requiringNew().call(() -> {
            VideoCaption old = VideoCaption.find("lessonId = ?1 and lang = ?2", lessonId, lang)
                    .firstResult();
            em.createNativeQuery("""
                    insert into video_caption (lesson_id, lang, object_key) values (?1, ?2, ?3)
                    on conflict (lesson_id, lang) do update set object_key = excluded.object_key, updated_at = now()""")
                    .setParameter(1, lessonId)
                    .setParameter(2, lang)
                    .setParameter(3, key)
                    .executeUpdate();
            return old == null ? null : old.objectKey;
        });
        if (previous != null && !previous.equals(key)) {
            store.delete(previous);
        }
        return true;
    }

    static boolean isWebVtt(byte[] bytes) {
        if (bytes.length == 0 || bytes.length > MAX_BYTES) {
            return false;
        }
        try {
            String text = StandardCharsets.UTF_8
                    .newDecoder()
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
            if (text.startsWith("\uFEFF")) {
                text = text.substring(1);
            }
            // "WEBVTT" alone on the first line, or followed by a space or tab and a header text
            return text.startsWith("WEBVTT") && (text.length() == 6 || " \t\r\n".indexOf(text.charAt(6)) >= 0);
        } catch (CharacterCodingException e) {
            return false;
        }
    }
}
