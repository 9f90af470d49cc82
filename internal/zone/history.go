// Package zone is the development-zone assessment's rule engine (开发区考核
// 评价): grade histories, grades from the method's [[grade]] bands, streaks
// (连续 N 年被评为优秀) and the dynamic-management rules of [[management]]
// tables (降级预警, 退出预警, 升级推荐 …), with renames, mergers and upgrades.
// It is pure: records in, results out; the CLI reads the history CSV with
// ReadHistory and the store will serialise the same records.
package zone

import (
	"cmp"
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/qiangxian/qiangxian/internal/locale"
	"github.com/qiangxian/qiangxian/internal/method"
)

// Record is one line of a grade history: a unit's result in a held period.
type Record struct {
	Period    string
	Unit      string  // opaque code
	Group     string  // opaque: the group the unit was ranked in that period
	GroupRank float64 // NaN: computed by Build from Score within Group and Period
	Score     float64 // NaN: unknown (then Grade and GroupRank must be given)
	Grade     string  // "": computed by Build from the grade bands
	Cap       string  // the best grade a computed grade may be ("" = any), e.g. 良好 for a high-risk park
	// Established is the year the unit was set up (0 = unknown) and Merging
	// marks a unit being merged (整合) in this period; both serve the
	// exemptions of management rules.
	Established int
	Merging     bool
	// Positions are the unit's places in external national lists in this
	// period (list → place, 1 = first), recorded facts that rules of kind
	// "position" read; nil when none.
	Positions map[string]int
}

// History is a completed grade history: its held periods in order and every
// record with a group rank and a grade. Every period present is a held
// period (a year in which an assessment took place).
type History struct {
	Periods []string // held periods, oldest first
	Records []Record // as given, completed

	numeric bool             // periods compare as numbers
	pidx    map[string]int   // period → index in Periods
	at      []map[string]int // per period index: unit → record index
	groups  map[groupKey][]float64
}

type groupKey struct {
	p int
	g string
}

// Problem is a record that cannot be completed: Record indexes the records
// given to Build, Field names the column at fault.
type Problem struct {
	Record int
	Field  string // period, unit, group_rank, score, grade
	Msg    locale.Message
}

// Problems are all the records Build could not complete, in record order.
type Problems []Problem

func (ps Problems) Error() string {
	lines := make([]string, len(ps))
	for i, p := range ps {
		lines[i] = "record " + strconv.Itoa(p.Record+1) + ": " + p.Field + ": " + p.Msg.In(locale.EN)
	}
	return strings.Join(lines, "\n")
}

// Build completes recs into a History: an empty group rank is computed
// from the score within the record's group and period (higher score
// better; ties share the smallest rank: 1, 2, 2, 4; records without a score
// do not count), and an empty grade is the first band of grades that the
// record meets (min_score: score ≥; max_rank: group rank ≤; a band with
// neither catches all; quotas and caps as in method.GradeUnits, within the
// group and period); a record meeting no band (or without bands) stays
// ungraded. recs is not modified. Periods sort as numbers when all of them
// are numbers, else as strings.
func Build(recs []Record, grades []method.Grade) (*History, error) {
	h := &History{Records: slices.Clone(recs), pidx: map[string]int{}, groups: map[groupKey][]float64{}}
	var probs Problems
	h.sortPeriods()
	h.at = make([]map[string]int, len(h.Periods))
	for i := range h.at {
		h.at[i] = map[string]int{}
	}
	scores := map[groupKey][]float64{}
	for i, r := range h.Records {
		p := h.pidx[r.Period]
		if _, dup := h.at[p][r.Unit]; dup {
			probs = append(probs, Problem{i, "unit", locale.M("zone.dup", r.Unit, r.Period)})
			continue
		}
		h.at[p][r.Unit] = i
		switch {
		case math.IsNaN(r.Score) && math.IsNaN(r.GroupRank):
			probs = append(probs, Problem{i, "score", locale.M("zone.noscore")})
		case !math.IsNaN(r.GroupRank) && r.GroupRank < 1:
			probs = append(probs, Problem{i, "group_rank", locale.M("zone.rank", r.GroupRank)})
		}
		if r.Established != 0 && !h.numeric {
			probs = append(probs, Problem{i, "period", locale.M("zone.year", r.Period)})
		}
		if !math.IsNaN(r.Score) {
			k := groupKey{p, r.Group}
			scores[k] = append(scores[k], r.Score)
		}
	}
	for _, s := range scores {
		slices.Sort(s)
	}
	for i := range h.Records {
		r := &h.Records[i]
		k := groupKey{h.pidx[r.Period], r.Group}
		if math.IsNaN(r.GroupRank) && !math.IsNaN(r.Score) {
			s := scores[k]
			// 1 + the number of strictly higher scores.
			hi, _ := slices.BinarySearch(s, math.Nextafter(r.Score, math.Inf(1)))
			r.GroupRank = float64(1 + len(s) - hi)
		}
		if r.Grade == "" && math.IsNaN(r.Score) && !math.IsNaN(r.GroupRank) && needsScore(grades, r.GroupRank, r.Cap) {
			probs = append(probs, Problem{i, "score", locale.M("zone.gradescore")})
		}
		if r.Cap != "" && !slices.ContainsFunc(grades, func(g method.Grade) bool { return g.Name == r.Cap }) {
			probs = append(probs, Problem{i, "grade_cap", locale.M("zone.cap", r.Cap)})
		}
	}
	if len(probs) > 0 {
		slices.SortStableFunc(probs, func(a, b Problem) int { return cmp.Compare(a.Record, b.Record) })
		return nil, probs
	}
	members := map[groupKey][]int{}
	for p, units := range h.at {
		for _, i := range units {
			k := groupKey{p, h.Records[i].Group}
			members[k] = append(members[k], i)
			h.groups[k] = append(h.groups[k], h.Records[i].GroupRank)
		}
	}
	for k, ranks := range h.groups {
		slices.Sort(ranks)
		h.gradeGroup(members[k], grades)
	}
	return h, nil
}

// gradeGroup grades the records of one group and period that have no
// grade yet: quotas count the whole group.
func (h *History) gradeGroup(idx []int, grades []method.Grade) {
	if len(grades) == 0 {
		return
	}
	slices.Sort(idx) // record order, so that results do not depend on map order
	n := len(idx)
	score, rank, given, caps := make([]float64, n), make([]float64, n), make([]string, n), make([]string, n)
	for j, i := range idx {
		r := h.Records[i]
		score[j], rank[j], given[j], caps[j] = r.Score, r.GroupRank, r.Grade, r.Cap
	}
	for j, g := range method.GradeUnits(grades, score, rank, given, caps) {
		h.Records[idx[j]].Grade = g
	}
}

// needsScore reports whether grading a record of group rank rank (capped
// at grade cap) reads its score: going down the bands from the top (from
// the cap), a band with min_score comes before one that the rank alone
// decides (a max_rank band it meets, or a catch-all).
func needsScore(grades []method.Grade, rank float64, cap string) bool {
	from := 0
	if cap != "" {
		from = max(0, slices.IndexFunc(grades, func(g method.Grade) bool { return g.Name == cap }))
	}
	for _, g := range grades[from:] {
		switch {
		case !math.IsNaN(g.MinScore):
			return true
		case math.IsNaN(g.MaxRank) || rank <= g.MaxRank:
			return false
		}
	}
	return false
}

// sortPeriods collects the distinct periods in order: numerically when all
// parse as numbers (ties, such as 2021 and 2021.0, by their spelling), else
// as strings.
func (h *History) sortPeriods() {
	seen := map[string]bool{}
	for _, r := range h.Records {
		if !seen[r.Period] {
			seen[r.Period] = true
			h.Periods = append(h.Periods, r.Period)
		}
	}
	h.numeric = true
	for _, p := range h.Periods {
		if _, err := strconv.ParseFloat(p, 64); err != nil {
			h.numeric = false
			break
		}
	}
	slices.SortFunc(h.Periods, h.compare)
	for i, p := range h.Periods {
		h.pidx[p] = i
	}
}

// compare orders two periods the way the history does.
func (h *History) compare(a, b string) int {
	if h.numeric {
		x, errx := strconv.ParseFloat(a, 64)
		y, erry := strconv.ParseFloat(b, 64)
		if errx == nil && erry == nil && x != y {
			return cmp.Compare(x, y)
		}
	}
	return strings.Compare(a, b)
}

// record returns the record of unit in period index p.
func (h *History) record(p int, unit string) (*Record, bool) {
	i, ok := h.at[p][unit]
	if !ok {
		return nil, false
	}
	return &h.Records[i], true
}

func init() {
	locale.Register(map[string][2]string{
		"zone.dup":        {"单位 %s 在 %s 期出现两次", "unit %s appears twice in period %s"},
		"zone.noscore":    {"得分与组内名次不能都为空", "score and group_rank cannot both be empty"},
		"zone.rank":       {"组内名次应不小于 1，实际为 %v", "group_rank must be at least 1, found %v"},
		"zone.year":       {"给出设立年份时，期别须为年份（数值），实际为 %q", "with an establishment year, periods must be years (numbers), found %q"},
		"zone.cap":        {"未知的等级 %q", "unknown grade %q"},
		"zone.gradescore": {"等级为空，按得分评定等级需要得分", "the grade is empty and grading by min_score needs the score"},
	})
}
