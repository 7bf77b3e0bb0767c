package dev.multisite.topology;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A key that must be set whenever its block is: the parser refuses the block without it, naming the
 * key. The component package lists these keys as the required properties of its schema's types
 * (a test removes each one from the example stacks and expects the parser to refuse it).
 * Keys required only under a condition (a cloud site's node pools, a primary-replica data tier's
 * primary) are not marked: the schema cannot say "required when".
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.RECORD_COMPONENT)
public @interface Required {
}
