package io.cellgate.web;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.servlet.whiteboard.annotations.RequireHttpWhiteboard;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardResource;

/**
 * uPlot (MIT licence, {@code META-INF/resources/webjars/uplot/1.6.30/LICENSE} in this bundle), the pack page's
 * charts, served at {@code /static/uplot/} from the files of its webjar, copied into the bundle as they are.
 */
@Component(service = ChartLibrary.class)
@HttpWhiteboardResource(pattern = "/static/uplot/*", prefix = "/META-INF/resources/webjars/uplot/1.6.30/dist")
@RequireHttpWhiteboard
public final class ChartLibrary {
}
