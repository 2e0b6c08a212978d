/** Quizzes: question banks, attempts with a server-side clock, grading, review and item statistics. */
package vn.hocso.quiz;
