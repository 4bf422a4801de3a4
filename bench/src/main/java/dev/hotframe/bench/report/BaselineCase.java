package dev.hotframe.bench.report;

import java.util.ArrayList;
import java.util.List;

/** The two restart loops on one edit of one project: edit to first-frame PNG, and their compile share, in ms. */
public final class BaselineCase {

    private final String project;
    private final String edit;
    private final List<Double> mvn = new ArrayList<>();
    private final List<Double> mvnCompile = new ArrayList<>();
    private final List<Double> javac = new ArrayList<>();
    private final List<Double> javacCompile = new ArrayList<>();

    public BaselineCase(String project, String edit) {
        this.project = project;
        this.edit = edit;
    }

    public void addMvn(double totalMs, double compileMs) {
        mvn.add(totalMs);
        mvnCompile.add(compileMs);
    }

    public void addJavac(double totalMs, double compileMs) {
        javac.add(totalMs);
        javacCompile.add(compileMs);
    }

    public String project() {
        return project;
    }

    public String edit() {
        return edit;
    }

    public Summary mvn() {
        return Summary.of(mvn);
    }

    public Summary javac() {
        return Summary.of(javac);
    }

    public double mvnCompileMedian() {
        return Summary.median(mvnCompile);
    }

    public double javacCompileMedian() {
        return Summary.median(javacCompile);
    }
}
