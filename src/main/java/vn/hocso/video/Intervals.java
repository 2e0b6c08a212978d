package vn.hocso.video;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A set of watched stretches of a video, in milliseconds, as sorted, disjoint, half-open intervals [from, to).
 * The same arithmetic PostgreSQL's int4multirange does, in Java, so the rules of a heartbeat (how much new
 * coverage it claims, whether that is plausible) are plain functions.
 */
final class Intervals {

    /** At most this many stretches in one heartbeat: a real player sends a handful. */
    static final int MAX_CLAIMED = 200;
    /**
     * The fastest playback the player offers: the browsers' own controls go up to 2x, and js/video-player.js holds
     * the rate at this (the page tells it, data-max-rate), so no learner watches faster.
     */
    static final int SPEED = 2;

    /** Once per learner and lesson, not per heartbeat: timer and network jitter. */
    static final long GRACE_MS = 5_000;

    static final Intervals EMPTY = new Intervals(new int[0]);

    private static final Pattern RANGE = Pattern.compile("\\[(-?\\d+),(-?\\d+)\\)");

    /** from0, to0, from1, to1, …: sorted, disjoint, non-adjacent, every from < to. */
    private final int[] bounds;

    private Intervals(int[] bounds) {
        this.bounds = bounds;
    }

    /** Any stretches, in any order, overlapping or not; empty ones are dropped. */
    static Intervals of(int... fromTo) {
        if (fromTo.length % 2 != 0) {
            throw new IllegalArgumentException("intervals come in pairs");
        }
        List<int[]> ranges = new ArrayList<>();
        for (int i = 0; i < fromTo.length; i += 2) {
            if (fromTo[i] < fromTo[i + 1]) {
                ranges.add(new int[] {fromTo[i], fromTo[i + 1]});
            }
        }
        ranges.sort(Comparator.comparingInt(r -> r[0]));
        int[] merged = new int[ranges.size() * 2];
        int n = 0;
        for (int[] r : ranges) {
            if (n > 0 && r[0] <= merged[n - 1]) {
                merged[n - 1] = Math.max(merged[n - 1], r[1]);
            } else {
                merged[n++] = r[0];
                merged[n++] = r[1];
            }
        }
        return new Intervals(Arrays.copyOf(merged, n));
    }

    /**
     * What a player sent: "from-to,from-to" in milliseconds. Anything else (negative numbers, from after to,
     * too many stretches, garbage) is refused as a whole.
     */
    static Intervals parseClaim(String text) {
        if (text == null || text.isBlank()) {
            return EMPTY;
        }
        String[] parts = text.split(",");
        if (parts.length > MAX_CLAIMED) {
            throw new IllegalArgumentException("too many intervals");
        }
        int[] fromTo = new int[parts.length * 2];
        for (int i = 0; i < parts.length; i++) {
            String[] pair = parts[i].strip().split("-");
            if (pair.length != 2) {
                throw new IllegalArgumentException("not an interval: " + parts[i]);
            }
            int from = Integer.parseInt(pair[0]);
            int to = Integer.parseInt(pair[1]);
            if (from < 0 || to < from) {
                throw new IllegalArgumentException("not an interval: " + parts[i]);
            }
            fromTo[2 * i] = from;
            fromTo[2 * i + 1] = to;
        }
        return of(fromTo);
    }

    /** PostgreSQL's text form of an int4multirange: {[0,5000),[7000,9000)} or {}. */
    static Intervals parseMultirange(String text) {
        if (text == null) {
            return EMPTY;
        }
        List<Integer> fromTo = new ArrayList<>();
        Matcher m = RANGE.matcher(text);
        while (m.find()) {
            fromTo.add(Integer.parseInt(m.group(1)));
            fromTo.add(Integer.parseInt(m.group(2)));
        }
        return of(fromTo.stream().mapToInt(Integer::intValue).toArray());
    }

    String toMultirange() {
        StringBuilder text = new StringBuilder("{");
        for (int i = 0; i < bounds.length; i += 2) {
            if (i > 0) {
                text.append(',');
            }
            text.append('[').append(bounds[i]).append(',').append(bounds[i + 1]).append(')');
        }
        return text.append('}').toString();
    }

    Intervals union(Intervals other) {
        int[] both = Arrays.copyOf(bounds, bounds.length + other.bounds.length);
        System.arraycopy(other.bounds, 0, both, bounds.length, other.bounds.length);
        return of(both);
    }

    /** Only what lies within [0, durationMs): a player cannot watch before the start or after the end. */
    Intervals clip(int durationMs) {
        int[] clipped = bounds.clone();
        for (int i = 0; i < clipped.length; i++) {
            clipped[i] = Math.max(0, Math.min(durationMs, clipped[i]));
        }
        return of(clipped);
    }

    /** Milliseconds covered. */
    long covered() {
        long total = 0;
        for (int i = 0; i < bounds.length; i += 2) {
            total += bounds[i + 1] - bounds[i];
        }
        return total;
    }

    /** Where the last stretch ends (0 when empty). */
    int end() {
        return bounds.length == 0 ? 0 : bounds[bounds.length - 1];
    }

    boolean isEmpty() {
        return bounds.length == 0;
    }

    /** How much coverage {@code claimed} adds to this. */
    long added(Intervals claimed) {
        return union(claimed).covered() - covered();
    }

    /**
     * Whether a player could really have covered {@code coveredMs} of the video in the {@code elapsedMs} since the
     * learner's first heartbeat on the lesson: at most {@link #SPEED} times real time, plus a little jitter, once.
     */
    static boolean plausible(long coveredMs, long elapsedMs) {
        return coveredMs <= SPEED * Math.max(0, elapsedMs) + GRACE_MS;
    }

    /** Covered time reaches the threshold share of the duration (e.g. 0.90): the lesson is done. */
    static boolean reaches(long coveredMs, int durationMs, BigDecimal threshold) {
        return durationMs > 0
                && BigDecimal.valueOf(coveredMs).compareTo(threshold.multiply(BigDecimal.valueOf(durationMs))) >= 0;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Intervals other && Arrays.equals(bounds, other.bounds);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bounds);
    }

    @Override
    public String toString() {
        return toMultirange();
    }
}
