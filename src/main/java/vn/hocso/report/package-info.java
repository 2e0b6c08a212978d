/** Completion reports over the unit tree, their exports, and the public statistics. */
package vn.hocso.report;
