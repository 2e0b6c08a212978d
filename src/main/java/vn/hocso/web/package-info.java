/** Layout, language, flash messages, CSRF form tag and error pages shared by every page. */
package vn.hocso.web;
