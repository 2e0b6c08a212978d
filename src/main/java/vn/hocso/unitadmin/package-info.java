/** Unit admins' work: the organisation tree administered, grants scoped to subtrees, rosters and people of units. */
package vn.hocso.unitadmin;
