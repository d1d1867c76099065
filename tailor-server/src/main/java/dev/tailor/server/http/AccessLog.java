// SPDX-License-Identifier: Apache-2.0
package dev.tailor.server.http;

import dev.tailor.server.json.JsonWriter;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One JSON object per request on the {@value #LOGGER} logger (time, method, path, route, status, duration,
 * key name, request id, client address), for log pipelines that parse JSON. Route it to its
 * own appender, or turn it off with the logger level or the server's access-log setting.
 */
public final class AccessLog {
    public static final String LOGGER = "dev.tailor.server.access";
    private static final Logger LOG = LoggerFactory.getLogger(LOGGER);

    private final boolean enabled;

    public AccessLog(boolean enabled) {
        this.enabled = enabled;
    }

    public boolean active() {
        return enabled && LOG.isInfoEnabled();
    }

    /** Renders one line (exposed for tests). */
    static String line(Instant at, String method, String path, String route, int status, long nanos, String key,
            String requestId, String ip) {
        JsonWriter w = new JsonWriter(256);
        w.beginObject();
        w.name("ts").value(at.toString());
        w.name("method").value(method);
        w.name("path").value(path);
        w.name("route").value(route);
        w.name("status").value(status);
        w.name("duration_ms").value(Math.round(nanos / 1e4) / 100.0);
        if (key != null) {
            w.name("key").value(key);
        }
        if (requestId != null) {
            w.name("request_id").value(requestId);
        }
        w.name("ip").value(ip);
        w.endObject();
        return w.toString();
    }

    public void log(String method, String path, String route, int status, long nanos, String key,
            String requestId, String ip) {
        if (active()) {
            LOG.info(line(Instant.now(), method, path, route, status, nanos, key, requestId, ip));
        }
    }
}
