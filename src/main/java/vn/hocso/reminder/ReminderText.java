package vn.hocso.reminder;

import java.util.List;
import java.util.Locale;
import vn.hocso.web.Locales;

/** Subjects of the messages, in the person's language (Vietnamese unless they chose English). */
final class ReminderText {

    private ReminderText() {}

    static String learnerSubject(List<Reminders.Item> items, Locale language) {
        boolean overdue = items.stream().anyMatch(Reminders.Item::overdue);
        if (Locales.ENGLISH.equals(language)) {
            return overdue ? "HọcSố: overdue courses" : "HọcSố: courses due soon";
        }
        return overdue ? "HọcSố: khoá học quá hạn" : "HọcSố: khoá học sắp đến hạn";
    }

    static String digestSubject(String week, Locale language) {
        return Locales.ENGLISH.equals(language)
                ? "HọcSố: overdue digest, week " + week
                : "HọcSố: tình hình quá hạn tuần " + week;
    }
}
