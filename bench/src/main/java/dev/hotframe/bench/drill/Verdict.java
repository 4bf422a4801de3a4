package dev.hotframe.bench.drill;

/** One check of one row: passed or not, and what was seen ({@code ok:false: System.exit(3) refused in render ...}). */
record Verdict(Outcome outcome, String detail) {

    /** A check's result; {@code NOT_RUN} when an earlier failure (a dead viewer) left nothing to check. */
    enum Outcome { PASS, FAIL, NOT_APPLICABLE, NOT_RUN }

    static Verdict pass(String detail) {
        return new Verdict(Outcome.PASS, detail);
    }

    static Verdict fail(String detail) {
        return new Verdict(Outcome.FAIL, detail);
    }

    static Verdict of(boolean pass, String detail) {
        return new Verdict(pass ? Outcome.PASS : Outcome.FAIL, detail);
    }

    static Verdict notApplicable(String why) {
        return new Verdict(Outcome.NOT_APPLICABLE, why);
    }

    static Verdict notRun(String why) {
        return new Verdict(Outcome.NOT_RUN, why);
    }

    /** Passed, or could not apply to this project (counted as passing, and said in the notes). */
    boolean passes() {
        return outcome == Outcome.PASS || outcome == Outcome.NOT_APPLICABLE;
    }

    String cell() {
        return switch (outcome) {
            case PASS -> "yes";
            case FAIL -> "NO";
            case NOT_APPLICABLE -> "n/a";
            case NOT_RUN -> "-";
        };
    }
}
