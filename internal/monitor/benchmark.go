package monitor

import (
	"math"
	"slices"
)

// BenchmarkYears is how many past normal years a seasonal benchmark
// averages.
const BenchmarkYears = 3

// YearSeries is one year's cumulative values of an indicator: Cum[m-1] is
// the value of 1–m月, NaN when that month was not reported (January, which
// statistics bureaus report together with February, usually is not).
type YearSeries struct {
	Year int
	Cum  [12]float64
}

// SeasonalShares computes the seasonal benchmark for year from past years:
// for each month, the average over the last three normal years before year
// of the cumulative share reached by that month, Cum[m-1] / Cum[11].
//
// A past year counts when abnormal (which may be nil) does not exclude it
// (2020, say, for an epidemic year) and its December total is a positive
// number. used lists the years averaged, latest first. ok is false when
// fewer than three years count: there is then no benchmark and elapsed
// time stays month / 12; so it is when a year among the three is given
// twice. A month that one of the three years did not report
// is NaN in shares (month / 12 applies to it).
func SeasonalShares(series []YearSeries, year int, abnormal func(int) bool) (shares [12]float64, used []int, ok bool) {
	cand := make([]*YearSeries, 0, len(series))
	for i := range series {
		s := &series[i]
		if s.Year < year && (abnormal == nil || !abnormal(s.Year)) && s.Cum[11] > 0 && !math.IsInf(s.Cum[11], 0) {
			cand = append(cand, s)
		}
	}
	slices.SortStableFunc(cand, func(a, b *YearSeries) int { return b.Year - a.Year })
	for i := range shares {
		shares[i] = math.NaN()
	}
	if len(cand) < BenchmarkYears {
		return shares, nil, false
	}
	cand = cand[:BenchmarkYears]
	for i := 1; i < len(cand); i++ {
		if cand[i].Year == cand[i-1].Year {
			return shares, nil, false // a year given twice: which is right?
		}
	}
	for _, s := range cand {
		used = append(used, s.Year)
	}
	for m := range 12 {
		sum := 0.0
		for _, s := range cand {
			sum += s.Cum[m] / s.Cum[11] // NaN when the month is missing
		}
		shares[m] = sum / BenchmarkYears
	}
	return shares, used, true
}

// BenchmarkShares computes the seasonal benchmark of every indicator in
// series (indicator → its yearly series, usually the province's own
// figures) for year, as the Shares that Compute reads. Indicators without
// three normal years, and missing months, are left out.
func BenchmarkShares(series map[string][]YearSeries, year int, abnormal func(int) bool) Shares {
	out := Shares{}
	for ind, ss := range series {
		shares, _, ok := SeasonalShares(ss, year, abnormal)
		if !ok {
			continue
		}
		for m, s := range shares {
			if !math.IsNaN(s) {
				out[ShareKey{ind, m + 1}] = s
			}
		}
	}
	return out
}

// Abnormal reports whether year is excluded from seasonal benchmarks: 2020,
// the epidemic year, whose months were nothing like a normal year's.
func Abnormal(year int) bool { return year == 2020 }
