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
	// Falling names the indicators that should fall (energy intensity):
	// their growth ranks ascending and their light reads every comparison
	// the other way round (a rise is red; met is growth ≤ target). The
	// command line has no such column: nil, every indicator rises.
	Falling map[string]bool
}

// Compute builds the monitoring table: one row per non-province unit and
// indicator present in the period, ordered by unit code and, within a
// unit, by the indicators' order of first appearance in the figures.
// Ranks and the province growth are per indicator, among the non-province
// units.
func Compute(in Input) []Row {
	return computePeriods(in.Figures, in.Targets, in.Shares, in.Falling, []Period{in.Period})[0]
}

// Periods computes the table of each of periods as Compute does for
// in.Period, reading the figures once.
func (in Input) Periods(periods []Period) [][]Row {
	return computePeriods(in.Figures, in.Targets, in.Shares, in.Falling, periods)
}

// ComputePeriods computes the table of each of periods (the months of a
// trend) as Compute does, reading the figures once.
func ComputePeriods(figs []Figure, targets []Target, shares Shares, periods []Period) [][]Row {
	return computePeriods(figs, targets, shares, nil, periods)
}

func computePeriods(figs []Figure, targets []Target, shares Shares, falling map[string]bool, periods []Period) [][]Row {
	// Figures by period: the periods asked for and a year before each,
	// numbered year·12 + month so that a figure's bucket is an index.
	lo, hi := math.MaxInt, math.MinInt
	for _, p := range periods {
		lo, hi = min(lo, p.YearEarlier().index()), max(hi, p.index())
	}
	byPeriod := make([][]*Figure, max(hi-lo+1, 0))
	want := make([]bool, len(byPeriod))
	for _, p := range periods {
		want[p.index()-lo], want[p.YearEarlier().index()-lo] = true, true
	}
	for i := range figs {
		f := &figs[i]
		if k := f.Period.index() - lo; k >= 0 && k < len(want) && want[k] {
			byPeriod[k] = append(byPeriod[k], f)
		}
	}
	byYear := map[int]targetIndex{}
	out := make([][]Row, len(periods))
	for k, p := range periods {
		ts, ok := byYear[p.Year]
		if !ok {
			ts = targetIndex{}
			for i := range targets {
				if t := &targets[i]; t.Year == p.Year {
					m := ts[t.Indicator]
					if m == nil {
						m = map[string]*Target{}
						ts[t.Indicator] = m
					}
					m[t.Unit] = t
				}
			}
			byYear[p.Year] = ts
		}
		out[k] = compute(p, byPeriod[p.index()-lo], byPeriod[p.YearEarlier().index()-lo], ts, shares, falling)
	}
	return out
}

// targetIndex finds a year's targets by indicator, then unit: small maps
// keyed by one short string are cheaper than one large map keyed by both.
type targetIndex map[string]map[string]*Target

// group is one indicator's figures in a period.
type group struct {
	ind         string
	province    *Figure
	provEarlier float64
	figs        []*Figure // the non-province units' figures
	units       []int32   // their unit indexes
	pos         []int32   // their rows in the output
}

// compute builds the table of period p from its figures and those of a
// year earlier. Units and indicators are numbered once, so that the join
// with last year's figures and the output order need no string keys.
func compute(p Period, cur, prev []*Figure, targets targetIndex, shares Shares, falling map[string]bool) []Row {
	unitIdx := map[string]int32{}
	var unitCodes []string
	indIdx := map[string]int32{}
	var groups []*group // by indicator index: the order of first appearance
	for _, f := range cur {
		i, ok := indIdx[f.Indicator]
		if !ok {
			i = int32(len(groups))
			indIdx[f.Indicator] = i
			groups = append(groups, &group{ind: f.Indicator, provEarlier: math.NaN()})
		}
		g := groups[i]
		if IsProvince(f.Unit) {
			g.province = f
			continue
		}
		u, ok := unitIdx[f.Unit]
		if !ok {
			u = int32(len(unitCodes))
			unitIdx[f.Unit] = u
			unitCodes = append(unitCodes, f.Unit)
		}
		g.figs = append(g.figs, f)
		g.units = append(g.units, u)
	}
	earlier := newGrid(len(unitCodes), len(groups), len(cur))
	for _, f := range prev {
		i, ok := indIdx[f.Indicator]
		if !ok {
			continue
		}
		if g := groups[i]; g.province != nil && f.Unit == g.province.Unit {
			g.provEarlier = f.Value
		} else if u, ok := unitIdx[f.Unit]; ok {
			earlier.set(u, i, f.Value)
		}
	}
	// Output positions: units by code, each unit's rows in indicator order.
	order := make([]int32, len(unitCodes))
	for u := range order {
		order[u] = int32(u)
	}
	slices.SortFunc(order, func(a, b int32) int { return cmp.Compare(unitCodes[a], unitCodes[b]) })
	count := make([]int, len(unitCodes))
	for _, g := range groups {
		for _, u := range g.units {
			count[u]++
		}
	}
	next := make([]int, len(unitCodes)) // by unit index: its next row
	at := 0
	for _, u := range order {
		next[u] = at
		at += count[u]
	}
	rows := make([]Row, at)
	for i, g := range groups {
		var sumV, sumE float64
		var both bool
		g.pos = make([]int32, len(g.figs))
		for k, f := range g.figs {
			u := g.units[k]
			e := earlier.get(u, int32(i))
			if !math.IsNaN(f.Value) && !math.IsNaN(e) {
				sumV, sumE, both = sumV+f.Value, sumE+e, true
			}
			g.pos[k] = int32(next[u])
			next[u]++
			rows[g.pos[k]] = Row{Unit: f.Unit, Indicator: g.ind, Value: f.Value, Growth: GrowthOf(f.Growth, f.Value, e)}
		}
		pg := math.NaN()
		if g.province != nil {
			pg = GrowthOf(g.province.Growth, g.province.Value, g.provEarlier)
		}
		if math.IsNaN(pg) && both && sumE != 0 {
			pg = 100 * (sumV/sumE - 1)
		}
		sign := 1.0
		if falling[g.ind] {
			sign = -1
		}
		rankInto(rows, g.pos, func(r *Row) float64 { return sign * r.Growth }, func(r *Row, k int) { r.Rank = k })
		rankInto(rows, g.pos, func(r *Row) float64 { return r.Value }, func(r *Row, k int) { r.ValueRank = k })
		ts := targets[g.ind]
		for _, j := range g.pos {
			r := &rows[j]
			finish(r, pg, ts[r.Unit], shares, p.Month, sign)
		}
	}
	return rows
}

// grid holds last year's values by unit and indicator index: a dense
// array when most pairs are present (the usual table of every unit and
// indicator), a map otherwise, so that sparse data cannot make it huge.
type grid struct {
	units  int
	dense  []float64
	sparse map[int64]float64
}

func newGrid(units, inds, present int) *grid {
	if units*inds <= 2*present+1024 {
		d := make([]float64, units*inds)
		for i := range d {
			d[i] = math.NaN()
		}
		return &grid{units: units, dense: d}
	}
	return &grid{units: units, sparse: map[int64]float64{}}
}

func (g *grid) set(u, i int32, v float64) {
	if g.dense != nil {
		g.dense[int(i)*g.units+int(u)] = v
		return
	}
	g.sparse[int64(i)<<32|int64(u)] = v
}

func (g *grid) get(u, i int32) float64 {
	if g.dense != nil {
		return g.dense[int(i)*g.units+int(u)]
	}
	if v, ok := g.sparse[int64(i)<<32|int64(u)]; ok {
		return v
	}
	return math.NaN()
}

// finish fills the columns that follow from the growth: the province
// comparison, the target columns and the light (read with the signs of
// growths and gap turned by sign −1 for a falling indicator).
func finish(r *Row, pg float64, t *Target, shares Shares, month int, sign float64) {
	nan := math.NaN()
	r.ProvinceGrowth, r.DiffPP = pg, r.Growth-pg // NaN when either is
	r.Target, r.Completion, r.Elapsed, r.ScheduleGap = nan, nan, nan, nan
	if t != nil {
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
	r.Light = LightOf(sign*r.Growth, sign*pg, r.Kind, sign*r.ScheduleGap)
}

// finite returns v, or NaN when it is infinite (a division by a zero
// target).
func finite(v float64) float64 {
	if math.IsInf(v, 0) {
		return math.NaN()
	}
	return v
}

// rankInto ranks the rows at pos by key, descending, among those whose
// key is a number; ties share the smallest rank (1, 2, 2, 4), compared
// exactly.
func rankInto(rows []Row, pos []int32, key func(*Row) float64, set func(*Row, int)) {
	type kv struct {
		v float64
		j int32
	}
	keys := make([]kv, 0, len(pos))
	for _, j := range pos {
		if v := key(&rows[j]); !math.IsNaN(v) {
			keys = append(keys, kv{v, j})
		}
	}
	slices.SortFunc(keys, func(a, b kv) int { return cmp.Compare(b.v, a.v) })
	rank := 0
	for k, x := range keys {
		if k == 0 || x.v != keys[k-1].v {
			rank = k + 1
		}
		set(&rows[x.j], rank)
	}
}
