package org.plantrack.adapter.cli;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Reads ISO dates ({@code 2017-06-30}) with a message that shows the expected form. */
final class DateConverter implements ITypeConverter<LocalDate> {
    @Override
    public LocalDate convert(String value) {
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new TypeConversionException("a date as YYYY-MM-DD (e.g. 2017-06-30), found '" + value + "'");
        }
    }
}
