/** Sign-in, the person's profile synced from the token, the current user and roles. */
package vn.hocso.account;
