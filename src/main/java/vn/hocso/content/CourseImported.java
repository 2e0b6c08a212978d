package vn.hocso.content;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import vn.hocso.course.LessonKind;

/**
 * A course folder was imported (created, updated or unchanged), with the media files its video lessons name, so
 * the video feature can upload and transcode the ones it has not seen yet. Paths are relative to {@code folder}.
 */
public record CourseImported(String slug, Path folder, Map<String, VideoFiles> videos) {

    /** A video lesson's files: the video and its captions by language. */
    public record VideoFiles(String video, Map<String, String> captions) {}

    static CourseImported of(CourseDefinition definition, Path folder) {
        Map<String, VideoFiles> videos = new LinkedHashMap<>();
        definition.modules().stream()
                .flatMap(m -> m.lessons().stream())
                .filter(l -> l.kind() == LessonKind.VIDEO && l.sourcePath() != null)
                .forEach(l -> videos.put(l.key(), new VideoFiles(l.sourcePath(), l.captions())));
        return new CourseImported(definition.slug(), folder, videos);
    }
}
