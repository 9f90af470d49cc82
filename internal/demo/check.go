package demo

import (
	"fmt"
	"math"
	"slices"
	"sort"

	"github.com/qiangxian/qiangxian/internal/method"
)

// YearResult is what CheckCalibration reads of a year's evaluation: the
// overall ranks, the ranks within each type, the rank changes (a rise is
// positive) and the winners of each award by name ("先进县" per type as
// "先进县/城市服务型").
type YearResult struct {
	Rank     map[string]float64
	TypeRank map[string]map[string]float64 // type → county → rank
	Change   map[string]float64
	Winners  map[string][]string
}

// ResultOf reads a YearResult from a method outcome.
func ResultOf(o *method.Outcome) YearResult {
	r := YearResult{Rank: map[string]float64{}, TypeRank: map[string]map[string]float64{}, Change: map[string]float64{},
		Winners: map[string][]string{}}
	for i, u := range o.Units {
		r.Rank[u.Code] = o.Rank[i]
		if o.RankChange != nil && !math.IsNaN(o.RankChange[i]) {
			r.Change[u.Code] = o.RankChange[i]
		}
	}
	for _, tr := range o.Types {
		r.TypeRank[tr.Type] = map[string]float64{}
		for k, u := range tr.Members {
			r.TypeRank[tr.Type][o.Units[u].Code] = tr.Rank[k]
		}
	}
	for _, a := range o.Awards {
		name := a.Award.Name
		if a.Type != "" {
			name += "/" + a.Type
		}
		for _, w := range a.Winners {
			r.Winners[name] = append(r.Winners[name], o.Units[w].Code)
		}
	}
	return r
}

// Evaluate runs the demo method on the generated data of 2021 and 2022
// (2022's rank changes against 2021's ranks), as `qiangxian evaluate` does
// on the files of examples/gansu.
func Evaluate() (o21, o22 *method.Outcome, err error) {
	m, err := Method()
	if err != nil {
		return nil, nil, err
	}
	lat, err := latent()
	if err != nil {
		return nil, nil, err
	}
	cs := Counties()
	v := panel(cs, lat)
	if o21, err = evaluate(m, cs, v, 0, nil); err != nil {
		return nil, nil, err
	}
	prev := map[string]float64{}
	for i, c := range cs {
		prev[c.Code] = o21.Rank[i]
	}
	o22, err = evaluate(m, cs, v, 1, prev)
	return o21, o22, err
}

// Stability returns the mean and the largest absolute change of rank
// between the years, over the counties ranked in both.
func Stability(r21, r22 YearResult) (mean, largest float64) {
	n := 0
	for c, a := range r21.Rank {
		b, ok := r22.Rank[c]
		if !ok {
			continue
		}
		d := math.Abs(a - b)
		mean += d
		largest = math.Max(largest, d)
		n++
	}
	return mean / float64(n), largest
}

// CheckCalibration returns how the two years' results depart from what
// the demo is calibrated to (none when they meet it): the published 2021
// 十强县 (肃州区 2nd, 玉门市 9th) and 先进县; the press-named 2022 进步县
// with their published rises, 古浪县's the largest; the press-named 2022
// 先进县 (临夏市 2nd of 城市服务型); exactly ten winners of each award;
// a mean absolute rank change of at most 8 places and none beyond 30.
func CheckCalibration(r21, r22 YearResult) []string {
	var bad []string
	fail := func(format string, a ...any) { bad = append(bad, fmt.Sprintf(format, a...)) }
	advanced := func(r YearResult) []string {
		var out []string
		for _, t := range Types() {
			out = append(out, r.Winners["先进县/"+t]...)
		}
		return out
	}
	sameSet := func(what string, got, want []string) {
		g, w := slices.Clone(got), slices.Clone(want)
		sort.Strings(g)
		sort.Strings(w)
		if !slices.Equal(g, w) {
			fail("%s: %v, want %v", what, g, w)
		}
	}
	var top21, adv21, rise22, adv22 []string
	for _, p := range PublishedAwards() {
		switch {
		case p.Year == 2021 && p.Award == "十强县":
			top21 = append(top21, p.Code)
			if p.Rank != 0 && r21.Rank[p.Code] != float64(p.Rank) {
				fail("2021 %s: rank %v, published %d", p.Name, r21.Rank[p.Code], p.Rank)
			}
		case p.Year == 2021 && p.Award == "先进县":
			adv21 = append(adv21, p.Code)
			if p.Type != "" && !slices.Contains(r21.Winners["先进县/"+p.Type], p.Code) {
				fail("2021 %s: not 先进县 of %s", p.Name, p.Type)
			}
		case p.Year == 2022 && p.Award == "进步县":
			rise22 = append(rise22, p.Code)
			if !slices.Contains(r22.Winners["进步县"], p.Code) {
				fail("2022 %s: not 进步县", p.Name)
			}
			if p.Rise != 0 && r22.Change[p.Code] != float64(p.Rise) {
				fail("2022 %s: rose %v places, published %d", p.Name, r22.Change[p.Code], p.Rise)
			}
		case p.Year == 2022 && p.Award == "先进县":
			adv22 = append(adv22, p.Code)
			if !slices.Contains(advanced(r22), p.Code) {
				fail("2022 %s: not 先进县", p.Name)
			}
			if p.Type != "" && p.Rank != 0 && r22.TypeRank[p.Type][p.Code] != float64(p.Rank) {
				fail("2022 %s: %v of %s, published %d", p.Name, r22.TypeRank[p.Type][p.Code], p.Type, p.Rank)
			}
		}
	}
	sameSet("2021 十强县", r21.Winners["十强县"], top21)
	sameSet("2021 先进县", advanced(r21), adv21)
	for code, rise := range r22.Change {
		if rise >= 24 && code != "620622" {
			fail("2022: %s rose %v places, more than 古浪县's published 24 (the largest)", code, rise)
		}
	}
	for _, y := range []struct {
		year int
		r    YearResult
	}{{2021, r21}, {2022, r22}} {
		if n := len(y.r.Winners["十强县"]); n != 10 {
			fail("%d: %d 十强县", y.year, n)
		}
		if n := len(advanced(y.r)); n != 10 {
			fail("%d: %d 先进县", y.year, n)
		}
	}
	if n := len(r22.Winners["进步县"]); n != 10 {
		fail("2022: %d 进步县", n)
	}
	mean, largest := Stability(r21, r22)
	if mean > 8 {
		fail("mean absolute rank change %.2f > 8", mean)
	}
	if largest > 30 {
		fail("largest rank change %v > 30", largest)
	}
	return bad
}
