package io.cellgate.shell;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;

/** The machine-readable form of every {@code --json} command: pretty JSON, NaN written as is. */
final class Json {

    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().serializeNulls().serializeSpecialFloatingPointValues()
            .create();

    private Json() {
    }

    static String print(JsonElement e) {
        return GSON.toJson(e) + "\n";
    }
}
