package zone

import (
	"fmt"
	"math"
	"slices"
	"strconv"

	"github.com/qiangxian/qiangxian/internal/method"
)

// Result is a unit's assessment in one period: its grade and streak and
// the management actions it gets.
type Result struct {
	Unit      string
	Period    string
	Group     string
	GroupRank float64
	Score     float64 // NaN when not given
	Grade     string  // "" when no band was met
	// Streak counts the consecutive held periods, ending with this one, in
	// which the unit (or a unit it continues) had Grade; 0 when ungraded.
	// StreakFrom is its first period.
	Streak     int
	StreakFrom string
	Warnings   []Warning   // in the order of the management rules
	Exempt     []Exemption // rules that would have applied but for an exemption
}

// Warning is a management action a unit gets.
type Warning struct {
	Rule   int // index of the [[management]] table
	Action string
	// Years are the held periods of the window in which the unit counted
	// in, oldest first.
	Years []string
	// Tie is set when the warning rests on a tie at a cut-off (并列，须领导
	// 小组认定): fewer than the rule's times of Years counted in without
	// one, or the second stage kept the unit through a tie.
	Tie bool
	// Average is the second stage's average group rank (NaN without one).
	Average float64
}

// Exemption reasons.
const (
	ExemptNew     = "new"     // set up less than exempt_new_years ago
	ExemptMerging = "merging" // being merged
)

// Exemption is a rule a unit met but is exempt from.
type Exemption struct {
	Rule   int
	Action string
	Reason string // ExemptNew or ExemptMerging
	Years  []string
}

// countIn says whether a record counts in for a rule: among the ranks of
// its group that period (sorted), fewer than the rule's cut-off are
// strictly worse (bottom: larger) or strictly better (top: smaller). tie
// is set when the record counts in only because ties share a place.
func countIn(ranks []float64, rank float64, g method.Management) (in, tie bool) {
	n := len(ranks)
	cut := g.Count
	if g.Count == 0 {
		// ceil of share × size; the tolerance keeps 0.1 × 30 at 3.
		cut = int(math.Ceil(g.Share*float64(n) - 1e-9))
	}
	lo, _ := slices.BinarySearch(ranks, rank)                              // first ≥ rank
	hi, _ := slices.BinarySearch(ranks, math.Nextafter(rank, math.Inf(1))) // first > rank
	var beyond int                                                         // strictly worse or better
	if g.Kind == method.ManageTop {
		beyond = lo
	} else {
		beyond = n - hi
	}
	in = beyond < cut
	return in, in && beyond+(hi-lo) > cut
}

// Assess assesses the units present in period: grade, streak and the
// management rules, following the renames, mergers and upgrades of c.
// Results are in the order of the period's records. The rules are
// evaluated as of period: later periods are ignored.
func Assess(h *History, rules []method.Management, c Changes, period string) ([]Result, error) {
	t, ok := h.pidx[period]
	if !ok {
		return nil, fmt.Errorf("zone: period %q is not in the history", period)
	}
	if err := c.Validate(); err != nil {
		return nil, err
	}
	lin := lineages(h, c)
	var out []Result
	var idx []int
	for i, r := range h.Records {
		if r.Period != period {
			continue
		}
		res := Result{Unit: r.Unit, Period: r.Period, Group: r.Group, GroupRank: r.GroupRank, Score: r.Score, Grade: r.Grade}
		res.Streak, res.StreakFrom = h.streak(t, r.Grade, lin[r.Unit], c)
		out = append(out, res)
		idx = append(idx, i)
	}
	for k, g := range rules {
		h.manage(out, idx, t, k, g, lin)
	}
	return out, nil
}

// streak counts back from period index t the held periods in which a unit
// of the lineage had grade.
func (h *History) streak(t int, grade string, lineage []string, c Changes) (int, string) {
	if grade == "" {
		return 0, ""
	}
	start := 0
	for _, u := range lineage {
		if p, ok := c.Upgraded[u]; ok {
			// The first held period not before the upgrade; an upgrade
			// after t does not matter yet.
			if s, _ := slices.BinarySearchFunc(h.Periods, p, h.compare); s <= t {
				start = max(start, s)
			}
		}
	}
	n, from := 0, ""
	for p := t; p >= start; p-- {
		if !slices.ContainsFunc(lineage, func(u string) bool {
			r, ok := h.record(p, u)
			return ok && r.Grade == grade
		}) {
			break
		}
		n, from = n+1, h.Periods[p]
	}
	return n, from
}

// manage applies rule k to the results of period index t.
func (h *History) manage(out []Result, idx []int, t, k int, g method.Management, lin map[string][]string) {
	type cand struct {
		res   int
		years []string
		tie   bool
		avg   float64
	}
	var short []cand
	for i := range out {
		var years []string
		clear := 0 // periods counted in without a tie
		for p := max(0, t-g.Within+1); p <= t; p++ {
			// A period counts when a unit of the lineage counted in; it
			// is a tie only when every such unit counted in by a tie.
			clean, tied := false, false
			for _, u := range lin[out[i].Unit] {
				r, ok := h.record(p, u)
				if !ok {
					continue
				}
				in, ti := countIn(h.groups[groupKey{p, r.Group}], r.GroupRank, g)
				if g.Kind == method.ManagePosition {
					pos, ok := r.Positions[g.List]
					in, ti = ok && pos >= 1 && pos <= g.MaxPosition, false
				}
				clean, tied = clean || in && !ti, tied || ti
			}
			if clean || tied {
				years = append(years, h.Periods[p])
			}
			if clean {
				clear++
			}
		}
		if len(years) < g.Times {
			continue
		}
		if reason := h.exempt(idx[i], t, g); reason != "" {
			out[i].Exempt = append(out[i].Exempt, Exemption{Rule: k, Action: g.Action, Reason: reason, Years: years})
			continue
		}
		short = append(short, cand{res: i, years: years, tie: clear < g.Times, avg: math.NaN()})
	}
	if g.ThenAverageYears > 0 {
		for j := range short {
			short[j].avg = h.average(t, g.ThenAverageYears, lin[out[short[j].res].Unit])
		}
		keep := short[:0:0]
		for _, a := range short {
			var avgs []float64
			for _, b := range short {
				if out[b.res].Group == out[a.res].Group {
					avgs = append(avgs, b.avg)
				}
			}
			slices.Sort(avgs)
			in, tie := countIn(avgs, a.avg, method.Management{Kind: g.Kind, Count: g.ThenCount})
			if in {
				a.tie = a.tie || tie
				keep = append(keep, a)
			}
		}
		short = keep
	}
	for _, a := range short {
		out[a.res].Warnings = append(out[a.res].Warnings,
			Warning{Rule: k, Action: g.Action, Years: a.years, Tie: a.tie, Average: a.avg})
	}
}

// exempt returns why record i of period index t is exempt from g, ""
// when it is not: being merged that period, or set up (the latest
// establishment year given for the unit up to t) less than
// ExemptNewYears before it.
func (h *History) exempt(i, t int, g method.Management) string {
	r := h.Records[i]
	if g.ExemptMerging && r.Merging {
		return ExemptMerging
	}
	if g.ExemptNewYears == 0 {
		return ""
	}
	for p := t; p >= 0; p-- {
		if q, ok := h.record(p, r.Unit); ok && q.Established != 0 {
			y, err := strconv.ParseFloat(h.Periods[t], 64)
			if err == nil && y-float64(q.Established) < float64(g.ExemptNewYears) {
				return ExemptNew
			}
			return ""
		}
	}
	return ""
}

// average is the mean over the last years held periods up to t of the
// lineage's group rank (the best rank of its units that period); periods
// in which it was absent are left out.
func (h *History) average(t, years int, lineage []string) float64 {
	sum, n := 0.0, 0
	for p := max(0, t-years+1); p <= t; p++ {
		best := math.Inf(1)
		for _, u := range lineage {
			if r, ok := h.record(p, u); ok {
				best = min(best, r.GroupRank)
			}
		}
		if !math.IsInf(best, 1) {
			sum, n = sum+best, n+1
		}
	}
	return sum / float64(n)
}
