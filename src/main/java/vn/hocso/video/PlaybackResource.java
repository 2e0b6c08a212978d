package vn.hocso.video;

import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import vn.hocso.account.CurrentUser;
import vn.hocso.progress.ProgressMessages;
import vn.hocso.web.Locales;
import vn.hocso.web.Refusal;

/**
 * A learner's side of a video lesson: the HLS playlists (segment URIs presigned, so the bytes come from the object
 * store). Only an enrolled learner of the published course, a trainer or an admin gets a playlist. The heartbeat is
 * {@link HeartbeatRoute}.
 */
@Path("/courses/{slug}/lessons/{key}/video")
@Authenticated
class PlaybackResource {

    @Inject
    CurrentUser currentUser;

    @Inject
    Playlists playlists;

    @Inject
    Locales locales;

    @GET
    @Path("{video}/master.m3u8")
    public Response master(
            @PathParam("slug") String slug,
            @PathParam("key") String key,
            @PathParam("video") long videoId,
            @QueryParam("lowest") String lowest) {
        Video video = playable(slug, key, videoId);
        VideoMessages messages = locales.messages(VideoMessages.class);
        List<Playlists.Subtitles> captions = VideoCaption.listOfLesson(video.lessonId).stream()
                .map(c -> new Playlists.Subtitles(c.lang, messages.lang(c.lang), c.lang.equals(locales.getTag())))
                .toList();
        // data saver on a browser playing HLS itself (no level cap to set): a master of the lowest rung only
        List<Rendition> renditions = lowest == null ? video.renditions : Playlists.lowest(video.renditions);
        return playlist(Playlists.master(renditions, captions, messages.audio_track()));
    }

    /** A caption file as HLS players find captions: a media playlist of one WebVTT segment, presigned. */
    @GET
    @Path("{video}/captions/{lang: [a-z]{2}}.m3u8")
    public Response captions(
            @PathParam("slug") String slug,
            @PathParam("key") String key,
            @PathParam("video") long videoId,
            @PathParam("lang") String lang) {
        Video video = playable(slug, key, videoId);
        VideoCaption caption = VideoCaption.listOfLesson(video.lessonId).stream()
                .filter(c -> c.lang.equals(lang))
                .findFirst()
                .orElseThrow(NotFoundException::new);
        return playlist(playlists.subtitles(video, caption));
    }

    @GET
    @Path("{video}/{rendition: [a-z0-9]{1,10}}.m3u8")
    public Response media(
            @PathParam("slug") String slug,
            @PathParam("key") String key,
            @PathParam("video") long videoId,
            @PathParam("rendition") String rendition) {
        Video video = playable(slug, key, videoId);
        if (!video.hasRendition(rendition)) {
            throw new NotFoundException();
        }
        return playlist(playlists.media(video, rendition));
    }

    @ServerExceptionMapper
    Response refused(Refusal e) {
        return e.asJson();
    }

    private Video playable(String slug, String key, long videoId) {
        Playlists.Access access =
                playlists.access(slug, key, videoId, currentUser.subject()).orElseThrow(NotFoundException::new);
        if (!currentUser.isTrainer()) {
            if (!access.published()) {
                throw new NotFoundException();
            }
            if (!access.enrolled()) {
                throw new Refusal(
                        Response.Status.FORBIDDEN,
                        locales.messages(ProgressMessages.class).enrol_first());
            }
        }
        return access.video();
    }

    private static Response playlist(String text) {
        // presigned URLs inside: the browser may reuse the playlist briefly, shared caches never
        return Response.ok(text, Playlists.MPEGURL)
                .header("Cache-Control", "private, max-age=60")
                .build();
    }
}
