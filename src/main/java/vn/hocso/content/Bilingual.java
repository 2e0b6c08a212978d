package vn.hocso.content;

/** A text in Vietnamese (always given) and English (optional: null when absent); stripped of outer spaces. */
record Bilingual(String vi, String en) {

    static final Bilingual NONE = new Bilingual(null, null);
}
