package vn.hocso.report;

import vn.hocso.account.TargetGroup;

/** Target groups and statuses in the person's language (pages and export cells alike). */
final class Labels {

    private Labels() {}

    static String group(ReportMessages msg, String code) {
        if (code == null) {
            return "";
        }
        return TargetGroup.fromCode(code).map(g -> group(msg, g)).orElse(code);
    }

    static String group(ReportMessages msg, TargetGroup g) {
        return switch (g) {
            case CIVIL_SERVANT -> msg.group_civil_servant();
            case COMMUNITY_TEAM -> msg.group_community_team();
            case CITIZEN -> msg.group_citizen();
        };
    }

    static String status(ReportMessages msg, PeopleStatus.Status s) {
        return switch (s) {
            case NOT_ENROLLED -> msg.status_not_enrolled();
            case ENROLLED -> msg.status_enrolled();
            case STARTED -> msg.status_started();
            case OVERDUE -> msg.status_overdue();
            case COMPLETED -> msg.status_completed();
            case CERTIFIED -> msg.status_certified();
        };
    }
}
