package vn.hocso.reminder;

import java.util.List;

/**
 * Subjects of the messages. People have no language of their own on the platform yet, so reminders are written in
 * Vietnamese with an English line under it (the templates do the same).
 */
final class ReminderText {

    private ReminderText() {}

    static String learnerSubject(List<Reminders.Item> items) {
        boolean overdue = items.stream().anyMatch(Reminders.Item::overdue);
        return overdue ? "HọcSố: khoá học quá hạn / overdue courses" : "HọcSố: khoá học sắp đến hạn / courses due soon";
    }

    static String digestSubject(String week) {
        return "HọcSố: tình hình quá hạn tuần " + week + " / overdue digest " + week;
    }
}
