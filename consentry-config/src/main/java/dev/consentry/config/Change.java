package dev.consentry.config;

/**
 * One line of a plan: {@code +} to create, {@code ~} to change, {@code -} to remove (with --prune), {@code !} a
 * difference the API cannot apply (apply refuses the whole file), {@code =} unchanged, {@code ?} in the shop only and
 * kept. {@code action} makes the change; null for the last three.
 */
record Change(char symbol, String item, String note, Runnable action) {

    static Change unchanged(String item) {
        return new Change('=', item, null, null);
    }

    boolean applies() {
        return action != null;
    }

    @Override
    public String toString() {
        return symbol + " " + item + (note == null ? "" : "  (" + note + ")");
    }
}
