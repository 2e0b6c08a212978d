/** The job table and the worker loop every instance runs: background work without a broker. */
package vn.hocso.job;
