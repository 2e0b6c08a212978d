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

    static String name(Category category, @TemplateAttribute("locale") Object locale) {
        return pick(category.nameVi, category.nameEn, locale);
    }

    /** Qute hands the template's locale over as a Locale or as its tag, "en" or "en_US" alike. */
    private static String pick(String vi, String en, Object locale) {
        boolean english = locale != null && locale.toString().startsWith("en");
        return Locales.pick(vi, en, english ? Locales.ENGLISH : Locales.VIETNAMESE);
    }
}
