package engine

import "math"

// Skew returns the sample skewness of the non-missing values of x with
// COINr's definition (its skew(), the type-2 skewness of e1071 and Excel's
// SKEW): with m2, m3 the sums of squared and cubed deviations from the mean,
// √n·m3/m2^(3/2) · √(n(n−1))/(n−2). It is NA with fewer than 3 values and
// NaN when all values are equal.
func Skew(x []float64) float64 {
	n, s2, s3, _ := centralSums(x)
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
	c := SkewKurtCheck{Skew: Skew(x), Kurt: Kurt(x)}
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

// ksum is a Neumaier (improved Kahan) compensated sum.
type ksum struct{ s, c float64 }

func (k *ksum) add(v float64) {
	t := k.s + v
	if math.Abs(k.s) >= math.Abs(v) {
		k.c += (k.s - t) + v
	} else {
		k.c += (v - t) + k.s
	}
	k.s = t
}

func (k *ksum) sum() float64 { return k.s + k.c }
