package dev.consentry.dsr.model;

import jakarta.persistence.AttributeConverter;

import java.util.Locale;

/** Enums that the API, the events and the database name in lowercase ({@code consent_withdrawal}). */
final class WireNames {

    private WireNames() {
    }

    static String of(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }

    /** The constant of {@code type} named {@code wire}; an unknown name is an {@link IllegalArgumentException}. */
    static <E extends Enum<E>> E parse(Class<E> type, String wire) {
        for (E e : type.getEnumConstants()) {
            if (of(e).equals(wire)) {
                return e;
            }
        }
        throw new IllegalArgumentException("not a " + type.getSimpleName());
    }

    /** Stores an enum by its wire name. */
    abstract static class Column<E extends Enum<E>> implements AttributeConverter<E, String> {
        private final Class<E> type;

        Column(Class<E> type) {
            this.type = type;
        }

        @Override
        public String convertToDatabaseColumn(E value) {
            return value == null ? null : of(value);
        }

        @Override
        public E convertToEntityAttribute(String wire) {
            return wire == null ? null : parse(type, wire);
        }
    }
}
