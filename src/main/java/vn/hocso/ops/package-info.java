/** What an operator sees: readiness of each dependency, bounded in time, and the platform's own metrics. */
package vn.hocso.ops;
