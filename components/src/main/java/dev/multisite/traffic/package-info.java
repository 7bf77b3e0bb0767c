/**
 * Global traffic: one health definition turned into Route 53 health checks and routing records,
 * Cloudflare monitors, pools and a load balancer, an ExternalDNS per site with least-privilege
 * credentials, and the deep health app every check probes.
 */
package dev.multisite.traffic;
