package vn.hocso.content;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * course.yaml as the editor changes it: read from a draft's file, changed field by field, written back in the format
 * of courses/README.md. It only carries values; whether they are valid is decided by {@link CourseFolder} (and, per
 * form field, {@link Fields}) — the importer's rules, not a second copy of them.
 */
final class CourseYaml {

    public String slug;
    public String titleVi;
    public String titleEn;
    public String summaryVi;
    public String summaryEn;
    public String category;
    public List<String> targetGroups = new ArrayList<>();
    public String level;
    public String status;
    public String finalQuiz;
    public List<String> authors = new ArrayList<>();
    public List<ModuleYaml> modules = new ArrayList<>();

    static final class ModuleYaml {
        public String id;
        public String titleVi;
        public String titleEn;
        public List<LessonYaml> lessons = new ArrayList<>();
    }

    static final class LessonYaml {
        public String id;
        public String kind;
        public String file;
        public String titleVi;
        public String titleEn;
        public Integer minutes;
        public boolean required = true;
        public String video;
        public Map<String, String> captions = new LinkedHashMap<>();
    }

    /** Reads a course.yaml the importer accepted or the editor wrote; a field it cannot read is left empty. */
    static CourseYaml parse(String text) {
        CourseYaml c = new CourseYaml();
        Map<String, Object> m = map(load(text));
        c.slug = str(m.get("slug"));
        c.titleVi = lang(m.get("title"), "vi");
        c.titleEn = lang(m.get("title"), "en");
        c.summaryVi = lang(m.get("summary"), "vi");
        c.summaryEn = lang(m.get("summary"), "en");
        c.category = str(m.get("category"));
        c.targetGroups = strings(m.get("targetGroups"));
        c.level = str(m.get("level"));
        c.status = str(m.get("status"));
        c.finalQuiz = str(map(m.get("completion")).get("finalQuiz"));
        c.authors = strings(m.get("authors"));
        for (Object mod : list(m.get("modules"))) {
            Map<String, Object> mm = map(mod);
            ModuleYaml module = new ModuleYaml();
            module.id = str(mm.get("id"));
            module.titleVi = lang(mm.get("title"), "vi");
            module.titleEn = lang(mm.get("title"), "en");
            for (Object les : list(mm.get("lessons"))) {
                Map<String, Object> lm = map(les);
                LessonYaml lesson = new LessonYaml();
                lesson.id = str(lm.get("id"));
                lesson.kind = str(lm.get("kind"));
                lesson.file = str(lm.get("file"));
                lesson.titleVi = lang(lm.get("title"), "vi");
                lesson.titleEn = lang(lm.get("title"), "en");
                lesson.minutes = lm.get("minutes") instanceof Number n ? n.intValue() : null;
                lesson.required = !Boolean.FALSE.equals(lm.get("required"));
                lesson.video = str(lm.get("video"));
                map(lm.get("captions")).forEach((k, v) -> lesson.captions.put(k, str(v)));
                module.lessons.add(lesson);
            }
            c.modules.add(module);
        }
        return c;
    }

    String write() {
        StringBuilder y = new StringBuilder();
        y.append("title:\n");
        langs(y, "  ", titleVi, titleEn);
        y.append("summary:\n");
        langs(y, "  ", summaryVi, summaryEn);
        if (slug != null) {
            y.append("slug: ").append(q(slug)).append('\n');
        }
        y.append("category: ").append(q(category)).append('\n');
        y.append("targetGroups: ").append(flow(targetGroups)).append('\n');
        y.append("level: ").append(q(level)).append('\n');
        y.append("status: ").append(q(status == null ? "draft" : status)).append('\n');
        if (!authors.isEmpty()) {
            y.append("authors: ").append(flow(authors)).append('\n');
        }
        if (finalQuiz != null && !finalQuiz.isBlank()) {
            y.append("completion:\n  finalQuiz: ").append(q(finalQuiz)).append('\n');
        }
        y.append("modules:");
        if (modules.isEmpty()) {
            y.append(" []");
        }
        y.append('\n');
        for (ModuleYaml module : modules) {
            y.append("  - id: ").append(q(module.id)).append('\n');
            y.append("    title: ")
                    .append(inline(module.titleVi, module.titleEn))
                    .append('\n');
            y.append("    lessons:");
            if (module.lessons.isEmpty()) {
                y.append(" []");
            }
            y.append('\n');
            for (LessonYaml l : module.lessons) {
                y.append("      - id: ").append(q(l.id)).append('\n');
                y.append("        kind: ").append(q(l.kind)).append('\n');
                if (!"text".equals(l.kind)) {
                    y.append("        title: ")
                            .append(inline(l.titleVi, l.titleEn))
                            .append('\n');
                }
                if (l.minutes != null && !"text".equals(l.kind)) {
                    y.append("        minutes: ").append(l.minutes).append('\n');
                }
                if (l.file != null) {
                    y.append("        file: ").append(q(l.file)).append('\n');
                }
                if (l.video != null) {
                    y.append("        video: ").append(q(l.video)).append('\n');
                }
                if (!l.captions.isEmpty()) {
                    y.append("        captions: {");
                    y.append(String.join(
                            ", ",
                            l.captions.entrySet().stream()
                                    .map(e -> e.getKey() + ": " + q(e.getValue()))
                                    .toList()));
                    y.append("}\n");
                }
                if (!l.required) {
                    y.append("        required: false\n");
                }
            }
        }
        return y.toString();
    }

    /** Every lesson of the outline, module by module. */
    public List<LessonYaml> lessons() {
        return modules.stream().flatMap(m -> m.lessons.stream()).toList();
    }

    LessonYaml lesson(String id) {
        return lessons().stream().filter(l -> id.equals(l.id)).findFirst().orElse(null);
    }

    ModuleYaml moduleOf(String lessonId) {
        return modules.stream()
                .filter(m -> m.lessons.stream().anyMatch(l -> lessonId.equals(l.id)))
                .findFirst()
                .orElse(null);
    }

    ModuleYaml module(String id) {
        return modules.stream().filter(m -> id.equals(m.id)).findFirst().orElse(null);
    }

    // --- writing YAML: every text double-quoted, so nothing a trainer types is read back as YAML syntax

    static String q(String text) {
        if (text == null) {
            return "\"\"";
        }
        StringBuilder b = new StringBuilder("\"");
        text.codePoints().forEach(cp -> {
            switch (cp) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (cp < 0x20 || cp == 0x7f || (cp >= 0x80 && cp < 0xa0) || cp == 0x2028 || cp == 0x2029) {
                        b.append(String.format("\\u%04x", cp));
                    } else {
                        b.appendCodePoint(cp);
                    }
                }
            }
        });
        return b.append('"').toString();
    }

    static void langs(StringBuilder y, String indent, String vi, String en) {
        y.append(indent).append("vi: ").append(q(vi)).append('\n');
        if (en != null && !en.isBlank()) {
            y.append(indent).append("en: ").append(q(en)).append('\n');
        }
    }

    static String inline(String vi, String en) {
        return "{vi: " + q(vi) + (en != null && !en.isBlank() ? ", en: " + q(en) : "") + "}";
    }

    static String flow(List<String> values) {
        return "[" + String.join(", ", values.stream().map(CourseYaml::q).toList()) + "]";
    }

    // --- reading: the file was accepted by the importer or written above, so only its values are taken

    static Object load(String text) {
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(Limits.MAX_YAML_ALIASES);
        options.setCodePointLimit(Limits.MAX_YAML_CODE_POINTS);
        try {
            return new Yaml(new SafeConstructor(options)).load(text);
        } catch (RuntimeException e) {
            return Map.of();
        }
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object o) {
        return o instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    static List<Object> list(Object o) {
        return o instanceof List<?> l ? new ArrayList<>(l) : List.of();
    }

    static String str(Object o) {
        return o == null || o instanceof Map || o instanceof List ? null : o.toString();
    }

    static List<String> strings(Object o) {
        List<String> values = new ArrayList<>();
        list(o).forEach(v -> {
            String s = str(v);
            if (s != null) {
                values.add(s);
            }
        });
        return values;
    }

    static String lang(Object o, String lang) {
        return str(map(o).get(lang));
    }
}
