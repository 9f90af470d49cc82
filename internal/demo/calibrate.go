package demo

import (
	_ "embed"
	"fmt"
	"math"
	"sort"
	"sync"

	"github.com/qiangxian/qiangxian/internal/method"
)

// The demo's evaluation method, written to examples/gansu/method.toml. The
// generator evaluates its own data with it while calibrating.
//
//go:embed method.toml
var methodTOML []byte

// MethodTOML returns the demo's evaluation method (examples/gansu/method.toml).
func MethodTOML() []byte { return append([]byte(nil), methodTOML...) }

// Method returns the demo's evaluation method, parsed.
func Method() (*method.Method, error) { return method.Parse("method.toml", methodTOML) }

// latents are the counties' latent strengths: [0] in 2021, [1] in 2022
// (growth rates, funds, panel score), [2] lasting (levels); see economy.
type latents [3][]float64

var (
	latOnce sync.Once
	latVal  latents
	latErr  error
)

// latent returns every county's latent strengths, found once by
// calibrate.
func latent() (latents, error) {
	latOnce.Do(func() { latVal, latErr = calibrate() })
	return latVal, latErr
}

// evaluate runs the demo method on year index y of the panel v, with the
// previous year's published ranks (nil for 2021).
func evaluate(m *method.Method, cs []County, v map[string]series, y int, prev map[string]float64) (*method.Outcome, error) {
	d := &method.Data{Values: map[string][]float64{}, Sample: true}
	for _, c := range cs {
		t1, t2 := CountyTypes(c.Code)
		types := []string{t1}
		if t2 != "" {
			types = append(types, t2)
		}
		d.Units = append(d.Units, method.Unit{Code: c.Code, Name: c.Name, Types: types})
	}
	for _, ind := range Indicators() {
		d.Values[ind.Code] = append([]float64(nil), v[ind.Code][y]...)
	}
	in := method.Input{Data: d, Period: itoa(years[y]), Targets: method.Targets{}}
	for _, t := range targets(cs, v, y) {
		if in.Targets[t.Indicator] == nil {
			in.Targets[t.Indicator] = map[string]float64{}
		}
		in.Targets[t.Indicator][t.Code] = t.Value
	}
	if years[y] == 2022 {
		for _, e := range events2022() {
			in.Events = append(in.Events, method.Event{Unit: e.Code, Date: e.Date, Type: e.Type, Department: e.Dept,
				Document: e.DocNo, Note: e.Note})
		}
	}
	if prev != nil {
		in.Previous = &method.Previous{Rank: prev, Period: itoa(years[y] - 1)}
	}
	return method.Run(m, in)
}

// calibrate finds the latent strengths that give the planned ranks
// (plan.go). For 2021 it evaluates the data of strength 0, plans the target
// order and turns it into target scores (the year's own scores, sorted,
// handed out in the target order); it moves each county's lasting strength
// towards its target, then its 2021 strength the rest of the way. For 2022
// it plans the order from 2021's ranks and moves the 2022 strengths alone,
// so that a county's levels carry over and its ranks move little.
//
// The yearly strength moves only figures scored against fixed standards or
// the county's own target (growth rates, funds against target, the panel
// score), so one county's strength does not change another's score; the
// lasting strength moves levels scored within the county's type, which
// interact a little, hence damped Newton steps.
func calibrate() (latents, error) {
	m, err := Method()
	if err != nil {
		return latents{}, fmt.Errorf("demo: the embedded method: %w", err)
	}
	cs := Counties()
	n := len(cs)
	lat := latents{make([]float64, n), make([]float64, n), make([]float64, n)}
	var prev map[string]float64
	rises := map[int]int{}
	for y := range years {
		o, err := calibrateYear(m, cs, &lat, y, prev, rises)
		if err != nil {
			return lat, err
		}
		prev = map[string]float64{}
		for i, c := range cs {
			prev[c.Code] = o.Rank[i]
		}
	}
	return lat, nil
}

// calibrateYear plans year index y and solves its strengths, replanning
// while a county wins a 先进县 in the place of a planned one; it returns
// the year's outcome.
//
// For 2021 it fills rises with the planned 2022 rises.
func calibrateYear(m *method.Method, cs []County, lat *latents, y int, prev map[string]float64, rises map[int]int) (*method.Outcome, error) {
	n := len(cs)
	penalty := make([]float64, n)
	share := map[int]float64{}
	for round := 0; ; round++ {
		for i := range lat[y] {
			lat[y][i] = 0
			if y == 0 {
				lat[2][i] = 0
			}
		}
		o, err := evaluate(m, cs, panel(cs, *lat), y, prev)
		if err != nil {
			return nil, err
		}
		var order []int
		if y == 0 {
			keys := make([]float64, n)
			for i := range keys {
				keys[i] = o.Exact[i] - penalty[i]
			}
			var r map[int]int
			order, r, err = plan2021(cs, keys)
			clear(rises)
			for i, v := range r {
				rises[i] = v
			}
		} else {
			order, err = plan2022(cs, prev, o.Rank, rises, penalty)
		}
		if err != nil {
			return nil, err
		}
		target := ladder(o.Exact, order)
		if y == 0 {
			// The lasting strength follows the planned move: a county planned
			// higher than its figures put it is stronger in both years.
			// The published winners are never made weaker than their model.
			// A county planned to rise in 2022 is stronger than its 2021 place
			// (riserShare of the way to its 2022 place): its 2021 is a poor
			// year, its 2022 a good one.
			sorted := ladder(o.Exact, order)
			byPlace := make([]float64, n)
			for k, i := range order {
				byPlace[k] = sorted[i]
			}
			for k, i := range order {
				lo, t := -maxLasting, target[i]
				if awarded2021[cs[i].Code] {
					lo = 0
				}
				if r, ok := rises[i]; ok {
					sh, seen := share[i]
					if !seen {
						sh = riserShare
						share[i] = sh
					}
					t += sh * (byPlace[max(k-r, 0)] - t)
				}
				lat[2][i] = clamp(lastingPerPoint*(t-o.Exact[i]), lo, maxLasting)
			}
		}
		if err := solve(m, cs, lat, y, y, prev, target, maxLatent); err != nil {
			return nil, err
		}
		if o, err = evaluate(m, cs, panel(cs, *lat), y, prev); err != nil {
			return nil, err
		}
		// A county that cannot reach its target lowers the targets below
		// it, so that the order holds; the year is solved again.
		if lowered := lowerBelowShort(order, target, o.Exact); lowered {
			if err := solve(m, cs, lat, y, y, prev, target, maxLatent); err != nil {
				return nil, err
			}
			if o, err = evaluate(m, cs, panel(cs, *lat), y, prev); err != nil {
				return nil, err
			}
		}
		// A county that wins 先进县 of a type in the place of a planned one
		// is planned lower, and the year solved again.
		in := intruders(cs, o, y)
		// A 2022 riser too strong to hold to its 2021 place gets less of
		// its 2022 strength.
		held := false
		for i, sh := range share {
			if o.Exact[i] > target[i]+0.05 && lat[y][i] <= -maxLatent && sh > 0 {
				share[i] = max(sh-0.15, 0)
				held = true
			}
		}
		if (len(in) == 0 && !held) || round == maxRounds {
			return o, nil
		}
		for _, i := range in {
			penalty[i] += 1.5
		}
	}
}

// lastingPerPoint is a county's lasting strength per point its 2021
// target lies above its score at strength 0; the 2021 strength takes it
// the rest of the way.
const lastingPerPoint = 0.8

// extraLatent2022 widens the 2022 strength of 崆峒区 and 临夏市, the two
// counties that must climb to the first two places.
const extraLatent2022 = 1.0

// riserShare is how far towards its 2022 place a 2022 riser's lasting
// strength is set.
const riserShare = 0.45

// maxRounds bounds the rounds of replanning around intruders.
const maxRounds = 8

// intruders returns the counties that stand above a planned 先进县 (2021's
// ten, 2022's three press-named) in a type where it misses out, the
// planned ones of the year left out.
func intruders(cs []County, o *method.Outcome, y int) []int {
	planned := map[string]bool{}
	if y == 0 {
		for _, p := range Advanced2021 {
			planned[p[0]], planned[p[1]] = true, true
		}
	} else {
		for _, c := range Advanced2022 {
			planned[c] = true
		}
	}
	won := map[string]bool{}
	for _, a := range o.Awards {
		if a.Award.Kind == "per_type" {
			for _, w := range a.Winners {
				won[cs[w].Code] = true
			}
		}
	}
	seen := map[int]bool{}
	var out []int
	for _, tr := range o.Types {
		worst := 0.0 // the type rank of the lowest planned county that misses out
		for k, u := range tr.Members {
			if c := cs[u].Code; planned[c] && !won[c] {
				worst = max(worst, tr.Rank[k])
			}
		}
		for k, u := range tr.Members {
			if !planned[cs[u].Code] && tr.Rank[k] < worst && !seen[u] {
				seen[u] = true
				out = append(out, u)
			}
		}
	}
	return out
}

// lowerBelowShort lowers, in place, the targets of the places below a
// county that fell short of its target to at most its score less
// ladderGap per place, and reports whether it lowered any.
func lowerBelowShort(order []int, target, score []float64) bool {
	lowered := false
	for k, i := range order {
		if score[i] >= target[i]-0.05 {
			continue
		}
		for d, j := range order[k+1:] {
			if cap := score[i] - ladderGap*float64(d+1); target[j] > cap {
				target[j], lowered = cap, true
			}
		}
	}
	return lowered
}

// ladderGap is the least distance between two neighbouring target scores:
// well above what rounding the figures to one decimal moves a score.
const ladderGap = 0.12

// ladder hands out the scores, sorted from the best, in order (order[k] is
// the county to hold place k+1), keeping neighbours ladderGap apart.
func ladder(scores []float64, order []int) []float64 {
	sorted := append([]float64(nil), scores...)
	sort.Sort(sort.Reverse(sort.Float64Slice(sorted)))
	out := make([]float64, len(scores))
	last := math.Inf(1)
	for k, i := range order {
		s := math.Min(sorted[k], last-ladderGap)
		out[i], last = s, s
	}
	return out
}

// solve moves the strengths lat[which] until every county's score of year
// index y (after deductions, before rounding) is within reach of its
// target. The slope of each county's score in its strength is measured
// once, raising every other county's strength by one and then the rest (so
// that a county is measured against unmoved neighbours); damped Newton
// steps follow, strengths held within ±bound.
func solve(m *method.Method, cs []County, lat *latents, which, y int, prev map[string]float64, target []float64, bound float64) error {
	score := func() ([]float64, error) {
		o, err := evaluate(m, cs, panel(cs, *lat), y, prev)
		if err != nil {
			return nil, err
		}
		return o.Exact, nil
	}
	s0, err := score()
	if err != nil {
		return err
	}
	l := lat[which]
	slope := make([]float64, len(cs))
	for parity := range 2 {
		for i := parity; i < len(l); i += 2 {
			l[i]++
		}
		s1, err := score()
		if err != nil {
			return err
		}
		for i := parity; i < len(l); i += 2 {
			l[i]--
			slope[i] = math.Max(s1[i]-s0[i], 0.3)
		}
	}
	s := s0
	for range 6 {
		for i := range l {
			b := bound
			if y == 1 && (cs[i].Code == "620802" || cs[i].Code == "622901") {
				b += extraLatent2022
			}
			l[i] = clamp(l[i]+0.9*(target[i]-s[i])/slope[i], -b, b)
		}
		if s, err = score(); err != nil {
			return err
		}
	}
	return nil
}

// maxLatent bounds a county's yearly strength (3 standard deviations of
// its growth rates), maxLasting its lasting strength (levels within
// exp(±0.45) of the model's).
const (
	maxLatent  = 3.5
	maxLasting = 3.0
)
