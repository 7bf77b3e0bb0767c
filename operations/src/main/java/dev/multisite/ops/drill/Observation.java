package dev.multisite.ops.drill;

import java.util.Set;

/**
 * One sample taken by an observer.
 *
 * @param atMillis milliseconds since the drill started
 * @param observer which observer (e.g. {@code dns:8.8.8.8}, {@code http})
 * @param kind     DNS answer or HTTP probe
 * @param sites    DNS: the sites the answer pointed at; HTTP: the site that answered (if any)
 * @param ok       DNS: an answer came back; HTTP: status 200
 * @param detail   status code, error or answer, for the report
 */
public record Observation(long atMillis, String observer, Kind kind, Set<String> sites, boolean ok, String detail) {
    public enum Kind { DNS, HTTP }
}
