/** The audit log of admin actions: who did what to which object, when and why. */
package vn.hocso.audit;
