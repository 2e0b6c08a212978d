package vn.hocso.content;

import vn.hocso.course.CourseAuthor;

/**
 * Every size and range a course folder is checked against (courses/README.md states them to authors). They keep
 * pages readable on a phone and keep one import from loading unbounded text into the database; change one here and
 * in the README together.
 */
final class Limits {

    /** Slugs end up in URLs. */
    static final int MAX_SLUG_LENGTH = 100;
    /** Ids of modules, lessons, questions and options: stable keys, short enough to read in a problem report. */
    static final int MAX_ID_LENGTH = 64;
    /** Course, module and lesson titles: a heading, not a paragraph. */
    static final int MAX_TITLE_LENGTH = 300;

    static final int MAX_SUMMARY_LENGTH = 2000;
    /** An author's sign-in name or e-mail (an address can be 320 characters long). */
    static final int MAX_AUTHOR_LENGTH = CourseAuthor.MAX_LOGIN;
    /** A text lesson's Markdown, in characters: a long reading, not a book. */
    static final int MAX_LESSON_BODY_LENGTH = 100_000;
    /** A lesson's estimated minutes: up to ten hours. */
    static final int MAX_LESSON_MINUTES = 600;

    /** Questions in one quiz file; the quiz feature caps the answers of one attempt at the same number. */
    static final int MAX_QUESTIONS = 500;
    /** A choice question needs something to choose between, and no more options than fit on a phone screen. */
    static final int MIN_OPTIONS = 2;

    static final int MAX_OPTIONS = 10;
    /** Question stems and feedback (Markdown). */
    static final int MAX_STEM_LENGTH = 4000;

    static final int MAX_OPTION_LENGTH = 1000;
    /** Accepted answers of one text question, and the length of each. */
    static final int MAX_ACCEPTED_ANSWERS = 20;

    static final int MAX_ANSWER_LENGTH = 200;
    static final int MAX_TAG_LENGTH = 64;
    /** A question's points: more than 0, at most this. */
    static final int MAX_WEIGHT = 100;

    static final int MAX_TIME_LIMIT_MINUTES = 600;
    static final int MAX_ATTEMPTS = 100;
    /** The longest wait between two attempts: a week. */
    static final int MAX_DELAY_MINUTES = 7 * 24 * 60;

    static final int DEFAULT_PASS_PERCENT = 80;

    /** YAML bombs: a few aliases are useful, thousands expand a small file into gigabytes. */
    static final int MAX_YAML_ALIASES = 10;
    /** The largest YAML document read, in code points. */
    static final int MAX_YAML_CODE_POINTS = 1_000_000;

    private Limits() {}
}
