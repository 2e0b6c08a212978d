/** The application's own settings: one typed, validated mapping of everything under {@code hocso.*}. */
package vn.hocso.config;
