/** Import of the courses/ folder (course.yaml, Markdown lessons) into courses, and Markdown rendering. */
package vn.hocso.content;
