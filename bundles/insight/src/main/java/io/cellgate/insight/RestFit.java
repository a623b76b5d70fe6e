package io.cellgate.insight;

/**
 * A least-squares fit of one cell's rest points: its state of charge read at rest ({@code soc}) against the charge
 * counted into it ({@code coulombs}: pack current plus its balancing charge, minus the board's draw) and the time
 * ({@code seconds}), {@code soc = a + coulombs / capacity − seconds · leak / capacity}. The charge counted between
 * rest points of well separated charge gives the capacity; what the counting does not explain over time is the
 * cell's self-discharge. Keeps sums only: adding a point allocates nothing. Not thread-safe.
 */
final class RestFit {

    /** Below this share of independence the charge and the time cannot be told apart (one of them hardly moved). */
    private static final double MIN_INDEPENDENCE = 0.05;

    private int n;
    private double x0;
    private double t0;
    private double sx;
    private double st;
    private double sy;
    private double sxx;
    private double stt;
    private double sxt;
    private double sxy;
    private double sty;
    private double syy;
    /** Sum of each point's own squared SOC error (the reading's error through the curve's slope). */
    private double sErr;
    private double minY = Double.POSITIVE_INFINITY;
    private double maxY = Double.NEGATIVE_INFINITY;
    private double minT = Double.POSITIVE_INFINITY;
    private double maxT = Double.NEGATIVE_INFINITY;

    void add(double soc, double coulombs, double seconds, double socError) {
        if (n == 0) {
            x0 = coulombs;
            t0 = seconds;
        }
        double x = coulombs - x0;
        double t = seconds - t0;
        n++;
        sx += x;
        st += t;
        sy += soc;
        sxx += x * x;
        stt += t * t;
        sxt += x * t;
        sxy += x * soc;
        sty += t * soc;
        syy += soc * soc;
        sErr += socError * socError;
        minY = Math.min(minY, soc);
        maxY = Math.max(maxY, soc);
        minT = Math.min(minT, seconds);
        maxT = Math.max(maxT, seconds);
    }

    void clear() {
        n = 0;
        sx = st = sy = sxx = stt = sxt = sxy = sty = syy = sErr = 0;
        minY = minT = Double.POSITIVE_INFINITY;
        maxY = maxT = Double.NEGATIVE_INFINITY;
    }

    void copyFrom(RestFit other) {
        n = other.n;
        x0 = other.x0;
        t0 = other.t0;
        sx = other.sx;
        st = other.st;
        sy = other.sy;
        sxx = other.sxx;
        stt = other.stt;
        sxt = other.sxt;
        sxy = other.sxy;
        sty = other.sty;
        syy = other.syy;
        sErr = other.sErr;
        minY = other.minY;
        maxY = other.maxY;
        minT = other.minT;
        maxT = other.maxT;
    }

    int points() {
        return n;
    }

    /** The largest minus the smallest SOC among the points. */
    double swing() {
        return n == 0 ? 0 : maxY - minY;
    }

    /** Seconds from the first point to the last. */
    double span() {
        return n == 0 ? 0 : maxT - minT;
    }

    /**
     * Solves the fit.
     *
     * @param minSwing       the SOC swing the points must span for a capacity
     * @param minLeakSeconds the time the points must span for a self-discharge
     */
    Solution solve(double minSwing, double minLeakSeconds) {
        if (n < 3 || swing() < minSwing) {
            return Solution.NONE;
        }
        double mx = sx / n;
        double mt = st / n;
        double my = sy / n;
        double cxx = sxx / n - mx * mx;
        double ctt = stt / n - mt * mt;
        double cxt = sxt / n - mx * mt;
        double cxy = sxy / n - mx * my;
        double cty = sty / n - mt * my;
        double cyy = syy / n - my * my;
        if (!(cxx > 0)) {
            return Solution.NONE;
        }
        double det = cxx * ctt - cxt * cxt;
        boolean separable = n >= 4 && span() >= minLeakSeconds && det > MIN_INDEPENDENCE * cxx * ctt;
        double b;
        double d;
        double residual;
        int parameters;
        double varianceFactor;
        if (separable) {
            b = (cxy * ctt - cty * cxt) / det;
            d = (cty * cxx - cxy * cxt) / det;
            residual = cyy - b * cxy - d * cty;
            parameters = 3;
            varianceFactor = ctt / det;
        } else {
            b = cxy / cxx;
            d = Double.NaN;
            residual = cyy - b * cxy;
            parameters = 2;
            varianceFactor = 1 / cxx;
        }
        if (!(b > 0)) {
            return Solution.NONE;
        }
        double fitted = n > parameters ? Math.max(0, residual) * n / (n - parameters) : 0;
        double variance = Math.max(fitted, sErr / n);
        double relativeError = Math.sqrt(variance * varianceFactor / n) / b;
        double capacityCoulombs = 1 / b;
        return new Solution(capacityCoulombs, Math.max(0, 1 - relativeError), separable ? -d / b : Double.NaN);
    }

    /**
     * @param capacityCoulombs the capacity, in coulombs
     * @param confidence       one minus its relative standard error, 0…1
     * @param leakAmps         the self-discharge, in amperes; NaN when the points cannot tell it
     */
    record Solution(double capacityCoulombs, double confidence, double leakAmps) {
        static final Solution NONE = new Solution(Double.NaN, 0, Double.NaN);

        boolean hasCapacity() {
            return capacityCoulombs == capacityCoulombs;
        }
    }
}
