package org.plantrack.adapter.cli;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** A report's value on the command line: a plain decimal number, said so when it is not one. */
final class NumberConverter implements ITypeConverter<Double> {
    @Override
    public Double convert(String value) {
        try {
            double d = Double.parseDouble(value.strip());
            if (!Double.isFinite(d)) {
                throw new NumberFormatException();
            }
            return d;
        } catch (NumberFormatException e) {
            throw new TypeConversionException("a number such as 120 or 2.5, found '" + value + "'");
        }
    }
}
