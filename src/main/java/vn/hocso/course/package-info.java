/** Courses, modules and lessons as data, and the rules of publishing them. */
package vn.hocso.course;
