/** The platform as several instances behind a load balancer, checked against a real cluster (deploy/local/cluster). */
package vn.hocso.cluster;
