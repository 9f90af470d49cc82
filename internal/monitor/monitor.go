// Package monitor computes the monthly monitoring table of cumulative
// figures (1–N月累计) against year-start targets: growth (同比增速), ranks
// by growth and by value, the province's growth and each unit's difference
// from it (比全省, percentage points), completion of the annual target
// (完成率), elapsed time (序时进度: months / 12, or a seasonal benchmark),
// the schedule gap (序时差) and a traffic light. It also computes the
// seasonal benchmark from past years and checks that targets decomposed
// province → prefecture → county add up.
//
// The package is pure: figures, targets and benchmark shares in, rows out.
// The command line (qiangxian monitor) and the server build the same table
// with Compute, so that they cannot disagree.
package monitor

import (
	"math"
	"strings"
)

// Figure is one cumulative figure of a unit for an indicator.
type Figure struct {
	Unit, Indicator string
	Period          Period
	// Value is the cumulative value from January; NaN when not reported.
	Value float64
	// Growth is the official growth in percent (6.4 means 6.4 %) when it is
	// supplied, NaN otherwise (then it is computed from the value a year
	// earlier).
	Growth float64
}

// Kind is the kind of a target.
type Kind string

// The target kinds.
const (
	Absolute Kind = "absolute" // a cumulative value to reach by December
	Growth   Kind = "growth"   // a growth rate in percent
)

// Target is a unit's year-start target (年度目标) for an indicator.
type Target struct {
	Year            int
	Unit, Indicator string
	Value           float64
	Kind            Kind
}

// ShareKey names a benchmark share: an indicator and a month.
type ShareKey struct {
	Indicator string
	Month     int
}

// Shares are seasonal benchmark shares: the expected fraction of the year's
// total reached by the end of a month, per indicator. An indicator and
// month not in the map use month / 12.
type Shares map[ShareKey]float64

// Light is a traffic light: green, yellow, red, or "" when it cannot be
// judged.
type Light string

// The lights.
const (
	None   Light = ""
	Green  Light = "green"
	Yellow Light = "yellow"
	Red    Light = "red"
)

// Row is one line of the monitoring table: a unit and an indicator in the
// period. Numbers are NaN and ranks 0 where undefined.
type Row struct {
	Unit, Indicator string
	Value           float64
	Growth          float64 // percent
	Rank            int     // by growth, descending, ties share the smallest rank
	ValueRank       int     // by value, the same way
	ProvinceGrowth  float64 // percent
	DiffPP          float64 // Growth − ProvinceGrowth, percentage points
	Kind            Kind    // "" without a target
	Target          float64
	Completion      float64 // Value / Target (absolute targets)
	Elapsed         float64 // benchmark share, else month / 12 (absolute targets)
	ScheduleGap     float64 // Completion − Elapsed, or Growth − Target for a growth target
	Light           Light
}

// IsProvince reports whether unit is the province's own figure: a code
// ending in 0000 (620000). Its growth is the province growth; it is never
// output, ranked or summed.
func IsProvince(unit string) bool { return strings.HasSuffix(unit, "0000") }

// GrowthOf is the growth rule: the supplied growth, else
// 100 × (value / earlier − 1); NaN when neither can be had (the value or
// the earlier value missing, or the earlier value 0).
func GrowthOf(supplied, value, earlier float64) float64 {
	if !math.IsNaN(supplied) {
		return supplied
	}
	if math.IsNaN(value) || math.IsNaN(earlier) || earlier == 0 {
		return math.NaN()
	}
	return 100 * (value/earlier - 1)
}

// Elapsed returns the elapsed share of the year for indicator at the end of
// month: the benchmark share when shares has one, else month / 12.
func Elapsed(shares Shares, indicator string, month int) float64 {
	if s, ok := shares[ShareKey{indicator, month}]; ok {
		return s
	}
	return float64(month) / 12
}

// LightOf returns the light of a unit's indicator, checked in this order:
// none without growth; red when growth < 0; green when the target is met
// (absolute: gap ≥ 0; growth target: growth ≥ target, i.e. gap ≥ 0; no
// target: growth ≥ the province's); yellow when growth ≥ the province's;
// red otherwise. A comparison with a missing number is false: without a
// target and without a province growth nothing is met, and a non-negative
// growth is red.
func LightOf(growth, provinceGrowth float64, kind Kind, gap float64) Light {
	switch {
	case math.IsNaN(growth):
		return None
	case growth < 0:
		return Red
	}
	if kind == "" {
		// Read to the letter of the contract: without a province growth
		// there is nothing to meet, so the light is red (a comparison
		// with an empty value is false).
		if growth >= provinceGrowth { // false for NaN
			return Green
		}
		return Red
	}
	switch {
	case gap >= 0: // false for NaN
		return Green
	case growth >= provinceGrowth:
		return Yellow
	}
	return Red
}
