package vn.hocso.web;

import java.util.LinkedHashMap;
import java.util.Map;

/** What was wrong with a submitted form, field by field, already in the person's language. */
public class FormErrors {

    private final Map<String, String> byField = new LinkedHashMap<>();

    public FormErrors add(String field, String text) {
        byField.putIfAbsent(field, text);
        return this;
    }

    public boolean has(String field) {
        return byField.containsKey(field);
    }

    public String get(String field) {
        return byField.get(field);
    }

    public boolean isEmpty() {
        return byField.isEmpty();
    }

    public Map<String, String> all() {
        return byField;
    }
}
