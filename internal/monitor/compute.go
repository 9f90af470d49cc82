package monitor

import (
	"cmp"
	"math"
	"slices"
)

// Input is what the monitoring table of one period is computed from.
type Input struct {
	Period Period
	// Figures may hold any periods; Compute reads those of Period and of
	// the same months a year earlier. Each unit, indicator and period
	// appears once (ReadFigures checks it).
	Figures []Figure
	// Targets may hold any years; Compute reads those of Period.Year.
	Targets []Target
	// Shares is the seasonal benchmark; nil means month / 12 throughout.
	Shares Shares
}

type unitInd struct{ unit, ind string }

// Compute builds the monitoring table: one row per non-province unit and
// indicator present in the period, ordered by unit code and, within a
// unit, by the indicators' order of first appearance in the figures.
// Ranks and the province growth are per indicator, among the non-province
// units.
func Compute(in Input) []Row {
	p, prev := in.Period, in.Period.YearEarlier()
	earlier := map[unitInd]float64{}
	for i := range in.Figures {
		f := &in.Figures[i]
		if f.Period == prev && !math.IsNaN(f.Value) {
			earlier[unitInd{f.Unit, f.Indicator}] = f.Value
		}
	}
	targets := map[unitInd]Target{}
	for _, t := range in.Targets {
		if t.Year == p.Year {
			targets[unitInd{t.Unit, t.Indicator}] = t
		}
	}
	type group struct {
		province *Figure
		units    []*Figure
	}
	var order []string // indicators by first appearance
	groups := map[string]*group{}
	for i := range in.Figures {
		f := &in.Figures[i]
		if f.Period != p {
			continue
		}
		g := groups[f.Indicator]
		if g == nil {
			g = &group{}
			groups[f.Indicator] = g
			order = append(order, f.Indicator)
		}
		if IsProvince(f.Unit) {
			g.province = f
		} else {
			g.units = append(g.units, f)
		}
	}
	var rows []Row
	indIndex := make(map[string]int, len(order))
	for k, ind := range order {
		indIndex[ind] = k
		g := groups[ind]
		start := len(rows)
		var sumV, sumE float64
		var both bool
		for _, f := range g.units {
			e, ok := earlier[unitInd{f.Unit, ind}]
			if !math.IsNaN(f.Value) && ok {
				sumV, sumE, both = sumV+f.Value, sumE+e, true
			}
			rows = append(rows, Row{Unit: f.Unit, Indicator: ind, Value: f.Value,
				Growth: GrowthOf(f.Growth, f.Value, earlierOr(ok, e))})
		}
		pg := math.NaN()
		if g.province != nil {
			e, ok := earlier[unitInd{g.province.Unit, ind}]
			pg = GrowthOf(g.province.Growth, g.province.Value, earlierOr(ok, e))
		}
		if math.IsNaN(pg) && both && sumE != 0 {
			pg = 100 * (sumV/sumE - 1)
		}
		part := rows[start:]
		rankInto(part, func(r *Row) float64 { return r.Growth }, func(r *Row, k int) { r.Rank = k })
		rankInto(part, func(r *Row) float64 { return r.Value }, func(r *Row, k int) { r.ValueRank = k })
		for i := range part {
			finish(&part[i], pg, targets, in.Shares, p.Month)
		}
	}
	slices.SortStableFunc(rows, func(a, b Row) int {
		return cmp.Or(cmp.Compare(a.Unit, b.Unit), cmp.Compare(indIndex[a.Indicator], indIndex[b.Indicator]))
	})
	return rows
}

func earlierOr(ok bool, e float64) float64 {
	if ok {
		return e
	}
	return math.NaN()
}

// finish fills the columns that follow from the growth: the province
// comparison, the target columns and the light.
func finish(r *Row, pg float64, targets map[unitInd]Target, shares Shares, month int) {
	nan := math.NaN()
	r.ProvinceGrowth, r.DiffPP = pg, r.Growth-pg // NaN when either is
	r.Target, r.Completion, r.Elapsed, r.ScheduleGap = nan, nan, nan, nan
	if t, ok := targets[unitInd{r.Unit, r.Indicator}]; ok {
		r.Kind, r.Target = t.Kind, t.Value
		switch t.Kind {
		case Absolute:
			r.Completion = finite(r.Value / t.Value)
			r.Elapsed = Elapsed(shares, r.Indicator, month)
			r.ScheduleGap = r.Completion - r.Elapsed
		case Growth:
			r.ScheduleGap = r.Growth - t.Value
		}
	}
	r.Light = LightOf(r.Growth, pg, r.Kind, r.ScheduleGap)
}

// finite returns v, or NaN when it is infinite (a division by a zero
// target).
func finite(v float64) float64 {
	if math.IsInf(v, 0) {
		return math.NaN()
	}
	return v
}

// rankInto ranks rows by key, descending, among those whose key is a
// number; ties share the smallest rank (1, 2, 2, 4), compared exactly.
func rankInto(rows []Row, key func(*Row) float64, set func(*Row, int)) {
	idx := make([]int, 0, len(rows))
	for i := range rows {
		if !math.IsNaN(key(&rows[i])) {
			idx = append(idx, i)
		}
	}
	slices.SortFunc(idx, func(a, b int) int { return cmp.Compare(key(&rows[b]), key(&rows[a])) })
	rank := 0
	for k, i := range idx {
		if k == 0 || key(&rows[i]) != key(&rows[idx[k-1]]) {
			rank = k + 1
		}
		set(&rows[i], rank)
	}
}
