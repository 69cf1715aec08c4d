package org.opensoc.batch.export;

/**
 * Neutralizes spreadsheet formulas in CSV cells, per OWASP's CSV Injection guidance: a cell that starts with
 * {@code = + - @}, a tab or a carriage return is prefixed with a single quote, so a spreadsheet shows it as
 * text instead of evaluating attacker-controlled log content.
 */
final class FormulaGuard {

    private FormulaGuard() {
    }

    static String cell(String value) {
        if (value == null || value.isEmpty()) {
            return value;
        }
        char first = value.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r'
                ? "'" + value : value;
    }
}
