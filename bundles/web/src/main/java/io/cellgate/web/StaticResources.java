package io.cellgate.web;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.servlet.whiteboard.annotations.RequireHttpWhiteboard;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardResource;

/** The pages' scripts, styles and the chart library, served by the whiteboard from {@code /web/static} in the bundle. */
@Component(service = StaticResources.class)
@HttpWhiteboardResource(pattern = "/static/*", prefix = "/web/static")
@RequireHttpWhiteboard
public final class StaticResources {
}
