package io.cellgate.web;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import io.cellgate.operate.Refusal;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.Reader;

/** The API's answers, JSON in and out, and its errors as {@code {"error": "…"}}: a message, never a stack trace. */
final class JsonHttp {

    static final Gson GSON = new GsonBuilder().serializeNulls().disableHtmlEscaping().create();
    /** A change's body is a few short fields: anything longer is no request of the console's. */
    private static final int MAX_BODY_CHARS = 4096;

    private JsonHttp() {
    }

    static void json(HttpServletResponse resp, JsonElement body) throws IOException {
        resp.setContentType("application/json");
        resp.setCharacterEncoding("UTF-8");
        resp.setHeader("Cache-Control", "no-store");
        resp.getWriter().write(GSON.toJson(body));
    }

    static void error(HttpServletResponse resp, int status, String message) throws IOException {
        resp.setStatus(status);
        JsonObject o = new JsonObject();
        o.addProperty("error", message);
        json(resp, o);
    }

    /** The request's JSON object; anything else is a {@link Refusal} (400). */
    static JsonObject body(HttpServletRequest req) throws IOException {
        String type = req.getContentType() == null ? "" : req.getContentType();
        if (!type.startsWith("application/json")) {
            throw new Refusal("send the request as Content-Type: application/json");
        }
        char[] buffer = new char[MAX_BODY_CHARS + 1];
        int n = 0;
        try (Reader r = req.getReader()) {
            for (int read; n < buffer.length && (read = r.read(buffer, n, buffer.length - n)) > 0; ) {
                n += read;
            }
        }
        if (n > MAX_BODY_CHARS) {
            throw new Refusal("the request's body is longer than " + MAX_BODY_CHARS + " characters");
        }
        try {
            JsonElement e = JsonParser.parseString(new String(buffer, 0, n));
            if (e.isJsonObject()) {
                return e.getAsJsonObject();
            }
        } catch (JsonParseException e) {
            // answered below, without the parser's words
        }
        throw new Refusal("the request's body is not a JSON object");
    }

    /** A text field of the body; missing or not text is a {@link Refusal}. */
    static String text(JsonObject body, String name) {
        JsonElement e = body.get(name);
        if (e == null || !e.isJsonPrimitive()) {
            throw new Refusal("the request needs \"" + name + "\" (text)");
        }
        return e.getAsString();
    }
}
