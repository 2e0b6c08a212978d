package vn.hocso.content;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a draft changes against the published course, for the reviewer: lessons added and removed (retired), and
 * each file added, removed or edited, with a line-by-line diff of its text.
 */
record DraftDiff(List<String> lessonsAdded, List<String> lessonsRemoved, List<FileDiff> files) {

    /** Files longer than this are compared as a whole (changed or not), not line by line. */
    static final int MAX_DIFF_LINES = 3000;

    record FileDiff(String path, String change, List<Line> lines) {}

    /** A line of a diff: {@code kind} is "same", "added" or "removed". */
    record Line(String kind, String text) {}

    public boolean isEmpty() {
        return lessonsAdded.isEmpty() && lessonsRemoved.isEmpty() && files.isEmpty();
    }

    static DraftDiff of(Map<String, String> published, Map<String, String> draft) {
        Set<String> before = lessonIds(published);
        Set<String> after = lessonIds(draft);
        List<String> added = after.stream().filter(id -> !before.contains(id)).toList();
        List<String> removed = before.stream().filter(id -> !after.contains(id)).toList();
        List<FileDiff> files = new ArrayList<>();
        Set<String> paths = new LinkedHashSet<>(published.keySet());
        paths.addAll(draft.keySet());
        for (String path : paths) {
            String old = published.get(path);
            String now = draft.get(path);
            if (old == null) {
                files.add(new FileDiff(path, "added", lines(List.of(), now)));
            } else if (now == null) {
                files.add(new FileDiff(path, "removed", lines(split(old), "")));
            } else if (!old.equals(now)) {
                files.add(new FileDiff(path, "changed", lines(split(old), now)));
            }
        }
        return new DraftDiff(added, removed, files);
    }

    private static Set<String> lessonIds(Map<String, String> files) {
        String yaml = files.get(CourseFiles.COURSE_FILE);
        Set<String> ids = new LinkedHashSet<>();
        if (yaml != null) {
            CourseYaml.parse(yaml).lessons().forEach(l -> ids.add(l.id));
        }
        return ids;
    }

    private static List<String> split(String text) {
        return text.isEmpty() ? List.of() : List.of(text.split("\n", -1));
    }

    /** The longest common subsequence of lines, walked into same/removed/added lines. */
    private static List<Line> lines(List<String> a, String now) {
        List<String> b = split(now);
        if ((long) a.size() * b.size() > (long) MAX_DIFF_LINES * MAX_DIFF_LINES / 4) {
            List<Line> whole = new ArrayList<>();
            a.forEach(l -> whole.add(new Line("removed", l)));
            b.forEach(l -> whole.add(new Line("added", l)));
            return whole;
        }
        int[][] lcs = new int[a.size() + 1][b.size() + 1];
        for (int i = a.size() - 1; i >= 0; i--) {
            for (int j = b.size() - 1; j >= 0; j--) {
                lcs[i][j] = a.get(i).equals(b.get(j)) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
            }
        }
        List<Line> out = new ArrayList<>();
        int i = 0;
        int j = 0;
        while (i < a.size() && j < b.size()) {
            if (a.get(i).equals(b.get(j))) {
                out.add(new Line("same", a.get(i)));
                i++;
                j++;
            } else if (lcs[i + 1][j] >= lcs[i][j + 1]) {
                out.add(new Line("removed", a.get(i++)));
            } else {
                out.add(new Line("added", b.get(j++)));
            }
        }
        while (i < a.size()) {
            out.add(new Line("removed", a.get(i++)));
        }
        while (j < b.size()) {
            out.add(new Line("added", b.get(j++)));
        }
        return out;
    }
}
