package monitor

import (
	"cmp"
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
)

// Level is a unit's place in the division hierarchy, read from its 6-digit
// code.
type Level int

// The levels.
const (
	OtherLevel Level = iota // not a 6-digit division code
	ProvinceLevel
	PrefectureLevel
	CountyLevel
)

// LevelOf reads the level from a 6-digit division code: XX0000 is a
// province, XXYY00 a prefecture, anything else a county-level unit.
func LevelOf(code string) Level {
	switch {
	case len(code) != 6 || !digits(code):
		return OtherLevel
	case code[2:] == "0000":
		return ProvinceLevel
	case code[4:] == "00":
		return PrefectureLevel
	}
	return CountyLevel
}

// ParentOf returns the code of the unit one level up: a county's
// prefecture, a prefecture's province; a county whose prefecture digits are
// 90 (省直辖县级行政区划) hangs from the province. "" for a province or a
// code that is not a division code.
func ParentOf(code string) string {
	switch LevelOf(code) {
	case PrefectureLevel:
		return code[:2] + "0000"
	case CountyLevel:
		if code[2:4] == "90" {
			return code[:2] + "0000"
		}
		return code[:4] + "00"
	}
	return ""
}

// Shortfall is a decomposed absolute target whose parts add up to less
// than the whole.
type Shortfall struct {
	Year         int
	Indicator    string
	Parent       string   // the unit whose target is decomposed
	ParentTarget float64  //
	Children     []string // the units below it that have targets, by code
	Sum          float64  // the sum of their targets
}

// Gap is how much the parts fall short of the whole.
func (s Shortfall) Gap() float64 { return s.ParentTarget - s.Sum }

// Message explains the shortfall in lang ("zh" or "en").
func (s Shortfall) Message(lang string) string {
	kids := strings.Join(s.Children, "、")
	if lang == "en" {
		return fmt.Sprintf("%d %s: the targets of the %d units under %s (%s) add up to %s, %s less than its own target %s. "+
			"For an absolute indicator the whole is the sum of its parts, so if every unit below just meets its target, %s misses its own: "+
			"the parts must add up to at least the whole. Raise the targets below by %s in total, or lower %s's.",
			s.Year, s.Indicator, len(s.Children), s.Parent, strings.Join(s.Children, ", "), num(s.Sum), num(s.Gap()),
			num(s.ParentTarget), s.Parent, num(s.Gap()), s.Parent)
	}
	return fmt.Sprintf("%d 年 %s：%s 下属 %d 个单位（%s）的目标合计 %s，比其自身目标 %s 少 %s。"+
		"总量指标的上级数值等于下级之和，下级都恰好完成目标时上级仍完不成：分解到下级的目标之和应不小于上级目标。"+
		"请把下级目标共调高 %s，或调低 %s 的目标。",
		s.Year, s.Indicator, s.Parent, len(s.Children), kids, num(s.Sum), num(s.ParentTarget), num(s.Gap()),
		num(s.Gap()), s.Parent)
}

func num(v float64) string { return strconv.FormatFloat(v, 'f', -1, 64) }

// CheckDecomposition checks the decomposition of absolute targets province
// → prefecture → county: for each year, indicator and unit with an
// absolute target, the absolute targets of the units directly below it
// must add up to at least its own (up to a relative 1e-9 for rounding).
// Below a province are its prefectures (and the counties it governs
// directly, prefecture digits 90); when no prefecture of the province has a
// target for that year and indicator, its counties are summed instead.
// Units without a target below are not counted (the check cannot know them);
// a parent with no child target is not checked. Growth targets are not
// additive and are not checked. Shortfalls come by year, indicator and
// parent code.
func CheckDecomposition(targets []Target) []Shortfall {
	type key struct {
		year      int
		ind, unit string
	}
	abs := make(map[key]float64, len(targets))
	for _, t := range targets {
		if t.Kind == Absolute && LevelOf(t.Unit) != OtherLevel && !math.IsNaN(t.Value) {
			abs[key{t.Year, t.Indicator, t.Unit}] = t.Value
		}
	}
	direct := map[key]*parts{}   // children one level down
	counties := map[key]*parts{} // a province's counties, for the fallback
	add := func(m map[key]*parts, k key, child string) {
		p := m[k]
		if p == nil {
			p = &parts{}
			m[k] = p
		}
		p.kids = append(p.kids, child)
	}
	for k := range abs {
		if parent := ParentOf(k.unit); parent != "" {
			add(direct, key{k.year, k.ind, parent}, k.unit)
		}
		if LevelOf(k.unit) == CountyLevel {
			add(counties, key{k.year, k.ind, k.unit[:2] + "0000"}, k.unit)
		}
	}
	var out []Shortfall
	for k, whole := range abs {
		if LevelOf(k.unit) == CountyLevel {
			continue // nothing below
		}
		p := direct[k]
		if LevelOf(k.unit) == ProvinceLevel && !hasPrefecture(p) {
			p = counties[k]
		}
		if p == nil {
			continue
		}
		kids := slices.Clone(p.kids)
		slices.Sort(kids)
		sum := 0.0
		for _, c := range kids { // in code order, so that the sum is reproducible
			sum += abs[key{k.year, k.ind, c}]
		}
		if sum >= whole-1e-9*math.Abs(whole) {
			continue
		}
		out = append(out, Shortfall{Year: k.year, Indicator: k.ind, Parent: k.unit, ParentTarget: whole, Children: kids, Sum: sum})
	}
	slices.SortFunc(out, func(a, b Shortfall) int {
		return cmp.Or(cmp.Compare(a.Year, b.Year), cmp.Compare(a.Indicator, b.Indicator), cmp.Compare(a.Parent, b.Parent))
	})
	return out
}

// parts are the units below a parent that have targets.
type parts struct{ kids []string }

func hasPrefecture(p *parts) bool {
	return p != nil && slices.ContainsFunc(p.kids, func(c string) bool { return LevelOf(c) == PrefectureLevel })
}
