package method

import (
	"math"
	"slices"
	"strings"

	"github.com/qiangxian/qiangxian/internal/engine"
	"github.com/qiangxian/qiangxian/internal/locale"
)

// AwardResult is an award's winners: unit indices best first, with the
// type for a per-type award (one AwardResult per type), the units that
// ranked high enough but were skipped, and the units tied for the last
// places that the method leaves to the office (Pending, 待认定).
type AwardResult struct {
	Award   Award
	Type    string
	Winners []int
	Key     []float64 // per winner: the rank (overall, in type) or the rise that won it
	Skipped []Skip
	// Extra is the number of winners beyond Count because tied units
	// shared the last place (ties = "share", or a decision that shares).
	Extra int
	// Pending lists the units tied for the last Places places after every
	// tie-break (待认定); none of them is a winner until the office
	// decides.
	Pending []int
	Places  int
	// Decision is the office's decision that filled the last places; nil
	// when none was needed or none is recorded. The last Decided winners
	// are the units it chose.
	Decision *Decision
	Decided  int
}

// Label is the award as the results name it: the award's name, with the
// type of a per-type award in brackets (先进县(工业主导型)).
func (r AwardResult) Label() string {
	if r.Type != "" {
		return r.Award.Name + "(" + r.Type + ")"
	}
	return r.Award.Name
}

// PendingPrefix marks, in a unit's award labels, an award whose last place
// the unit ties for and the office has not decided (待认定:十强县).
const PendingPrefix = "待认定:"

// AwardLabels returns every unit's awards in the method's order: the
// labels of the awards it won, and PendingPrefix + label where it ties
// for a place still to be decided.
func AwardLabels(o *Outcome) [][]string {
	out := make([][]string, len(o.Units))
	for _, a := range o.Awards {
		for _, u := range a.Winners {
			out[u] = append(out[u], a.Label())
		}
		for _, u := range a.Pending {
			out[u] = append(out[u], PendingPrefix+a.Label())
		}
	}
	return out
}

// Skip is a unit that would have won but could not.
type Skip struct {
	Unit int
	// Reason: veto, ineligible (excluded by the award's list), min_score
	// (below the award's minimum score), other_type (won the award in
	// another type), no_double (keeps another award of no_double).
	Reason string
}

// eligible reports whether unit u may win award a, and why not.
func (o *Outcome) eligible(a Award, u int) (bool, string) {
	code := o.Units[u].Code
	switch {
	case o.Vetoed[u]:
		return false, "veto"
	case slices.Contains(a.Exclude, code), slices.Contains(a.ExcludeKinds, DivisionKind(code)):
		return false, "ineligible"
	case slices.Contains(o.Disqualified[u], a.Name):
		return false, "disqualified"
	}
	return true, ""
}

// awardKey names one selection: an award, in one type for a per-type award.
type awardKey struct{ award, typ string }

// awards selects every award's winners. Selections depend on each other
// (a unit wins a per-type award in one type only, and one award of
// no_double only), so they are made again, each time with the units
// excluded so far, until no unit holds what it may not; every pass
// excludes at least one more unit, so this ends.
func (o *Outcome) awards(m *Method, decisions []Decision) {
	for _, a := range m.Awards {
		for _, code := range a.Exclude {
			if !slices.ContainsFunc(o.Units, func(u Unit) bool { return u.Code == code }) {
				o.warn(Warning{Kind: "exclude", Unit: code, Msg: locale.M("method.w.exclude", a.Name, code)})
			}
		}
		if a.Kind == AwardRise && o.RankChange == nil {
			o.warn(Warning{Kind: "norise", Msg: locale.M("method.w.norise", a.Name)})
		}
	}
	out := map[awardKey]map[int]string{}
	var rs []AwardResult
	for range len(o.Units)*(len(m.Awards)+len(o.Types)) + 1 {
		rs = o.selectAll(m, out, decisions)
		if !o.resolve(m, rs, out) {
			break
		}
	}
	spent := 0.0
	for _, r := range rs {
		o.commit(r)
		if !math.IsNaN(r.Award.Amount) {
			spent += r.Award.Amount * float64(len(r.Winners)+r.Places)
		}
	}
	if !math.IsNaN(m.Budget) && spent > m.Budget {
		o.warn(Warning{Kind: "budget", Msg: locale.M("method.w.budget", spent, m.Budget)})
	}
}

// selectAll selects every award once, units in out excluded.
func (o *Outcome) selectAll(m *Method, out map[awardKey]map[int]string, decisions []Decision) []AwardResult {
	var rs []AwardResult
	all := seq(len(o.Units))
	for _, a := range m.Awards {
		switch a.Kind {
		case AwardOverall:
			keys := [][]float64{o.Rank, neg(o.Exact)}
			rs = append(rs, o.pick(a, "", all, keys, o.Rank, o.Overall, out[awardKey{a.Name, ""}], decisions))
		case AwardPerType:
			for _, tr := range o.Types {
				keys := [][]float64{tr.Rank, neg(tr.Exact)}
				rs = append(rs, o.pick(a, tr.Type, tr.Members, keys, tr.Rank, tr.Score, out[awardKey{a.Name, tr.Type}], decisions))
			}
		case AwardRise:
			if o.RankChange == nil {
				rs = append(rs, AwardResult{Award: a})
				continue
			}
			// Only a rise counts: a unit that kept or lost its place, or
			// has no previous rank, does not compete.
			rise := make([]float64, len(o.Units))
			for u, c := range o.RankChange {
				rise[u] = engine.NA
				if c > 0 {
					rise[u] = -c
				}
			}
			keys := [][]float64{rise, o.Rank, neg(o.Exact)}
			rs = append(rs, o.pick(a, "", all, keys, o.RankChange, o.Overall, out[awardKey{a.Name, ""}], decisions))
		}
	}
	return rs
}

func neg(x []float64) []float64 {
	out := make([]float64, len(x))
	for i, v := range x {
		out[i] = -v
	}
	return out
}

func seq(n int) []int {
	s := make([]int, n)
	for i := range s {
		s[i] = i
	}
	return s
}

// pick selects a's winners among members (unit indices). keys are per
// member, lower first: keys[0] is the place (a rank, a negated rise) and
// the others break its ties; show is the key reported per winner, score
// the score that must reach a.MinScore; units in out are excluded for the
// reason given.
func (o *Outcome) pick(a Award, typ string, members []int, keys [][]float64, show, score []float64,
	out map[int]string, decisions []Decision) AwardResult {
	elig := make([]bool, len(members))
	why := make([]string, len(members))
	for i, u := range members {
		elig[i], why[i] = o.eligible(a, u)
		switch {
		case !elig[i]:
		case out[u] != "":
			elig[i], why[i] = false, out[u]
		case score[i] < a.MinScore: // false for a NaN minimum
			elig[i], why[i] = false, "min_score"
		}
	}
	r := AwardResult{Award: a, Type: typ}
	var win, pending []int
	if a.Ties == TiesShare {
		win, r.Extra = engine.TopN(keys[0], elig, a.Count)
	} else {
		win, pending = engine.Cut(keys, elig, a.Count)
	}
	for _, i := range win {
		r.Winners = append(r.Winners, members[i])
		r.Key = append(r.Key, show[i])
	}
	if len(pending) > 0 {
		r.Places = a.Count - len(win)
		for _, i := range pending {
			r.Pending = append(r.Pending, members[i])
		}
		o.decide(&r, decisions, show, members)
	}
	last := engine.NA
	switch {
	case len(pending) > 0:
		last = keys[0][pending[0]]
	case len(win) > 0:
		last = keys[0][win[len(win)-1]]
	}
	for i, u := range members {
		if !elig[i] && why[i] != "" && !engine.IsNA(keys[0][i]) && keys[0][i] <= last {
			r.Skipped = append(r.Skipped, Skip{Unit: u, Reason: why[i]})
		}
	}
	return r
}

// decide applies the office's decision of r's pending tie, if one is
// recorded and names enough of the tied units.
func (o *Outcome) decide(r *AwardResult, decisions []Decision, show []float64, members []int) {
	for k := range decisions {
		d := &decisions[k]
		if d.Award != r.Award.Name || d.Type != r.Type {
			continue
		}
		var chosen []int
		for _, u := range r.Pending {
			if slices.Contains(d.Units, o.Units[u].Code) {
				chosen = append(chosen, u)
			}
		}
		if len(chosen) < r.Places {
			o.warn(Warning{Kind: "decision", Msg: locale.M("method.w.decision", r.Label(), d.Reference, r.Places)})
			return
		}
		for _, u := range chosen {
			r.Winners = append(r.Winners, u)
			r.Key = append(r.Key, show[slices.Index(members, u)])
		}
		r.Extra, r.Pending, r.Places, r.Decision, r.Decided = len(chosen)-r.Places, nil, 0, d, len(chosen)
		return
	}
}

// resolve excludes units that hold what they may not: a per-type award
// with distinct in more than one type (kept where the unit's place is
// better, its declared order breaking a tie), several awards of
// no_double (kept: the larger amount, then the earlier award). It
// reports whether it excluded anyone new.
func (o *Outcome) resolve(m *Method, rs []AwardResult, out map[awardKey]map[int]string) bool {
	changed := false
	exclude := func(k awardKey, u int, why string) {
		if out[k] == nil {
			out[k] = map[int]string{}
		}
		if out[k][u] == "" {
			out[k][u], changed = why, true
		}
	}
	for _, a := range m.Awards {
		if a.Kind != AwardPerType || !a.Distinct {
			continue
		}
		type place struct {
			typ  string
			rank float64
		}
		won := map[int][]place{}
		for _, r := range rs {
			if r.Award.Name == a.Name {
				for i, u := range r.Winners {
					won[u] = append(won[u], place{r.Type, r.Key[i]})
				}
			}
		}
		for u, ps := range won {
			if len(ps) < 2 {
				continue
			}
			order := o.Units[u].Types
			keep := slices.MinFunc(ps, func(x, y place) int {
				if x.rank != y.rank {
					return cmpFloat(x.rank, y.rank)
				}
				return slices.Index(order, x.typ) - slices.Index(order, y.typ)
			})
			for _, p := range ps {
				if p.typ != keep.typ {
					exclude(awardKey{a.Name, p.typ}, u, "other_type")
				}
			}
		}
	}
	if len(m.NoDouble) < 2 {
		return changed
	}
	held := map[int][]int{} // unit → indices in m.Awards of the no_double awards it wins
	for _, r := range rs {
		if !slices.Contains(m.NoDouble, r.Award.Name) {
			continue
		}
		ai := slices.IndexFunc(m.Awards, func(a Award) bool { return a.Name == r.Award.Name })
		for _, u := range r.Winners {
			if !slices.Contains(held[u], ai) {
				held[u] = append(held[u], ai)
			}
		}
	}
	for u, as := range held {
		if len(as) < 2 {
			continue
		}
		keep := slices.MinFunc(as, func(x, y int) int {
			ax, ay := amount(m.Awards[x]), amount(m.Awards[y])
			if ax != ay {
				return cmpFloat(ay, ax)
			}
			return x - y
		})
		for _, r := range rs {
			if r.Award.Name != m.Awards[keep].Name && slices.Contains(as, slices.IndexFunc(m.Awards, func(a Award) bool { return a.Name == r.Award.Name })) {
				exclude(awardKey{r.Award.Name, r.Type}, u, "no_double")
			}
		}
	}
	return changed
}

// amount is an award's amount for comparing rewards: none counts least.
func amount(a Award) float64 {
	if math.IsNaN(a.Amount) {
		return math.Inf(-1)
	}
	return a.Amount
}

func cmpFloat(x, y float64) int {
	switch {
	case x < y:
		return -1
	case x > y:
		return 1
	}
	return 0
}

// commit records an award's result and says what happened at its last
// place: shared (并列), pending (待认定) or decided.
func (o *Outcome) commit(r AwardResult) {
	switch {
	case len(r.Pending) > 0:
		var names []string
		for _, u := range r.Pending {
			names = append(names, o.Units[u].Name+"("+o.Units[u].Code+")")
		}
		o.warn(Warning{Kind: "pending", Unit: o.Units[r.Pending[0]].Code,
			Msg: locale.M("method.w.pending", r.Label(), strings.Join(names, "、"), r.Places)})
	case r.Decision != nil:
		o.warn(Warning{Kind: "decided", Msg: locale.M("method.w.decided", r.Label(), r.Decision.Reference, len(r.Winners))})
	case r.Extra > 0:
		last := o.Units[r.Winners[len(r.Winners)-1]]
		o.warn(Warning{Kind: "tie", Unit: last.Code, Msg: locale.M("method.w.tie", r.Award.Name, r.Type, r.Award.Count, len(r.Winners))})
	}
	o.Awards = append(o.Awards, r)
}

func init() {
	locale.Register(map[string][2]string{
		"method.w.exclude": {"“%s”的排除名单中的 %s 不在数据中", "%q excludes %s, which is not in the data"},
		"method.w.norise":  {"没有上期结果，“%s”无法评出", "no previous result: %q cannot be awarded"},
		"method.w.tie":     {"“%s”%s 第 %d 名并列，获奖单位增至 %d 个", "%q %s: a tie at place %d brings the winners to %d"},
		"method.w.pending": {"“%s”末位并列且无法按办法区分：%s 待认定（%d 个名额），须由评价办公室认定后方可公示",
			"%q: a tie at the last place that the method cannot break: %s pending (%d places); the office must decide before the notice"},
		"method.w.decided": {"“%s”末位并列，按评价办公室认定（%s）确定，获奖单位 %d 个", "%q: the tie at the last place was decided by the office (%s): %d winners"},
		"method.w.decision": {"“%s”的认定（%s）未列足并列单位中的 %d 个，仍待认定",
			"%q: the decision (%s) names fewer than %d of the tied units: still pending"},
		"method.w.budget": {"奖励合计 %v 万元，超过预算 %v 万元", "the rewards total %v (10k yuan), above the budget of %v"},
	})
}
