package dev.multisite.fleet.parts;

import com.pulumi.core.Output;

import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * What the data-endpoints part tells every site of the data tier, as the data part made it.
 *
 * @param partitions    every partition, in the topology's order
 * @param writeHost     partition -> its write host
 * @param readHost      (site, partition) -> the host that site reads it from: a node of its own, else the primary
 * @param credentialRef the first partition's primary's credential reference ("" for IAM authentication)
 * @param user          the database user every site connects as
 */
public record DataReads(List<String> partitions, Function<String, Output<String>> writeHost,
                        BiFunction<String, String, Output<String>> readHost, Output<String> credentialRef, Output<String> user) {
}
