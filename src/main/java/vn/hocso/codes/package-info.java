/** Kinds and states kept as short codes in the database, and the converter that maps them to enums. */
package vn.hocso.codes;
