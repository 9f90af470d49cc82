package method

import (
	"slices"
	"strings"

	"github.com/qiangxian/qiangxian/internal/engine"
	"github.com/qiangxian/qiangxian/internal/locale"
)

// aggregate scores every type's members with the type's weights, those
// from the data computed on scored (the scores) or vals (the values the
// rules read); a type found in byType is aggregated from those scores (its
// own samples) instead of scored.
func (o *Outcome) aggregate(m *Method, scored *engine.Dataset, byType map[string]*engine.Dataset, vals *engine.Dataset, cache *scoreCache) error {
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
		scored := scored
		if s, ok := byType[t.Name]; ok {
			scored = s
		}
		tree, sources, err := cache.weigh(m, t.Name, &weighData{scored: scored, vals: vals, members: tr.Members, spec: spec})
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
		agg, err := cache.aggregate(t.Name, scored.SelectUnits(tr.Members), tree, spec)
		if err != nil {
			return err
		}
		tr.Aggregated = agg
		top := agg.Col(root)
		tr.Score, tr.Exact = make([]float64, len(tr.Members)), make([]float64, len(tr.Members))
		for k, u := range tr.Members {
			tr.Exact[k] = top[k] - o.Deduction[u]
			tr.Score[k] = round(tr.Exact[k], m.Decimals)
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

// typeExact returns unit u's unrounded score under type t.
func (o *Outcome) typeExact(u int, t string) float64 {
	if _, tr, row := o.typeScore(u, t); tr != nil {
		return tr.Exact[row]
	}
	return engine.NA
}

// overall chooses every unit's overall score from its type scores and
// ranks all units on it.
func (o *Outcome) overall(m *Method) {
	n := len(o.Units)
	o.Overall, o.ChosenType, o.Exact = make([]float64, n), make([]string, n), make([]float64, n)
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
			o.Exact[u] = o.typeExact(u, unit.Types[chosen])
		} else {
			exact := 0.0
			for _, t := range unit.Types {
				exact += o.typeExact(u, t)
			}
			o.Exact[u] = exact / float64(len(unit.Types))
			o.Overall[u] = round(sum/float64(len(scores)), m.Decimals)
		}
		for k, code := range m.TieBreak {
			var s float64
			types := unit.Types
			if chosen >= 0 {
				types = unit.Types[chosen : chosen+1]
			}
			// A unit need not be a member of every type it declares (a
			// conditional second type it fails): only its types count.
			n := 0
			for _, t := range types {
				if _, tr, row := o.typeScore(u, t); tr != nil {
					if col := tr.Aggregated.Col(code); col != nil {
						s += col[row]
						n++
					}
				}
			}
			tb[k][u] = engine.NA
			if n > 0 {
				tb[k][u] = s / float64(n)
			}
		}
	}
	o.Rank = rankKeys(append([][]float64{o.Overall}, tb...))
}

// grades gives every unit the first grade band it meets, by overall score
// and rank, within the bands' quotas.
func (o *Outcome) grades(m *Method) {
	if len(m.Grades) == 0 {
		return
	}
	o.Grades = GradeUnits(m.Grades, o.Overall, o.Rank, nil, o.GradeCap)
}
