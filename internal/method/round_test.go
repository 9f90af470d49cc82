package method

import (
	"math"
	"math/rand/v2"
	"testing"
)

// TestRoundMatchesRational holds the digit-by-digit round to exact
// rational arithmetic on the shortest decimal (roundRat): hand-picked
// halves and carries, then random values at every precision.
func TestRoundMatchesRational(t *testing.T) {
	for _, tc := range []struct {
		v    float64
		d    int
		want float64
	}{
		{2.675, 2, 2.68},   // the decimal 2.675 rounds up, although the double is below it
		{-2.675, 2, -2.68}, // half away from zero
		{79.085, 2, 79.09},
		{9.995, 2, 10}, // carries into a new digit
		{99.5, 0, 100},
		{0.004, 2, 0},
		{-0.004, 2, 0},
		{1e21, 2, 1e21}, // no decimals in its shortest form
		{123.4, 3, 123.4},
	} {
		if got := round(tc.v, tc.d); got != tc.want || math.Signbit(got) != math.Signbit(tc.want) {
			t.Errorf("round(%v, %d) = %v, want %v", tc.v, tc.d, got, tc.want)
		}
	}
	rng := rand.New(rand.NewPCG(1, 2))
	for range 200000 {
		v := (rng.Float64() - 0.5) * math.Pow(10, float64(rng.IntN(8)))
		if rng.IntN(4) == 0 {
			v = math.Round(v*1000) / 1000 // many exact halves
		}
		d := rng.IntN(6)
		if got, want := round(v, d), roundRat(v, d); got != want {
			t.Fatalf("round(%v, %d) = %v, roundRat %v", v, d, got, want)
		}
	}
}

func FuzzRound(f *testing.F) {
	f.Add(2.675, 2)
	f.Add(-9.995, 2)
	f.Fuzz(func(t *testing.T, v float64, d int) {
		d = d % 12
		if got, want := round(v, d), roundRat(v, d); got != want && !(math.IsNaN(got) && math.IsNaN(want)) {
			t.Fatalf("round(%v, %d) = %v, roundRat %v", v, d, got, want)
		}
	})
}
