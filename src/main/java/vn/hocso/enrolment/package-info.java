/** Joining a course, self-service or assigned. */
package vn.hocso.enrolment;
