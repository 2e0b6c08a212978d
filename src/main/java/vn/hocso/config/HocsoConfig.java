package vn.hocso.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.time.Duration;
import java.util.Optional;
import org.hibernate.validator.constraints.time.DurationMin;

/**
 * Every {@code hocso.*} setting, typed and checked when the application starts: a missing or nonsensical value
 * stops start-up with a message naming the property, instead of surfacing as a wrong certificate or a refused
 * heartbeat hours later. The javadoc of each setting is its documentation: deploy/README.md repeats it, and
 * config.ConfigDocumentedTest keeps the two in step.
 */
@ConfigMapping(prefix = "hocso")
public interface HocsoConfig {

    /** The least number of characters of a secret that signs something (an HMAC key shorter than this is weak). */
    int MIN_SECRET_LENGTH = 32;

    /**
     * The platform's public address. Certificate QR codes point to {@code <this>/verify/<code>}, so it must be the
     * address people reach from a phone; outside dev and test the app refuses to start while it is the development
     * default.
     */
    @Pattern(regexp = "https?://\\S+")
    String publicUrl();

    /** Object store. */
    @Valid
    Storage storage();

    /** JSON API. */
    @Valid
    Api api();

    /** Browser sessions. */
    @Valid
    Sessions sessions();

    /** Courses as files. */
    @Valid
    Courses courses();

    /** Background jobs. */
    @Valid
    Jobs jobs();

    /** Quizzes. */
    @Valid
    Quiz quiz();

    /** Certificates and transcripts. */
    @Valid
    Certificate certificate();

    /** The public certificate check. */
    @Valid
    Verify verify();

    /** Video lessons. */
    @Valid
    Video video();

    /** Completion reports and public statistics. */
    @Valid
    Reports reports();

    /** Roster and unit imports (unitadmin package). */
    @Valid
    Roster roster();

    /** Training waves (enrolment package). */
    @Valid
    Waves waves();

    /** Reminders by e-mail (reminder package). */
    @Valid
    Reminders reminders();

    /** Reminders by e-mail: learners about assigned courses, unit admins a weekly digest. */
    interface Reminders {

        /**
         * How often every instance looks for learners and unit admins to remind (a scheduler interval such as
         * {@code 1h}, or {@code off}); each message is a job with a dedupe key per person and day or week.
         */
        @NotBlank
        String sweep();
    }

    /** Training waves: assignments of open waves to people who joined their subtrees. */
    interface Waves {

        /**
         * How often open waves assign their courses to people who joined their subtrees since (a scheduler interval
         * such as {@code 5m}, or {@code off}).
         */
        @NotBlank
        String sweep();
    }

    /** Roster and unit imports: files people make in a spreadsheet program. */
    interface Roster {

        /** The largest file accepted, in bytes; a larger one is refused before it is read. */
        @Positive
        long maxBytes();

        /** The most data rows one file may have; one more is refused naming that row. */
        @Positive
        int maxRows();
    }

    /** Object store (storage package). */
    interface Storage {

        /** Bucket for videos, HLS renditions, certificates and exports. */
        @NotBlank
        String bucket();

        /**
         * How long the object store client waits to connect before the request fails (a page then answers 503 and
         * asks to retry).
         */
        @WithDefault("5s")
        @DurationMin(millis = 100)
        Duration connectTimeout();

        /**
         * How long the object store client waits for the next bytes of an answer, or to send the next bytes of an
         * upload, before the request fails: a store that accepts connections and never answers holds a request no
         * longer than this.
         */
        @WithDefault("30s")
        @DurationMin(seconds = 1)
        Duration readTimeout();
    }

    /** JSON API (account.VerifiedBearerTokens). */
    interface Api {

        /** Bearer tokens verified once are remembered, so a client's every call does not pay for a verification. */
        @Valid
        TokenCache tokenCache();
    }

    /** Browser sessions (account.DecryptedSessionCookies, account.VerifiedSessions). */
    interface Sessions {

        /**
         * Sign-in sessions remembered at most, as their decrypted cookies and verified tokens (0 turns remembering
         * off): a signed-in person's every page would otherwise decrypt three cookies and check two token signatures.
         */
        @PositiveOrZero
        int remembered();

        /**
         * A session is remembered until its ID token or access token expires, and at most this long; sign-out still
         * ends it at once, on every request (0 turns remembering off).
         */
        @DurationMin(seconds = 0)
        Duration rememberedFor();
    }

    /** Verified bearer tokens kept in memory. */
    interface TokenCache {

        /**
         * Verified bearer tokens remembered at most (0 turns remembering off): a mobile client sends one token with
         * every call for its few minutes of life.
         */
        @PositiveOrZero
        int size();

        /**
         * A verified bearer token is remembered until it expires, and at most this long: it bounds how long a key
         * the provider removed keeps working (0 turns remembering off).
         */
        @DurationMin(seconds = 0)
        Duration ttl();
    }

    /** Courses as files (content package). */
    interface Courses {

        /** Directory of course files to import (relative to the working directory). */
        @NotBlank
        String dir();

        /** Import the course files at start (idempotent). */
        boolean importAtStart();
    }

    /** Background jobs (job package). */
    interface Jobs {

        /** Run the background job worker (certificate PDFs, transcoding, clean-up) on this instance. */
        @WithDefault("true")
        boolean enabled();

        /** How often the worker looks for jobs to claim (a scheduler interval such as {@code 2s}). */
        @WithDefault("2s")
        @NotBlank
        String poll();

        /**
         * On shutdown (SIGTERM), how long the jobs running on this instance may take to finish; those still running
         * then are put back in the queue, not counted as a failed attempt, and another instance takes them.
         */
        @WithDefault("5s")
        Duration shutdownGrace();
    }

    /** Completion reports and public statistics (report package). */
    interface Reports {

        /**
         * How often the public statistics page is computed again (a scheduler interval such as {@code 5m}); between
         * two refreshes every visitor is served the same figures from memory.
         */
        @WithDefault("5m")
        @NotBlank
        String statisticsRefresh();

        /**
         * A people export of more rows than this runs in the background: it is written to the object store by a
         * job, and the admin downloads it from "my exports" when it is done. Smaller exports stream directly.
         */
        @WithDefault("50000")
        @Positive
        int backgroundThreshold();

        /** A finished background export is listed, and can be downloaded, this long; then it is deleted. */
        @WithDefault("24h")
        @DurationMin(minutes = 1)
        Duration exportKeep();

        /** The presigned link a download of a background export redirects to is valid this long. */
        @WithDefault("5m")
        @DurationMin(seconds = 10)
        Duration exportLinkTtl();
    }

    /** Quizzes (quiz package). */
    interface Quiz {

        /**
         * How often attempts left open past their deadline are graded (a scheduler interval such as {@code 60s}, or
         * {@code off}).
         */
        @NotBlank
        String sweep();
    }

    /** Certificates and transcripts (certificate package). */
    interface Certificate {

        /** The issuing body printed on certificates and transcripts. */
        @NotBlank
        String issuer();
    }

    /** The public certificate check (certificate.VerifyResource). */
    interface Verify {

        /**
         * Wrong certificate codes one address may try per minute on {@code /verify} before getting 429 (counted in
         * PostgreSQL, so the limit holds across instances).
         */
        @Positive
        int missesPerMinute();
    }

    /** Video lessons (video package). */
    interface Video {

        /**
         * Largest video a trainer may upload, in bytes; checked when the upload is opened, enforced by the object
         * store while it is sent (the upload form's policy allows no more than the declared size) and checked again on
         * the stored object.
         */
        @Positive
        long maxBytes();

        /**
         * How long the presigned upload form a browser sends a video with stays valid: the upload must start within
         * it (MinIO and S3 check the policy before they store the bytes). Each attempt gets a new key and a new form.
         */
        @DurationMin(seconds = 1)
        Duration uploadTtl();

        /**
         * Presigned URLs of video segments, posters and captions live this long (segments: plus twice the video's
         * duration).
         */
        @DurationMin(seconds = 1)
        Duration playbackTtl();

        /**
         * Video transcodes one instance runs at once (ffmpeg uses every core it gets; on 2 cores keep 1; 0: this
         * instance never transcodes).
         */
        @PositiveOrZero
        int transcodeConcurrency();

        /**
         * Where video files named in {@code courses/} are looked for when they are not in the course folder
         * ({@code <dir>/<slug>/<path>}): large files stay out of git. The local stack sets it to
         * {@code deploy/local/.data/videos}.
         */
        Optional<String> dir();

        /**
         * Unconfirmed uploads, replaced versions and objects under videos/ that no version knows (an upload form sent
         * again after its upload was refused) are deleted after this long.
         */
        @DurationMin(seconds = 1)
        Duration keepAbandoned();

        /** Heartbeats per learner: a player sends one every ten seconds; more are answered 429. */
        @Valid
        Heartbeat heartbeat();

        /**
         * Signs the watch tickets video heartbeats carry instead of the session (HMAC-SHA256; see
         * video.WatchTickets); at least 32 characters, the same on every instance. Generate with
         * {@code openssl rand -base64 48}; changing it only makes open lesson pages ask for a reload.
         */
        @Size(min = MIN_SECRET_LENGTH)
        String ticketSecret();

        /** A watch ticket is valid this long, and every accepted heartbeat renews it. */
        @DurationMin(seconds = 1)
        Duration ticketTtl();

        /** The ffmpeg command (on the {@code PATH}, or a full path). */
        @WithDefault("ffmpeg")
        @NotBlank
        String ffmpeg();

        /** The ffprobe command (on the {@code PATH}, or a full path). */
        @WithDefault("ffprobe")
        @NotBlank
        String ffprobe();

        /** Threads one ffmpeg run may use (0: ffmpeg decides, which means every core). */
        @WithDefault("0")
        @PositiveOrZero
        int ffmpegThreads();

        /** How long ffprobe may take to read a source before the transcode fails and is retried. */
        @WithDefault("120s")
        @DurationMin(seconds = 1)
        Duration probeTimeout();
    }

    /** Heartbeats per learner, a token bucket (video.HeartbeatThrottle). */
    interface Heartbeat {

        /** Heartbeats a learner may send per minute in the long run. */
        @Positive
        double perMinute();

        /** Heartbeats a learner may send at once (after a pause or seeks) before the per-minute rate applies. */
        @DecimalMin("1")
        double burst();
    }
}
