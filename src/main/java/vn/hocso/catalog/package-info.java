/** The public course catalogue and its diacritic-insensitive search. */
package vn.hocso.catalog;
