package monitor

import (
	"slices"
	"testing"
)

// cum builds a year's cumulative series from monthly increments; a NaN
// increment leaves that month unreported.
func cum(year int, monthly ...float64) YearSeries {
	s := YearSeries{Year: year}
	total := 0.0
	for m, v := range monthly {
		if v != v {
			s.Cum[m] = nan
			continue
		}
		total += v
		s.Cum[m] = total
	}
	return s
}

func TestSeasonalShares(t *testing.T) {
	// Investment that stops in winter. Totals: 2019 = 100, 2021 = 200,
	// 2022 = 400; 2020 is abnormal and skipped; 2018 is older than the last
	// three normal years; 2023 is the year itself and not a past year.
	// January is not reported (it comes with February).
	y2018 := cum(2018, nan, 50, 0, 0, 0, 0, 0, 0, 0, 0, 0, 50)
	y2019 := cum(2019, nan, 5, 10, 10, 10, 10, 10, 10, 10, 10, 15, 0)   // Feb 5, Jun 45, Dec 100
	y2020 := cum(2020, nan, 0, 0, 0, 50, 10, 10, 10, 10, 10, 0, 0)      // abnormal
	y2021 := cum(2021, nan, 20, 20, 20, 20, 20, 20, 20, 20, 20, 20, 0)  // Feb 20, Jun 100
	y2022 := cum(2022, nan, 20, 40, 40, 40, 40, 40, 40, 40, 40, 40, 20) // Feb 20, Jun 180
	y2023 := cum(2023, nan, 1000, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1)
	abnormal := func(y int) bool { return y == 2020 }
	shares, used, ok := SeasonalShares([]YearSeries{y2018, y2022, y2020, y2019, y2023, y2021}, 2023, abnormal)
	if !ok || !slices.Equal(used, []int{2022, 2021, 2019}) {
		t.Fatalf("used %v, ok %v; want 2022, 2021, 2019", used, ok)
	}
	// February: (20/400 + 20/200 + 5/100) / 3 = (0.05 + 0.1 + 0.05) / 3 = 0.0666…
	// June: (180/400 + 100/200 + 45/100) / 3 = (0.45 + 0.5 + 0.45) / 3 = 0.4666…
	// December: 1. January: not reported, NaN.
	for _, c := range []struct {
		month int
		want  float64
	}{{1, nan}, {2, 0.2 / 3}, {6, 1.4 / 3}, {12, 1}} {
		if got := shares[c.month-1]; !near(got, c.want) {
			t.Errorf("month %d: %v, want %v", c.month, got, c.want)
		}
	}

	t.Run("fewer than three normal years: no benchmark", func(t *testing.T) {
		if _, _, ok := SeasonalShares([]YearSeries{y2022, y2020, y2021}, 2023, abnormal); ok {
			t.Error("ok with two normal years")
		}
	})
	t.Run("a year without a December total does not count", func(t *testing.T) {
		open := cum(2022, nan, 20, 40, 40, 40, 40, 40, 40, 40, 40, 40, nan)
		_, used, ok := SeasonalShares([]YearSeries{open, y2021, y2019, y2018}, 2023, nil)
		if !ok || !slices.Equal(used, []int{2021, 2019, 2018}) {
			t.Errorf("used %v, ok %v; want 2021, 2019, 2018", used, ok)
		}
	})
	t.Run("a year given twice: no benchmark", func(t *testing.T) {
		if _, _, ok := SeasonalShares([]YearSeries{y2022, y2022, y2021, y2019}, 2023, nil); ok {
			t.Error("ok with 2022 twice")
		}
	})
	t.Run("as shares for Compute", func(t *testing.T) {
		sh := BenchmarkShares(map[string][]YearSeries{
			"inv": {y2022, y2021, y2019, y2020},
			"gdp": {y2022, y2021}, // too few years: left out
		}, 2023, abnormal)
		if got, ok := sh[ShareKey{"inv", 6}]; !ok || !near(got, 1.4/3) {
			t.Errorf("inv June %v %v", got, ok)
		}
		if _, ok := sh[ShareKey{"inv", 1}]; ok {
			t.Error("inv January present though never reported")
		}
		if _, ok := sh[ShareKey{"gdp", 6}]; ok {
			t.Error("gdp present with two years")
		}
		// Elapsed for inv in June is then the benchmark: 0.4666…, not 0.5.
		if e := Elapsed(sh, "inv", 6); !near(e, 1.4/3) {
			t.Errorf("elapsed %v", e)
		}
	})
}
