/**
 * The data tier: PostgreSQL with one write primary per partition and read replicas, built per
 * provider behind the {@link dev.multisite.data.DatabaseHost} seam, and the endpoints every site
 * is told (a ConfigMap of host names and a Secret with the credential references).
 */
package dev.multisite.data;
