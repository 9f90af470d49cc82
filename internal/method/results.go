package method

import (
	"slices"
	"strings"

	"github.com/qiangxian/qiangxian/internal/engine"
	"github.com/qiangxian/qiangxian/internal/locale"
)

// AwardResult is an award's winners: unit indices best first, with the
// type for a per-type award (one AwardResult per type), the units that
// ranked high enough but were skipped, and Extra, the winners beyond Count
// because of a tie at the cut-off.
type AwardResult struct {
	Award   Award
	Type    string
	Winners []int
	Key     []float64 // per winner: the rank (overall, in type) or the rise that won it
	Skipped []Skip
	Extra   int
}

// Skip is a unit that would have won but could not.
type Skip struct {
	Unit   int
	Reason string // veto, ineligible, or other_type (won the award in another type)
}

// aggregate scores every type's members with the type's weights, those
// from the data computed on scored (the scores) or vals (the values the
// rules read).
func (o *Outcome) aggregate(m *Method, scored, vals *engine.Dataset) error {
	spec, err := aggSpec(m.Pipeline.Aggregate)
	if err != nil {
		return err
	}
	root := m.Root()
	for _, t := range m.Types {
		tr := TypeResult{Type: t.Name}
		for i, u := range o.Units {
			if slices.Contains(u.Types, t.Name) {
				tr.Members = append(tr.Members, i)
			}
		}
		tree, sources, err := m.weigh(t.Name, &weighData{scored: scored, vals: vals, members: tr.Members, spec: spec})
		if err != nil {
			return err
		}
		tr.Weights, tr.Sources = tree.EffectiveWeights(), sources
		for _, s := range sources {
			if len(s.Left) == 0 {
				continue
			}
			// Without per_type every type leaves out the same units: warn once.
			label := typeLabel("")
			if s.Rule.PerType {
				label = typeLabel(t.Name)
			} else if t.Name != m.Types[0].Name {
				continue
			}
			o.warn(Warning{Kind: "weights", Msg: locale.M("method.w.weightsleft", s.Node, label, s.Units, len(s.Left), strings.Join(s.Left, ", "))})
		}
		agg, err := engine.Aggregate(scored.SelectUnits(tr.Members), tree, spec)
		if err != nil {
			return err
		}
		tr.Aggregated = agg
		top := agg.Col(root)
		tr.Score = make([]float64, len(tr.Members))
		for k, u := range tr.Members {
			tr.Score[k] = round(top[k]-o.Deduction[u], m.Decimals)
		}
		keys := [][]float64{tr.Score}
		for _, code := range m.TieBreak {
			keys = append(keys, agg.Col(code))
		}
		tr.Rank = rankKeys(keys)
		o.Types = append(o.Types, tr)
	}
	return nil
}

// rankKeys ranks by the first key, higher first, the others breaking ties;
// without tie-break keys ties share the better rank (engine.Rank).
func rankKeys(keys [][]float64) []float64 {
	if len(keys) == 1 {
		return engine.Rank(keys[0], engine.TiesMin)
	}
	return engine.RankBy(keys)
}

// typeScore returns unit u's score and aggregate data row under type t.
func (o *Outcome) typeScore(u int, t string) (score float64, tr *TypeResult, row int) {
	for i := range o.Types {
		if o.Types[i].Type != t {
			continue
		}
		if k := slices.Index(o.Types[i].Members, u); k >= 0 {
			return o.Types[i].Score[k], &o.Types[i], k
		}
	}
	return engine.NA, nil, -1
}

// overall chooses every unit's overall score from its type scores and
// ranks all units on it.
func (o *Outcome) overall(m *Method) {
	n := len(o.Units)
	o.Overall, o.ChosenType = make([]float64, n), make([]string, n)
	tb := make([][]float64, len(m.TieBreak))
	for k := range tb {
		tb[k] = make([]float64, n)
	}
	for u, unit := range o.Units {
		var sum float64
		best := -1
		scores := make([]float64, len(unit.Types))
		for j, t := range unit.Types {
			scores[j], _, _ = o.typeScore(u, t)
			sum += scores[j]
			if best < 0 || scores[j] > scores[best] {
				best = j
			}
		}
		chosen := 0
		switch m.Overall {
		case "max":
			chosen = best
		case "mean":
			chosen = -1
		}
		if chosen >= 0 {
			o.ChosenType[u] = unit.Types[chosen]
			o.Overall[u] = scores[chosen]
		} else {
			o.Overall[u] = round(sum/float64(len(scores)), m.Decimals)
		}
		for k, code := range m.TieBreak {
			var s float64
			types := unit.Types
			if chosen >= 0 {
				types = unit.Types[chosen : chosen+1]
			}
			for _, t := range types {
				_, tr, row := o.typeScore(u, t)
				s += tr.Aggregated.Col(code)[row]
			}
			tb[k][u] = s / float64(len(types))
		}
	}
	o.Rank = rankKeys(append([][]float64{o.Overall}, tb...))
}

// eligible reports whether unit u may win award a, and why not.
func (o *Outcome) eligible(a Award, u int) (bool, string) {
	code := o.Units[u].Code
	switch {
	case o.Vetoed[u]:
		return false, "veto"
	case slices.Contains(a.Exclude, code), slices.Contains(a.ExcludeKinds, DivisionKind(code)):
		return false, "ineligible"
	}
	return true, ""
}

// awards selects every award's winners.
func (o *Outcome) awards(m *Method) {
	for _, a := range m.Awards {
		for _, code := range a.Exclude {
			if !slices.ContainsFunc(o.Units, func(u Unit) bool { return u.Code == code }) {
				o.warn(Warning{Kind: "exclude", Unit: code, Msg: locale.M("method.w.exclude", a.Name, code)})
			}
		}
		switch a.Kind {
		case AwardOverall:
			o.award(a, "", seq(len(o.Units)), o.Rank, 1)
		case AwardPerType:
			if a.Distinct {
				o.perTypeDistinct(a)
				continue
			}
			for _, tr := range o.Types {
				o.award(a, tr.Type, tr.Members, tr.Rank, 1)
			}
		case AwardRise:
			if o.RankChange == nil {
				o.warn(Warning{Kind: "norise", Msg: locale.M("method.w.norise", a.Name)})
				o.Awards = append(o.Awards, AwardResult{Award: a})
				continue
			}
			o.award(a, "", seq(len(o.Units)), o.RankChange, -1)
		}
	}
}

func seq(n int) []int {
	s := make([]int, n)
	for i := range s {
		s[i] = i
	}
	return s
}

// award picks a's winners among members (unit indices) by key (per member;
// sign 1 when lower is better, −1 when higher is).
func (o *Outcome) award(a Award, typ string, members []int, key []float64, sign float64) {
	o.commit(o.pick(a, typ, members, key, sign, nil))
}

// pick selects a's winners among members (unit indices) by key (per
// member; sign 1 when lower is better, −1 when higher is); units in other
// have won the award in another type and are skipped.
func (o *Outcome) pick(a Award, typ string, members []int, key []float64, sign float64, other map[int]bool) AwardResult {
	k := make([]float64, len(members))
	elig := make([]bool, len(members))
	why := make([]string, len(members))
	for i, u := range members {
		k[i] = sign * key[i]
		elig[i], why[i] = o.eligible(a, u)
		if elig[i] && other[u] {
			elig[i], why[i] = false, "other_type"
		}
	}
	win, extra := engine.TopN(k, elig, a.Count)
	r := AwardResult{Award: a, Type: typ, Extra: extra}
	for _, i := range win {
		r.Winners = append(r.Winners, members[i])
		r.Key = append(r.Key, key[i])
	}
	if len(win) > 0 {
		last := k[win[len(win)-1]]
		for i, u := range members {
			if !elig[i] && !engine.IsNA(k[i]) && k[i] <= last {
				r.Skipped = append(r.Skipped, Skip{Unit: u, Reason: why[i]})
			}
		}
	}
	return r
}

// commit records an award's result and warns of a tie at its cut-off.
func (o *Outcome) commit(r AwardResult) {
	if r.Extra > 0 {
		last := o.Units[r.Winners[len(r.Winners)-1]]
		o.warn(Warning{Kind: "tie", Unit: last.Code, Msg: locale.M("method.w.tie", r.Award.Name, r.Type, r.Award.Count, len(r.Winners))})
	}
	o.Awards = append(o.Awards, r)
}

// perTypeDistinct selects a per-type award that a unit wins once: a unit
// that would win in several of its types keeps the first of them in its
// declared order (its primary type first) and its places elsewhere go to
// the next units; repeated until no unit wins twice.
func (o *Outcome) perTypeDistinct(a Award) {
	other := make([]map[int]bool, len(o.Types)) // per type: units that keep the award elsewhere
	for t := range other {
		other[t] = map[int]bool{}
	}
	var rs []AwardResult
	for range len(o.Types) + 1 {
		rs = rs[:0]
		won := map[int][]string{}
		for t, tr := range o.Types {
			r := o.pick(a, tr.Type, tr.Members, tr.Rank, 1, other[t])
			for _, u := range r.Winners {
				won[u] = append(won[u], tr.Type)
			}
			rs = append(rs, r)
		}
		changed := false
		for u, types := range won {
			if len(types) < 2 {
				continue
			}
			keep := ""
			for _, t := range o.Units[u].Types {
				if slices.Contains(types, t) {
					keep = t
					break
				}
			}
			for t, tr := range o.Types {
				if tr.Type != keep && slices.Contains(types, tr.Type) && !other[t][u] {
					other[t][u], changed = true, true
				}
			}
		}
		if !changed {
			break
		}
	}
	for _, r := range rs {
		o.commit(r)
	}
}

// grades gives every unit the first grade band it meets, by overall score
// and rank, within the bands' quotas.
func (o *Outcome) grades(m *Method) {
	if len(m.Grades) == 0 {
		return
	}
	o.Grades = GradeUnits(m.Grades, o.Overall, o.Rank, nil, nil)
}

func init() {
	locale.Register(map[string][2]string{
		"method.w.exclude": {"“%s”的排除名单中的 %s 不在数据中", "%q excludes %s, which is not in the data"},
		"method.w.norise":  {"没有上期结果，“%s”无法评出", "no previous result: %q cannot be awarded"},
		"method.w.tie":     {"“%s”%s 第 %d 名并列，获奖单位增至 %d 个", "%q %s: a tie at place %d brings the winners to %d"},
	})
}
