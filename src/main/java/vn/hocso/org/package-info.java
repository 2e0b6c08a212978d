/** Organisation units: the tree of provinces, communes and agencies with their history. */
package vn.hocso.org;
