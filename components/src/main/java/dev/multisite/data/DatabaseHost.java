package dev.multisite.data;

import com.pulumi.resources.Resource;
import dev.multisite.site.Site;
import dev.multisite.topology.DataSettings;

/**
 * The per-provider seam of the data tier: how a managed PostgreSQL primary and a same-provider
 * read replica are made. Everything else (who is primary, who reads where, what each site is
 * told) is written once in {@link DatabaseTopology}.
 */
interface DatabaseHost {

    /**
     * @param name    logical name of the instance ({@code <site>-db} or {@code <site>-<partition>-db})
     * @param retired a primary that a promotion replaced: kept (protected) until it is fenced and retired by hand
     */
    DatabaseNode primary(String name, Site site, String partition, DataSettings data, boolean retired, Resource parent);

    DatabaseNode replica(String name, Site site, String partition, DataSettings data, DatabaseNode source, Resource parent);
}
