package vn.hocso.content;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import vn.hocso.course.LessonKind;

/**
 * A course was imported (created, updated or unchanged) or a draft published, with the media files its video lessons
 * name, so the video feature can upload and transcode the ones it has not seen yet. Paths are relative to the course
 * folder; {@code folder} is the folder on disk, empty when the files came from a zip or a draft. {@code captions} holds
 * the caption files that were read with the course, by path: a zip's or a draft's captions exist nowhere else.
 */
public record CourseImported(
        String slug, Optional<Path> folder, Map<String, VideoFiles> videos, Map<String, String> captions) {

    /** A video lesson's files: the video and its captions by language. */
    public record VideoFiles(String video, Map<String, String> captions) {}

    static CourseImported of(CourseDefinition definition, Optional<Path> folder) {
        Map<String, VideoFiles> videos = new LinkedHashMap<>();
        Map<String, String> captions = new LinkedHashMap<>();
        definition.modules().stream()
                .flatMap(m -> m.lessons().stream())
                .filter(l -> l.kind() == LessonKind.VIDEO && l.sourcePath() != null)
                .forEach(l -> {
                    videos.put(l.key(), new VideoFiles(l.sourcePath(), l.captions()));
                    l.captions().values().stream()
                            .filter(definition.files()::containsKey)
                            .forEach(path ->
                                    captions.put(path, definition.files().get(path)));
                });
        return new CourseImported(definition.slug(), folder, videos, captions);
    }
}
