package engine

import (
	"math"
	"strconv"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// oneColumn builds a one-column data set with units u1, u2, ….
func oneColumn(x ...float64) *Dataset {
	units := make([]string, len(x))
	for i := range x {
		units[i] = "u" + strconv.Itoa(i+1)
	}
	d := NewDataset(units, []string{"x"})
	copy(d.Vals[0], x)
	return d
}

func TestTreatEdgeCases(t *testing.T) {
	outlier := []float64{1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 1000}
	t.Run("winmax0 goes straight to the log", func(t *testing.T) {
		got, rep, err := Treat(oneColumn(outlier...), TreatSpec{})
		if err != nil {
			t.Fatal(err)
		}
		it := rep.Indicators[0]
		if !it.Winsorised || it.NWin != 0 || !it.Logged || it.AfterWin != it.Before {
			t.Fatalf("report %+v", it)
		}
		want := LogCT(outlier)
		if diff := cmp.Diff(want, got.Vals[0]); diff != "" {
			t.Error(diff)
		}
		if s := it.Points[19].String(); s != "+log_CT" {
			t.Errorf("flag %q", s)
		}
	})
	t.Run("tied maxima are Winsorised together", func(t *testing.T) {
		x := append(append([]float64(nil), outlier[:18]...), 1000, 1000)
		w := Winsorise(x, 5, 2, 3.5)
		if w.NWin != 2 || w.X[18] != 18 || w.X[19] != 18 || w.Flags[18] != FlagWinHi || w.Flags[19] != FlagWinHi {
			t.Errorf("got nwin %d, %v, flags %v", w.NWin, w.X[17:], w.Flags[17:])
		}
	})
	t.Run("negative skew Winsorises the minimum", func(t *testing.T) {
		x := make([]float64, len(outlier))
		for i, v := range outlier {
			x[i] = -v
		}
		w := Winsorise(x, 5, 2, 3.5)
		if w.NWin != 1 || w.X[19] != -19 || w.Flags[19] != FlagWinLo || w.Flags[19].String() != "winlo" {
			t.Errorf("got nwin %d, %v, flags %v", w.NWin, w.X[19], w.Flags[19])
		}
	})
	t.Run("missing values are ignored and kept", func(t *testing.T) {
		x := append([]float64{NA}, outlier...)
		got, rep, err := Treat(oneColumn(x...), TreatSpec{WinMax: 5})
		if err != nil {
			t.Fatal(err)
		}
		_, rep0, _ := Treat(oneColumn(outlier...), TreatSpec{WinMax: 5})
		if !IsNA(got.Vals[0][0]) || got.Vals[0][20] != 19 {
			t.Errorf("treated %v", got.Vals[0])
		}
		if a, b := rep.Indicators[0], rep0.Indicators[0]; a.NWin != b.NWin || a.AfterWin != b.AfterWin || a.Before != b.Before {
			t.Errorf("NA changed the statistics: %+v vs %+v", a, b)
		}
	})
	t.Run("undecided columns are skipped", func(t *testing.T) {
		d := NewDataset([]string{"a", "b", "c", "d", "e"}, []string{"const", "two"})
		copy(d.Vals[0], []float64{3, 3, 3, 3, 3})
		copy(d.Vals[1], []float64{1, NA, NA, 9, NA})
		got, rep, err := Treat(d, TreatSpec{WinMax: 5})
		if err != nil {
			t.Fatal(err)
		}
		for c := range d.Cols {
			if it := rep.Indicators[c]; !it.Skipped || it.Points != nil {
				t.Errorf("%s: %+v", d.Cols[c], it)
			}
		}
		if diff := cmp.Diff(d.Vals, got.Vals, cmp.Comparer(func(a, b float64) bool { return a == b || IsNA(a) && IsNA(b) })); diff != "" {
			t.Error(diff)
		}
		if s := rep.Summary(); len(s) != 2 || !s[0].Skipped || !s[1].Skipped {
			t.Errorf("summary %+v", s)
		}
	})
	t.Run("log_CT_plus on a negative skew", func(t *testing.T) {
		x := make([]float64, len(outlier))
		for i, v := range outlier {
			x[i] = -v
		}
		_, rep, err := Treat(oneColumn(x...), TreatSpec{Log: "log_CT_plus"})
		if err != nil {
			t.Fatal(err)
		}
		it := rep.Indicators[0]
		if !it.Logged || !it.LogNeg || it.Points[0].String() != "+log_CT_neg" {
			t.Errorf("report %+v", it)
		}
	})
}

func TestTreatBadSpec(t *testing.T) {
	d := oneColumn(1, 2, 3, 4)
	for _, tc := range []struct {
		name string
		spec TreatSpec
		kind ErrKind
	}{
		{"log", TreatSpec{Log: "boxcox"}, ErrUnknownMethod},
		{"winmax", TreatSpec{WinMax: -1}, ErrBadParameter},
		{"skew", TreatSpec{SkewThresh: -2}, ErrBadParameter},
		{"kurt", TreatSpec{KurtThresh: math.NaN()}, ErrBadParameter},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, _, err := Treat(d, tc.spec)
			e, ok := err.(*Error)
			if !ok || e.Kind != tc.kind {
				t.Errorf("error %v, want kind %d", err, tc.kind)
			}
		})
	}
}

func TestTreatSummary(t *testing.T) {
	in := readDatasetCSV(t, "expected/example/dset_Screened.csv", isIndicator(t))
	// Counts from example_Treat_default_details.csv and
	// Screened_qTreat_winmax1_logCT_details.csv: 15 indicators fail the
	// check; with winmax 1, 11 of them are log-transformed (the Winsorised
	// point discarded) and 2 of those (ForPort, CultServ) still fail.
	for _, tc := range []struct {
		name                        string
		spec                        TreatSpec
		treated, logged, stillFails int
		check                       func(t *testing.T, by map[string]TreatedIndicator)
	}{
		{"default", TreatSpec{WinMax: 5}, 15, 0, 0, func(t *testing.T, by map[string]TreatedIndicator) {
			// FemLab has a negative skew: Winsorised at the bottom.
			if f := by["FemLab"]; len(f.WinLo) != 1 || len(f.WinHi) != 0 {
				t.Errorf("FemLab %+v", f)
			}
			if g := by["Gas"]; len(g.WinHi) != 3 || len(g.WinLo) != 0 {
				t.Errorf("Gas %+v", g)
			}
		}},
		{"winmax1", TreatSpec{WinMax: 1}, 15, 11, 2, func(t *testing.T, by map[string]TreatedIndicator) {
			if !by["ForPort"].StillFails || !by["CultServ"].StillFails {
				t.Errorf("ForPort %+v, CultServ %+v", by["ForPort"], by["CultServ"])
			}
			if f := by["Flights"]; len(f.WinHi) != 1 || f.Log != "" {
				t.Errorf("Flights %+v", f)
			}
		}},
		// Screened_Treat_winmax1_combine_details.csv: only CultServ still fails.
		{"winmax1 combined", TreatSpec{WinMax: 1, Combine: true}, 15, 11, 1, func(t *testing.T, by map[string]TreatedIndicator) {
			// The Winsorised point is kept under the log.
			if g := by["Gas"]; len(g.WinHi) != 1 || g.Log != "log_CT" {
				t.Errorf("Gas %+v", g)
			}
			if by["ForPort"].StillFails || !by["CultServ"].StillFails {
				t.Errorf("ForPort %+v, CultServ %+v", by["ForPort"], by["CultServ"])
			}
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, rep, err := Treat(in, tc.spec)
			if err != nil {
				t.Fatal(err)
			}
			s := rep.Summary()
			by := map[string]TreatedIndicator{}
			logged, still := 0, 0
			for _, x := range s {
				by[x.Code] = x
				if x.Skipped {
					t.Errorf("%s skipped", x.Code)
				}
				if x.Log != "" {
					logged++
					if !tc.spec.Combine && len(x.WinHi)+len(x.WinLo) != 0 {
						t.Errorf("%s lists discarded Winsorised points", x.Code)
					}
				}
				if x.StillFails {
					still++
				}
			}
			if len(s) != tc.treated || logged != tc.logged || still != tc.stillFails {
				t.Errorf("%d treated, %d logged, %d still failing; want %d, %d, %d",
					len(s), logged, still, tc.treated, tc.logged, tc.stillFails)
			}
			tc.check(t, by)
		})
	}
}

// TestCheckSkewKurtConstant: a constant column whose float64 mean is not
// exact (0.1 × 3) must still be undecided, as with R's exact mean.
func TestCheckSkewKurtConstant(t *testing.T) {
	for _, x := range [][]float64{{0.1, 0.1, 0.1, 0.1, 0.1}, {1e15 + 0.3, 1e15 + 0.3, 1e15 + 0.3, 1e15 + 0.3}} {
		if c := CheckSkewKurt(x, 2, 3.5); !c.Undecided || c.Pass {
			t.Errorf("%v: %+v, want undecided", x, c)
		}
	}
}
