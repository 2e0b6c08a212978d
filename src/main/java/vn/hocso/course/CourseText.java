package vn.hocso.course;

import io.quarkus.qute.TemplateExtension;
import io.quarkus.qute.TemplateExtension.TemplateAttribute;
import vn.hocso.web.Locales;

/**
 * The language-dependent text of courses in templates: {@code {course.title}} shows the English title to a
 * person who chose English (when the course has one) and the Vietnamese one otherwise.
 */
@TemplateExtension
class CourseText {

    private CourseText() {}

    static String title(Course course, @TemplateAttribute("locale") Object locale) {
        return pick(course.titleVi, course.titleEn, locale);
    }

    static String summary(Course course, @TemplateAttribute("locale") Object locale) {
        return pick(course.summaryVi, course.summaryEn, locale);
    }

    static String title(CourseModule module, @TemplateAttribute("locale") Object locale) {
        return pick(module.titleVi, module.titleEn, locale);
    }

    static String title(Lesson lesson, @TemplateAttribute("locale") Object locale) {
        return pick(lesson.titleVi, lesson.titleEn, locale);
    }

    /** A text lesson's body (sanitised HTML) in the person's language, Vietnamese when it has no English one. */
    static String body(Lesson lesson, @TemplateAttribute("locale") Object locale) {
        return pick(lesson.bodyHtml, lesson.bodyHtmlEn, locale);
    }

    /** Whether a person reading in English gets this text lesson in Vietnamese (no English body written). */
    static boolean vietnameseOnly(Lesson lesson, @TemplateAttribute("locale") Object locale) {
        return english(locale) && (lesson.bodyHtmlEn == null || lesson.bodyHtmlEn.isBlank());
    }

    static String name(Category category, @TemplateAttribute("locale") Object locale) {
        return pick(category.nameVi, category.nameEn, locale);
    }

    /** Qute hands the template's locale over as a Locale or as its tag, "en" or "en_US" alike. */
    private static String pick(String vi, String en, Object locale) {
        return Locales.pick(vi, en, english(locale) ? Locales.ENGLISH : Locales.VIETNAMESE);
    }

    private static boolean english(Object locale) {
        return locale != null && locale.toString().startsWith("en");
    }
}
