package engine

import (
	"math"
	"testing"
)

func TestStats(t *testing.T) {
	x := []float64{3, NA, 1, 4, 1, 5, 9, 2, 6}
	// Values checked with R: mean(x, na.rm=TRUE) etc.
	cases := []struct {
		name      string
		got, want float64
	}{
		{"mean", Mean(x), 31.0 / 8},
		{"sd", SD(x), 2.748376143938400},
		{"median", Median(x), 3.5},
		{"q05", Quantile(x, 0.05), 1},
		{"q95", Quantile(x, 0.95), 7.949999999999999},
		{"q25", Quantile(x, 0.25), 1.75},
	}
	for _, c := range cases {
		if math.Abs(c.got-c.want) > 1e-12 {
			t.Errorf("%s = %.17g, want %.17g", c.name, c.got, c.want)
		}
	}
	if lo, hi := MinMax(x); lo != 1 || hi != 9 {
		t.Errorf("MinMax = %v %v", lo, hi)
	}
	if !IsNA(Mean([]float64{NA})) || !IsNA(SD([]float64{1})) || !IsNA(Median(nil)) {
		t.Error("empty input should give NA")
	}
}
