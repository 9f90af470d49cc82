// Package target follows development zones' output targets (a value of a
// named measure such as 工业总产值 or 营业收入 to reach by a year): progress,
// the growth a year still needed, whether the zone is on track; and the
// tiers (百亿级 …) with the count of zones in each against the province's
// target, for zones and for clusters built from member zones. It is pure.
package target

import "math"

// Target is a unit's target: reach Value of Measure by Year. A unit is a
// zone or a cluster.
type Target struct {
	Unit, Measure string
	Year          int
	Value         float64
}

// Actuals holds the reported values: unit → measure → year → value.
type Actuals map[string]map[string]map[int]float64

// Get returns the value of unit's measure in year, NaN when not reported.
func (a Actuals) Get(unit, measure string, year int) float64 {
	if v, ok := a[unit][measure][year]; ok {
		return v
	}
	return math.NaN()
}

// Set records a value.
func (a Actuals) Set(unit, measure string, year int, v float64) {
	if a[unit] == nil {
		a[unit] = map[string]map[int]float64{}
	}
	if a[unit][measure] == nil {
		a[unit][measure] = map[int]float64{}
	}
	a[unit][measure][year] = v
}

// Progress is a target seen from a year. Undefined figures are NaN;
// OnTrack and Met are meaningful only when Known says so.
type Progress struct {
	Target
	At        int     // the year of the figures
	Current   float64 // the value in At
	Previous  float64 // the value in At − 1
	Ratio     float64 // progress = Current / target
	Growth    float64 // Current / Previous − 1
	YearsLeft int     // target year − At
	Needed    float64 // (target / Current)^(1 / YearsLeft) − 1, for YearsLeft > 0
	Met       bool    // Current ≥ target
	OnTrack   bool    // YearsLeft > 0: Growth ≥ Needed; else Met
	Known     bool    // whether OnTrack could be decided
}

// Compute returns the progress of t in year at. Needed is the constant
// yearly growth that takes Current to the target in the years left
// (undefined when Current or the target is not positive, or no year is
// left); a unit is on track when its growth over the last year is at
// least that, and, once the target year is reached or passed, when it
// has met the target.
func Compute(t Target, a Actuals, at int) Progress {
	p := Progress{Target: t, At: at, YearsLeft: t.Year - at, Needed: math.NaN(), Growth: math.NaN()}
	p.Current, p.Previous = a.Get(t.Unit, t.Measure, at), a.Get(t.Unit, t.Measure, at-1)
	p.Ratio = math.NaN()
	if t.Value != 0 {
		p.Ratio = p.Current / t.Value
	}
	if p.Previous > 0 {
		p.Growth = p.Current/p.Previous - 1
	}
	if p.YearsLeft > 0 && p.Current > 0 && t.Value > 0 {
		p.Needed = math.Pow(t.Value/p.Current, 1/float64(p.YearsLeft)) - 1
	}
	p.Met = p.Current >= t.Value
	switch {
	case p.YearsLeft <= 0:
		p.OnTrack, p.Known = p.Met, !math.IsNaN(p.Current)
	case !math.IsNaN(p.Growth) && !math.IsNaN(p.Needed):
		p.OnTrack, p.Known = p.Growth >= p.Needed, true
	}
	return p
}
