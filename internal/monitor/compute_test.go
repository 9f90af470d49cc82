package monitor

import (
	"fmt"
	"strings"
	"testing"
)

var jun23, jun22 = Period{2023, 6}, Period{2022, 6}

func fig(p Period, unit, ind string, value, growth float64) Figure {
	return Figure{Unit: unit, Indicator: ind, Period: p, Value: value, Growth: growth}
}

// byUnit indexes rows of one indicator by unit.
func byUnit(rows []Row, ind string) map[string]Row {
	m := map[string]Row{}
	for _, r := range rows {
		if r.Indicator == ind {
			m[r.Unit] = r
		}
	}
	return m
}

func TestRanksWithTies(t *testing.T) {
	// Supplied growths 5, 7, 7, (none), 3, 7 and values 10, 30, 20, 30, 5, NaN.
	// By growth, descending: the three 7s share rank 1, then 5 is 4th, 3 is
	// 5th; the unit without growth has no rank.
	// By value: the two 30s share 1, then 20 is 3rd, 10 4th, 5 5th; the
	// unit without a value has no value rank.
	in := Input{Period: jun23, Figures: []Figure{
		fig(jun23, "a", "x", 10, 5),
		fig(jun23, "b", "x", 30, 7),
		fig(jun23, "c", "x", 20, 7),
		fig(jun23, "d", "x", 30, nan),
		fig(jun23, "e", "x", 5, 3),
		fig(jun23, "f", "x", nan, 7),
	}}
	want := map[string][2]int{"a": {4, 4}, "b": {1, 1}, "c": {1, 3}, "d": {0, 1}, "e": {5, 5}, "f": {1, 0}}
	got := byUnit(Compute(in), "x")
	for u, w := range want {
		if r := got[u]; r.Rank != w[0] || r.ValueRank != w[1] {
			t.Errorf("%s: rank %d, value_rank %d; want %d, %d", u, r.Rank, r.ValueRank, w[0], w[1])
		}
	}
}

func TestRanksPerIndicatorWithoutProvince(t *testing.T) {
	// The province (620000, growth 99) is neither ranked nor output; each
	// indicator is ranked on its own.
	in := Input{Period: jun23, Figures: []Figure{
		fig(jun23, "620000", "x", 1000, 99),
		fig(jun23, "620102", "x", 10, 1),
		fig(jun23, "620103", "x", 20, 2),
		fig(jun23, "620102", "y", 5, 9),
		fig(jun23, "620103", "y", 1, 8),
	}}
	rows := Compute(in)
	var got []string
	for _, r := range rows {
		got = append(got, fmt.Sprintf("%s %s %d %d", r.Unit, r.Indicator, r.Rank, r.ValueRank))
	}
	want := "620102 x 2 2|620102 y 1 1|620103 x 1 1|620103 y 2 2"
	if s := strings.Join(got, "|"); s != want {
		t.Errorf("rows\n%s\nwant\n%s", s, want)
	}
}

func TestProvinceGrowth(t *testing.T) {
	units := []Figure{
		fig(jun22, "620102", "x", 100, nan), fig(jun23, "620102", "x", 110, nan), // +10 %
		fig(jun22, "620103", "x", 300, nan), fig(jun23, "620103", "x", 318, nan), // +6 %
		fig(jun23, "620104", "x", 50, nan),                                    // no earlier value: not summed
		fig(jun22, "620105", "x", 40, nan), fig(jun23, "620105", "x", nan, 4), // no value: not summed
	}
	for _, c := range []struct {
		name     string
		province []Figure
		want     float64
	}{
		// The province row's supplied growth is the province growth.
		{"province row supplies its growth", []Figure{fig(jun23, "620000", "x", 5000, 6.4)}, 6.4},
		// No supplied growth: its own value against its own a year
		// earlier, 5300 / 5000 − 1 = 6 %.
		{"province row's own earlier value", []Figure{fig(jun22, "620000", "x", 5000, nan), fig(jun23, "620000", "x", 5300, nan)}, 6},
		// No province growth at all: the units that have both values,
		// (110 + 318) / (100 + 300) − 1 = 428 / 400 − 1 = 7 %.
		{"units summed (县区合计)", nil, 7},
		{"province row without earlier value: units summed", []Figure{fig(jun23, "620000", "x", 5300, nan)}, 7},
		{"province row with earlier value 0: units summed", []Figure{fig(jun22, "620000", "x", 0, nan), fig(jun23, "620000", "x", 5300, nan)}, 7},
	} {
		t.Run(c.name, func(t *testing.T) {
			figs := append(append([]Figure{}, units...), c.province...)
			rows := Compute(Input{Period: jun23, Figures: figs})
			if len(rows) != 4 {
				t.Fatalf("%d rows, want 4 (the province is not output)", len(rows))
			}
			for _, r := range rows {
				if !near(r.ProvinceGrowth, c.want) {
					t.Errorf("%s: province growth %v, want %v", r.Unit, r.ProvinceGrowth, c.want)
				}
			}
			// diff_pp = growth − province growth; empty without growth.
			got := byUnit(rows, "x")
			if d := got["620102"].DiffPP; !near(d, 10-c.want) {
				t.Errorf("620102 diff_pp %v, want %v", d, 10-c.want)
			}
			if d := got["620104"].DiffPP; !near(d, nan) {
				t.Errorf("620104 (no growth) diff_pp %v, want empty", d)
			}
		})
	}
	t.Run("nobody has both values: empty", func(t *testing.T) {
		rows := Compute(Input{Period: jun23, Figures: []Figure{fig(jun23, "620102", "x", 10, 5)}})
		if r := rows[0]; !near(r.ProvinceGrowth, nan) || !near(r.DiffPP, nan) || r.Light != Red {
			t.Errorf("got province growth %v, diff %v, light %q; want empty, empty, red", r.ProvinceGrowth, r.DiffPP, r.Light)
		}
	})
	t.Run("earlier values sum to 0: empty", func(t *testing.T) {
		rows := Compute(Input{Period: jun23, Figures: []Figure{fig(jun22, "620102", "x", 0, nan), fig(jun23, "620102", "x", 10, nan)}})
		if r := rows[0]; !near(r.ProvinceGrowth, nan) || !near(r.Growth, nan) {
			t.Errorf("got province growth %v, growth %v; want empty", r.ProvinceGrowth, r.Growth)
		}
	})
}

func TestTargets(t *testing.T) {
	figs := []Figure{
		fig(jun23, "620000", "gdp", 5300, 6.4),
		fig(jun23, "620102", "gdp", 1080, 8),
		fig(jun23, "620103", "gdp", 820, 2.5),
		fig(jun23, "620104", "gdp", 500, 5),
		fig(jun22, "620102", "inv", 300, nan), fig(jun23, "620102", "inv", 330, nan),
		fig(jun22, "620103", "inv", 200, nan), fig(jun23, "620103", "inv", 190, nan),
		fig(jun22, "620104", "inv", 100, nan), fig(jun23, "620104", "inv", 150, nan),
	}
	targets := []Target{
		{2023, "620102", "gdp", 7, Growth},
		{2023, "620103", "gdp", 2, Growth},
		{2023, "620104", "gdp", 6, Growth},
		{2022, "620104", "gdp", 1, Growth}, // last year's: ignored
		{2023, "620102", "inv", 800, Absolute},
		{2023, "620103", "inv", 400, Absolute},
		{2023, "620104", "inv", 0, Absolute},
	}
	type want struct {
		target, completion, elapsed, gap float64
		light                            Light
	}
	for _, c := range []struct {
		name   string
		shares Shares
		want   map[string]want
	}{
		{"elapsed 6 / 12", nil, map[string]want{
			// Growth targets: gap = growth − target, no completion or elapsed.
			// 8 − 7 = 1: met, green.
			"620102 gdp": {7, nan, nan, 1, Green},
			// 2.5 − 2 = 0.5: met, green although below the province's 6.4.
			"620103 gdp": {2, nan, nan, 0.5, Green},
			// 5 − 6 = −1: missed, and 5 < 6.4: red.
			"620104 gdp": {6, nan, nan, -1, Red},
			// Absolute: 330 / 800 = 0.4125; 0.4125 − 0.5 = −0.0875: behind;
			// growth 330 / 300 − 1 = 10 % is below the province's (no
			// province row: (330+190+150) / (300+200+100) − 1 = 670 / 600
			// − 1 = 11.67 %): red.
			"620102 inv": {800, 0.4125, 0.5, -0.0875, Red},
			// 190 / 400 = 0.475, −0.025 behind; growth −5 %: red.
			"620103 inv": {400, 0.475, 0.5, -0.025, Red},
			// Target 0: completion undefined, no gap; growth 50 % ≥ 11.67 %: yellow.
			"620104 inv": {0, nan, 0.5, nan, Yellow},
		}},
		{"seasonal benchmark 0.4 for inv in June", Shares{{"inv", 6}: 0.4, {"gdp", 6}: 0.9}, map[string]want{
			"620102 gdp": {7, nan, nan, 1, Green}, // growth targets ignore the benchmark
			// 0.4125 − 0.4 = 0.0125 ahead: green.
			"620102 inv": {800, 0.4125, 0.4, 0.0125, Green},
			// 0.475 − 0.4 = 0.075 ahead, but growth −5 %: red comes first.
			"620103 inv": {400, 0.475, 0.4, 0.075, Red},
		}},
	} {
		t.Run(c.name, func(t *testing.T) {
			rows := Compute(Input{Period: jun23, Figures: figs, Targets: targets, Shares: c.shares})
			got := map[string]Row{}
			for _, r := range rows {
				got[r.Unit+" "+r.Indicator] = r
			}
			for k, w := range c.want {
				r := got[k]
				if !near(r.Target, w.target) || !near(r.Completion, w.completion) || !near(r.Elapsed, w.elapsed) ||
					!near(r.ScheduleGap, w.gap) || r.Light != w.light {
					t.Errorf("%s: target %v completion %v elapsed %v gap %v light %q; want %+v",
						k, r.Target, r.Completion, r.Elapsed, r.ScheduleGap, r.Light, w)
				}
			}
		})
	}
	t.Run("without a target the target columns are empty", func(t *testing.T) {
		rows := Compute(Input{Period: jun23, Figures: figs})
		for _, r := range rows {
			if r.Kind != "" || !near(r.Target, nan) || !near(r.Completion, nan) || !near(r.Elapsed, nan) || !near(r.ScheduleGap, nan) {
				t.Errorf("%s %s: %+v", r.Unit, r.Indicator, r)
			}
		}
	})
}

func TestComputeOrderAndPresence(t *testing.T) {
	// Units by code; within a unit, indicators in their order of first
	// appearance (z before a); rows of other periods make no rows; a
	// present row without value or growth is still output.
	figs := []Figure{
		fig(jun23, "620103", "z", 1, nan),
		fig(jun23, "620102", "a", 2, nan),
		fig(jun23, "620102", "z", nan, nan),
		fig(Period{2023, 5}, "620101", "z", 3, nan),
		fig(jun22, "620109", "z", 3, nan),
	}
	var got []string
	for _, r := range Compute(Input{Period: jun23, Figures: figs}) {
		got = append(got, r.Unit+" "+r.Indicator)
	}
	if s := strings.Join(got, "|"); s != "620102 z|620102 a|620103 z" {
		t.Errorf("rows %s", s)
	}
}

func TestComputePeriodsMatchesCompute(t *testing.T) {
	figs, ts := synthetic(7, 5)
	var ps []Period
	for m := 1; m <= 12; m++ {
		ps = append(ps, Period{2023, m})
	}
	all := ComputePeriods(figs, ts, Shares{{"x01", 3}: 0.2}, ps)
	for k, p := range ps {
		one := Compute(Input{Period: p, Figures: figs, Targets: ts, Shares: Shares{{"x01", 3}: 0.2}})
		if fmt.Sprint(one) != fmt.Sprint(all[k]) {
			t.Errorf("%s: ComputePeriods differs from Compute", p)
		}
		if len(one) != 7*5 {
			t.Errorf("%s: %d rows, want 35", p, len(one))
		}
	}
}

func TestSparseFigures(t *testing.T) {
	// 200 units, each with its own indicator: too sparse for a dense grid
	// of last year's values (200 × 200 pairs for 200 figures). Unit k's
	// value grows from k to 2k: growth 100 %.
	var figs []Figure
	for k := 1; k <= 200; k++ {
		u, ind := fmt.Sprintf("u%03d", k), fmt.Sprintf("i%03d", k)
		figs = append(figs, fig(jun22, u, ind, float64(k), nan), fig(jun23, u, ind, float64(2*k), nan))
	}
	rows := Compute(Input{Period: jun23, Figures: figs})
	if len(rows) != 200 {
		t.Fatalf("%d rows", len(rows))
	}
	for _, r := range rows {
		// Alone in its indicator: rank 1, and the province growth is its own.
		if r.Growth != 100 || r.Rank != 1 || r.ProvinceGrowth != 100 || r.Light != Green {
			t.Errorf("%+v", r)
		}
	}
}

// TestFallingIndicator: energy intensity should fall. Growths −4, −1, +2
// and the province's −2; a has the growth target −3.
// a: −4 ≤ −3, the target is met: green. b: no target, −1 > −2 (fell
// less than the province): red. c: rose: red. d: target −3 missed
// (−2.5 > −3) but −2.5 ≤ −2, better than the province: yellow. Ranks
// ascending: a 1, d 2, b 3, c 4.
func TestFallingIndicator(t *testing.T) {
	in := Input{Period: jun23, Falling: map[string]bool{"energy": true}, Figures: []Figure{
		fig(jun23, "620000", "energy", nan, -2),
		fig(jun23, "a", "energy", 1, -4), fig(jun23, "b", "energy", 1, -1),
		fig(jun23, "c", "energy", 1, 2), fig(jun23, "d", "energy", 1, -2.5),
	}, Targets: []Target{{Year: 2023, Unit: "a", Indicator: "energy", Value: -3, Kind: Growth},
		{Year: 2023, Unit: "d", Indicator: "energy", Value: -3, Kind: Growth}}}
	got := byUnit(Compute(in), "energy")
	want := map[string]struct {
		light Light
		rank  int
	}{"a": {Green, 1}, "b": {Red, 3}, "c": {Red, 4}, "d": {Yellow, 2}}
	for u, w := range want {
		if r := got[u]; r.Light != w.light || r.Rank != w.rank {
			t.Errorf("%s: %s %d, want %s %d", u, r.Light, r.Rank, w.light, w.rank)
		}
	}
	// Without Falling, as the command line reads it: a, b, d fell, so red;
	// descending c 2, b −1, d −2.5, a −4: a is 4th.
	in.Falling = nil
	if r := byUnit(Compute(in), "energy")["a"]; r.Light != Red || r.Rank != 4 {
		t.Errorf("rising reading of a: %s %d", r.Light, r.Rank)
	}
}
