/** What counts as done, and a learner's progress through lessons and courses. */
package vn.hocso.progress;
