package engine

import "math"

// The per-method transforms of NormaliseColumn. Each works in place on a
// column already multiplied by its direction. NaN propagates through the
// arithmetic, so missing values stay missing without a test. The explicit
// float64 conversions keep every product rounded on its own (Go may
// otherwise fuse a*b + c into one FMA on some CPUs), as R computes it, so
// that results match COINr to the last bit where R's own sums allow.

// normMinMax is COINr's n_minmax: (x − min)/(max − min)·(u − l) + l.
func normMinMax(x []float64, l, u float64) {
	lo, hi := MinMax(x)
	r, w := hi-lo, u-l
	for i, v := range x {
		x[i] = float64((v-lo)/r*w) + l
	}
}

// normZScore is COINr's n_zscore: (x − mean)/sd·s + m with the sample sd.
func normZScore(x []float64, m, s float64) {
	mu, sd := meanSD(x)
	for i, v := range x {
		x[i] = float64((v-mu)/sd*s) + m
	}
}

// normScaled is COINr's n_scaled: (x − l)/(u − l)·f.
func normScaled(x []float64, l, u, f float64) {
	w := u - l
	for i, v := range x {
		x[i] = (v - l) / w * f
	}
}

// normPRank is COINr's n_prank: (rank − 1)/(n − 1), ranks from the lowest,
// n the number of present values.
func normPRank(x []float64, ties string, sc *Scratch) {
	n := 0
	for _, v := range x {
		if !IsNA(v) {
			n++
		}
	}
	rankInto(x, x, ties, false, sc)
	d := float64(n - 1)
	for i, r := range x {
		x[i] = (r - 1) / d
	}
}

// normFracMax is COINr's n_fracmax: x/max.
func normFracMax(x []float64) {
	_, hi := MinMax(x)
	for i, v := range x {
		x[i] = v / hi
	}
}

// normDist2Max is COINr's n_dist2max: 1 − (max − x)/(max − min).
func normDist2Max(x []float64) {
	lo, hi := MinMax(x)
	r := hi - lo
	for i, v := range x {
		x[i] = 1 - (hi-v)/r
	}
}

// normDist2 is COINr's n_dist2ref: 1 − (ref − x)/(ref − min), values above
// 1 set to 1 when capMax.
func normDist2(x []float64, ref float64, capMax bool) {
	lo, _ := MinMax(x)
	r := ref - lo
	for i, v := range x {
		y := 1 - (ref-v)/r
		if capMax && y > 1 {
			y = 1
		}
		x[i] = y
	}
}

// normDist2Targ is COINr's n_dist2targ with direction 1 (the data and the
// target arrive already flipped): (x − min)/(targ − min), values above 1
// set to 1 when capMax.
func normDist2Targ(x []float64, targ float64, capMax bool) {
	lo, _ := MinMax(x)
	r := targ - lo
	for i, v := range x {
		y := (v - lo) / r
		if capMax && y > 1 {
			y = 1
		}
		x[i] = y
	}
}

// normGoalposts is COINr's n_goalposts as Normalise.coin calls it with
// parameters from iMeta: for a negative indicator the goalposts are
// negated and swapped, like the data, so that the score is the fraction of
// the way from the worse goalpost to the better one. Scores are truncated
// to [0, 1] (COINr's trunc2posts = TRUE) and then multiplied by the scale.
func normGoalposts(x []float64, node Node, dir float64) {
	l, u := node.GoalLower, node.GoalUpper
	if dir == -1 {
		l, u = -u, -l
	}
	scale := node.GoalScale
	if IsNA(scale) {
		scale = 1
	}
	w := u - l
	for i, v := range x {
		y := (v - l) / w
		if y > 1 {
			y = 1
		} else if y < 0 {
			y = 0
		}
		x[i] = y * scale
	}
}

// meanSD returns the mean and the sample standard deviation of the present
// values of x (NA when there are none, or fewer than two for the sd). R
// accumulates both in 80-bit long doubles, so a plain float64 sum differs
// from R's in the last bits for about a third of the ASEM columns; sums
// carried as double-doubles (hi + lo) are at least as accurate as R's and
// round to the same doubles in practice.
func meanSD(x []float64) (mean, sd float64) {
	var hi, lo float64
	n := 0
	for _, v := range x {
		if IsNA(v) {
			continue
		}
		hi, lo = ddAdd(hi, lo, v, 0)
		n++
	}
	if n == 0 {
		return NA, NA
	}
	if math.IsInf(hi, 0) || IsNA(hi) {
		// An infinite value: the error terms are NaN, so use plain sums
		// (the z-scores are infinite or NaN either way).
		return Mean(x), SD(x)
	}
	fn := float64(n)
	mean = ddDiv(hi, lo, fn)
	if n < 2 {
		return mean, NA
	}
	hi, lo = 0, 0
	for _, v := range x {
		if IsNA(v) {
			continue
		}
		dh, dl := twoSum(v, -mean)
		// (dh + dl)² to double-double precision; dl² is below it.
		sh := dh * dh
		sl := math.FMA(dh, dh, -sh) + 2*dh*dl
		hi, lo = ddAdd(hi, lo, sh, sl)
	}
	return mean, math.Sqrt(ddDiv(hi, lo, fn-1))
}

// twoSum returns a + b and its rounding error (Knuth), exactly.
func twoSum(a, b float64) (s, e float64) {
	s = a + b
	bb := s - a
	e = (a - (s - bb)) + (b - bb)
	return s, e
}

// ddAdd adds the double-doubles (ah, al) and (bh, bl).
func ddAdd(ah, al, bh, bl float64) (float64, float64) {
	s, e := twoSum(ah, bh)
	e += al + bl
	return twoSum(s, e)
}

// ddDiv returns (h + l)/d rounded to a double: a first quotient corrected
// by its exact remainder.
func ddDiv(h, l, d float64) float64 {
	q := h / d
	r := math.FMA(-q, d, h) + l
	return q + r/d
}
