package method

import (
	"math"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestStabilityFrom(t *testing.T) {
	nan := math.NaN()
	t.Run("swap of two", func(t *testing.T) {
		// Last year A, B, C, D were 1, 2, 3, 4; now 2, 1, 3, 4 (moves −1, +1, 0, 0).
		// Spearman 1 − 6·Σd²/(n(n²−1)) = 1 − 6·2/(4·15) = 0.8; mean |move| 2/4 = 0.5; largest 1.
		s := StabilityFrom([]float64{2, 1, 3, 4}, []float64{-1, 1, 0, 0}, nil)
		got := []float64{float64(s.Units), s.Spearman, s.MeanAbs, s.MaxAbs}
		if d := cmp.Diff([]float64{4, 0.8, 0.5, 1}, got, approx); d != "" {
			t.Errorf("(-want +got)\n%s", d)
		}
		if d := cmp.Diff([]float64{nan, nan, nan, nan}, s.MethodShare, approx); d != "" {
			t.Errorf("method shares without a rescored baseline (-want +got)\n%s", d)
		}
	})
	t.Run("method and data", func(t *testing.T) {
		// A: published 5th, rescored 3rd, now 1st: +4 = 2 by method (5 − 3) + 2 by data (3 − 1): share 0.5.
		// B: published 1st, rescored 1st, now 2nd: −1, all data: share 0.
		// C: published 2nd, rescored 4th, now 4th: −2, all method: share 1.
		// D: absent last year: left out. E: unmoved: share undefined.
		s := StabilityFrom([]float64{1, 2, 4, 3, 5}, []float64{4, -1, -2, nan, 0}, []float64{2, -1, 0, nan, 0})
		if d := cmp.Diff([]float64{2, 0, -2, nan, 0}, s.Method, approx); d != "" {
			t.Errorf("method (-want +got)\n%s", d)
		}
		if d := cmp.Diff([]float64{2, -1, 0, nan, 0}, s.Data, approx); d != "" {
			t.Errorf("data (-want +got)\n%s", d)
		}
		if d := cmp.Diff([]float64{0.5, 0, 1, nan, nan}, s.MethodShare, approx); d != "" {
			t.Errorf("shares (-want +got)\n%s", d)
		}
		// Four units in both years: mean (4 + 1 + 2 + 0)/4 = 1.75, largest 4.
		if s.Units != 4 || s.MeanAbs != 1.75 || s.MaxAbs != 4 {
			t.Errorf("%+v", s)
		}
		// Previous ranks 5, 1, 2, 5 against 1, 2, 4, 5: means 3.25 and 3;
		// deviations (1.75, −2.25, −1.25, 1.75) and (−2, −1, 1, 2):
		// Σxy = −3.5 + 2.25 − 1.25 + 3.5 = 1, Σx² = 3.0625 + 5.0625 + 1.5625 + 3.0625 = 12.75, Σy² = 10.
		if want := 1 / math.Sqrt(12.75*10); math.Abs(s.Spearman-want) > 1e-12 {
			t.Errorf("Spearman %v, want %v", s.Spearman, want)
		}
	})
}
