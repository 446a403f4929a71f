package io.posunbind.scenario;

/** A scenario file cannot be read; the message names the file and what is wrong. */
public class ScenarioFormatException extends RuntimeException {
    private final String file;

    public ScenarioFormatException(String file, String message) {
        super(file + ": " + message);
        this.file = file;
    }

    public String file() {
        return file;
    }
}
