package engine

import "math"

// Skew returns the sample skewness of the non-missing values of x with
// COINr's definition (its skew(), the type-2 skewness of e1071 and Excel's
// SKEW): with m2, m3 the sums of squared and cubed deviations from the mean,
// √n·m3/m2^(3/2) · √(n(n−1))/(n−2). It is NA with fewer than 3 values and
// NaN when all values are equal.
func Skew(x []float64) float64 {
	n, s2, s3, _ := centralSums(x)
	return skewOf(n, s2, s3)
}

func skewOf(n int, s2, s3 float64) float64 {
	if n < 3 {
		return NA
	}
	fn := float64(n)
	// The order of operations follows COINr's, so that rounding agrees.
	y := math.Sqrt(fn) * s3 / math.Pow(s2, 1.5)
	return y * math.Sqrt(fn*(fn-1)) / (fn - 2)
}

// Kurt returns the sample excess kurtosis of the non-missing values of x
// with COINr's definition (its kurt(), the type-2 kurtosis of e1071 and
// Excel's KURT): with r = n·m4/m2², ((n+1)(r−3)+6)(n−1)/((n−2)(n−3)). It is
// NA with fewer than 4 values and NaN when all values are equal.
func Kurt(x []float64) float64 {
	n, s2, _, s4 := centralSums(x)
	return kurtOf(n, s2, s4)
}

func kurtOf(n int, s2, s4 float64) float64 {
	if n < 4 {
		return NA
	}
	fn := float64(n)
	r := fn * s4 / (s2 * s2)
	return ((fn+1)*(r-3) + 6) * (fn - 1) / ((fn - 2) * (fn - 3))
}

// SkewKurtCheck is the outcome of COINr's check_SkewKurt: an indicator
// passes when |skew| < the skew threshold or kurtosis < the kurtosis
// threshold.
type SkewKurtCheck struct {
	Skew, Kurt float64
	// Pass is meaningful only when Undecided is false.
	Pass bool
	// Undecided is R's NA outcome: neither comparison is true and at least
	// one of them involves an undefined skew or kurtosis (too few values,
	// or no spread). COINr then leaves the indicator untreated.
	Undecided bool
}

// CheckSkewKurt applies COINr's check_SkewKurt to the non-missing values of
// x.
func CheckSkewKurt(x []float64, skewThresh, kurtThresh float64) SkewKurtCheck {
	// This check runs after every Winsorisation step and dominates the
	// cost of the pipeline. Plain float64 sums are a few ulps from R's
	// extended-precision ones; that changes a decision only when a
	// statistic lies within rounding of its threshold, so such cases are
	// recomputed with the compensated sums.
	n, s2, s3, s4, exact := centralSumsFast(x)
	c := SkewKurtCheck{Skew: skewOf(n, s2, s3), Kurt: kurtOf(n, s2, s4)}
	if !exact || near(math.Abs(c.Skew), skewThresh) || near(c.Kurt, kurtThresh) {
		n, s2, s3, s4 = centralSums(x)
		c = SkewKurtCheck{Skew: skewOf(n, s2, s3), Kurt: kurtOf(n, s2, s4)}
	}
	// R's three-valued "|": TRUE if either side is TRUE, NA if the other
	// side is NA, else FALSE. A comparison with NaN is NA in R.
	sOK := !IsNA(c.Skew) && math.Abs(c.Skew) < skewThresh
	kOK := !IsNA(c.Kurt) && c.Kurt < kurtThresh
	switch {
	case sOK || kOK:
		c.Pass = true
	case IsNA(c.Skew) || IsNA(c.Kurt):
		c.Undecided = true
	}
	return c
}

// centralSums returns the number of non-missing values of x and the sums of
// the 2nd, 3rd and 4th powers of their deviations from the mean. R adds in
// extended precision (long double); compensated sums come as close.
func centralSums(x []float64) (n int, s2, s3, s4 float64) {
	m := rMean(x)
	var a2, a3, a4 ksum
	for _, v := range x {
		if IsNA(v) {
			continue
		}
		n++
		d := v - m
		d2 := d * d
		a2.add(d2)
		a3.add(d2 * d)
		a4.add(d2 * d2)
	}
	return n, a2.sum(), a3.sum(), a4.sum()
}

// near reports whether v is within 1e-9 (relative) of the threshold t.
func near(v, t float64) bool {
	return math.Abs(v-t) <= 1e-9*math.Max(1, math.Abs(t))
}

// centralSumsFast is centralSums with plain float64 arithmetic in two
// independent lanes (for instruction-level parallelism). Relative error is
// of the order of n·ε on data that are not pathological; ok is false when
// the spread is within rounding of the mean (a constant column, whose exact
// moments are 0), where only the exact sums decide.
func centralSumsFast(x []float64) (n int, s2, s3, s4 float64, ok bool) {
	var a, b float64
	i := 0
	for ; i+1 < len(x); i += 2 {
		if v := x[i]; v == v {
			a += v
			n++
		}
		if v := x[i+1]; v == v {
			b += v
			n++
		}
	}
	if i < len(x) && x[i] == x[i] {
		a += x[i]
		n++
	}
	if n == 0 {
		return 0, 0, 0, 0, true
	}
	m := (a + b) / float64(n)
	var p2, p3, p4, q2, q3, q4 float64
	i = 0
	for ; i+1 < len(x); i += 2 {
		if v := x[i]; v == v {
			d := v - m
			d2 := d * d
			p2 += d2
			p3 += d2 * d
			p4 += d2 * d2
		}
		if v := x[i+1]; v == v {
			d := v - m
			d2 := d * d
			q2 += d2
			q3 += d2 * d
			q4 += d2 * d2
		}
	}
	if i < len(x) && x[i] == x[i] {
		d := x[i] - m
		d2 := d * d
		p2 += d2
		p3 += d2 * d
		p4 += d2 * d2
	}
	s2 = p2 + q2
	tiny := 1e-10 * m
	return n, s2, p3 + q3, p4 + q4, s2 > float64(n)*tiny*tiny
}

// rMean is the mean of the non-missing values of x computed as R does: a
// first pass, then the mean of the residuals added as a correction.
func rMean(x []float64) float64 {
	var s ksum
	n := 0
	for _, v := range x {
		if !IsNA(v) {
			s.add(v)
			n++
		}
	}
	if n == 0 {
		return NA
	}
	m := s.sum() / float64(n)
	if math.IsInf(m, 0) {
		return m
	}
	var t ksum
	for _, v := range x {
		if !IsNA(v) {
			t.add(v - m)
		}
	}
	return m + t.sum()/float64(n)
}

// ksum is a compensated sum: Knuth's branch-free TwoSum gives the exact
// rounding error of each addition (the same error Neumaier's variant
// computes with a branch), accumulated in c.
type ksum struct{ s, c float64 }

func (k *ksum) add(v float64) {
	v = float64(v) // no FMA fusion with the caller's product (see rsum.add)
	t := k.s + v
	bp := t - k.s
	k.c += (k.s - (t - bp)) + (v - bp)
	k.s = t
}

func (k *ksum) sum() float64 { return k.s + k.c }
