package io.cellgate.operate;

import io.cellgate.api.balancer.ModelDescriptor;
import java.util.List;

/** One registered balancer model, the bundle it comes from, and the running packs that use it now. */
public record ModelRow(ModelDescriptor descriptor, String bundle, String version, List<String> packs) {
}
