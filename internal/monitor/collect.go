package monitor

import (
	"cmp"
	"fmt"
	"math"
	"slices"
)

// Monitoring figures come in through the platform's collection tasks (a
// task per period and catalogue indicator, uploaded by the providing
// department with the checked import). A monitoring indicator is
// collected under its own code (the cumulative value) and, when the
// bureau's growth is official, under GrowthCode(code) (the growth in
// percent), so that an upload is an ordinary wide table
// (unit, m_gdp, m_gdp_growth, …) and every figure goes through the same
// checks, held imports and county confirmation as the yearly data.

// Source is a monitoring indicator as collection needs it.
type Source struct {
	Code           string
	Quarterly      bool // collected in March, June, September and December only
	OfficialGrowth bool // the bureau's growth is collected beside the value
	// GrowthOnly: the figure is the bureau's growth alone (规上工业增加值
	// 增速, 能耗降低率: an official growth of an indicator that does not add
	// up over units); its value code is not collected.
	GrowthOnly bool
}

// GrowthCode is the catalogue code under which the official growth of
// indicator code is collected: code + "_growth".
func GrowthCode(code string) string { return code + "_growth" }

// Due reports whether s is collected for the cumulative period ending in
// month: a monthly indicator from February on (January and February arrive
// together, so the first monthly period is 1–2月), a quarterly one at each
// quarter's end.
func (s Source) Due(month int) bool {
	if month < 2 || month > 12 {
		return false
	}
	return !s.Quarterly || month%3 == 0
}

// DueCodes returns the catalogue codes a collection task of month collects,
// in the order of srcs: each due indicator's code (unless it is
// GrowthOnly), followed by its growth code when its growth is official. It
// is empty for January (collected with
// February).
func DueCodes(srcs []Source, month int) []string {
	var out []string
	for _, s := range srcs {
		if !s.Due(month) {
			continue
		}
		if !s.GrowthOnly {
			out = append(out, s.Code)
		}
		if s.OfficialGrowth || s.GrowthOnly {
			out = append(out, GrowthCode(s.Code))
		}
	}
	return out
}

// Collected is one collected figure: a unit's value under a catalogue code
// (NaN when it was reported missing).
type Collected struct {
	Unit, Code string
	Value      float64
}

// Assemble turns the collected figures of period p into monitoring figures:
// for each indicator due in p and each unit with its value or its official
// growth, one Figure whose Value is the collected value (NaN without one)
// and whose Growth is the collected growth for an official-growth indicator
// (NaN otherwise: a growth is computed from values, never taken from an
// upload that is not the bureau's). Codes not due in p, and the value code
// of a GrowthOnly indicator, are ignored. The
// figures are ordered by indicator and unit. A unit collected twice under
// one code is an error (the store hands over one figure per key).
func Assemble(p Period, srcs []Source, got []Collected) ([]Figure, error) {
	type slot struct{ value, growth int } // index+1 into got, 0 when absent
	type key struct{ unit, ind string }
	role := map[string]struct {
		ind    string
		growth bool
	}{}
	for _, s := range srcs {
		if !s.Due(p.Month) {
			continue
		}
		if !s.GrowthOnly {
			role[s.Code] = struct {
				ind    string
				growth bool
			}{s.Code, false}
		}
		if s.OfficialGrowth || s.GrowthOnly {
			role[GrowthCode(s.Code)] = struct {
				ind    string
				growth bool
			}{s.Code, true}
		}
	}
	slots := map[key]*slot{}
	for i, c := range got {
		r, ok := role[c.Code]
		if !ok {
			continue
		}
		k := key{c.Unit, r.ind}
		sl := slots[k]
		if sl == nil {
			sl = &slot{}
			slots[k] = sl
		}
		at := &sl.value
		if r.growth {
			at = &sl.growth
		}
		if *at != 0 {
			return nil, fmt.Errorf("monitor: %s %s collected twice for %s", c.Unit, c.Code, p)
		}
		*at = i + 1
	}
	out := make([]Figure, 0, len(slots))
	for k, sl := range slots {
		f := Figure{Unit: k.unit, Indicator: k.ind, Period: p, Value: math.NaN(), Growth: math.NaN()}
		if sl.value > 0 {
			f.Value = got[sl.value-1].Value
		}
		if sl.growth > 0 {
			f.Growth = got[sl.growth-1].Value
		}
		out = append(out, f)
	}
	slices.SortFunc(out, func(a, b Figure) int {
		return cmp.Or(cmp.Compare(a.Indicator, b.Indicator), cmp.Compare(a.Unit, b.Unit))
	})
	return out, nil
}
