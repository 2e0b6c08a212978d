/** Reminders by e-mail: learners about assigned courses due soon or overdue, unit admins a weekly digest. */
package vn.hocso.reminder;
