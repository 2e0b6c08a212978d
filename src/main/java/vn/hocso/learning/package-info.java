/** The learner's own pages that bring features together: my learning, a lesson, my enrolments as JSON. */
package vn.hocso.learning;
