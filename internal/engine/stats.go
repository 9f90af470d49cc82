package engine

import (
	"math"
	"slices"
)

// Present returns the non-missing values of x, in order.
func Present(x []float64) []float64 {
	out := make([]float64, 0, len(x))
	for _, v := range x {
		if !IsNA(v) {
			out = append(out, v)
		}
	}
	return out
}

// Mean returns the mean of the non-missing values of x (NA if none).
func Mean(x []float64) float64 {
	s, n := 0.0, 0
	for _, v := range x {
		if !IsNA(v) {
			s += v
			n++
		}
	}
	if n == 0 {
		return NA
	}
	return s / float64(n)
}

// SD returns the sample standard deviation (n − 1 denominator, as R's sd)
// of the non-missing values of x; NA with fewer than two values.
func SD(x []float64) float64 {
	m := Mean(x)
	s, n := 0.0, 0
	for _, v := range x {
		if !IsNA(v) {
			s += (v - m) * (v - m)
			n++
		}
	}
	if n < 2 {
		return NA
	}
	return math.Sqrt(s / float64(n-1))
}

// Median returns the median of the non-missing values of x (NA if none).
func Median(x []float64) float64 { return Quantile(x, 0.5) }

// Quantile returns the p-quantile of the non-missing values of x with R's
// default definition (type 7: linear interpolation between order
// statistics at h = (n − 1)p). NA if there are no values.
func Quantile(x []float64, p float64) float64 {
	v := Present(x)
	if len(v) == 0 {
		return NA
	}
	slices.Sort(v)
	h := float64(len(v)-1) * p
	lo := math.Floor(h)
	i := int(lo)
	if i+1 >= len(v) {
		return v[len(v)-1]
	}
	return v[i] + (h-lo)*(v[i+1]-v[i])
}

// MinMax returns the smallest and largest non-missing values of x (NA, NA
// if none).
func MinMax(x []float64) (lo, hi float64) {
	lo, hi = NA, NA
	for _, v := range x {
		if IsNA(v) {
			continue
		}
		if IsNA(lo) || v < lo {
			lo = v
		}
		if IsNA(hi) || v > hi {
			hi = v
		}
	}
	return lo, hi
}
