package method

import (
	"math"
	"slices"
	"strings"

	"github.com/qiangxian/qiangxian/internal/engine"
)

// Model is an evaluation method (with one period's targets and events) as
// an engine.Model: it turns engine.Data back into Data and runs the whole
// method, so that explanation and what-if see exactly what an evaluation
// publishes (derived indicators, rules, per-type weights, deductions,
// rounding). The CLI's explain and the web pages share it.
type Model struct {
	m       *Method
	targets Targets
	events  []Event
	agg     engine.AggSpec
	views   []engine.View
	typeIdx map[string]int
	// fromData is set when some weights are computed from the data
	// (entropy, CRITIC): the views are then rebuilt from every run's
	// resolved weights rather than the placeholders of Tree.
	fromData bool
	// cache keeps the indicators' scores of the runs scored (see
	// scoreCache): what-if moves one input at a time.
	cache scoreCache
}

// TypesLabel is the engine.Data label column holding a unit's types,
// primary first, joined by +.
const TypesLabel = "types"

// NewModel returns the model of m with the period's targets and events
// (either may be nil).
func NewModel(m *Method, targets Targets, events []Event) (*Model, error) {
	spec, err := aggSpec(m.Pipeline.Aggregate)
	if err != nil {
		return nil, err
	}
	mm := &Model{m: m, targets: targets, events: events, agg: spec, typeIdx: map[string]int{}}
	for _, n := range m.Nodes {
		mm.fromData = mm.fromData || n.WeightsFrom.Data()
	}
	mm.cache.scoresOnly, mm.cache.fixedWeights = true, !mm.fromData
	for i, t := range m.Types {
		tree, err := m.Tree(t.Name)
		if err != nil {
			return nil, err
		}
		mm.views = append(mm.views, engine.View{Name: t.Name, Tree: tree, Agg: mm.agg})
		mm.typeIdx[t.Name] = i
	}
	return mm, nil
}

// EngineData turns a method's data into engine.Data: the reported columns
// (sorted by code) and the units' types under TypesLabel.
func EngineData(d *Data) *engine.Data {
	cols := make([]string, 0, len(d.Values))
	for c := range d.Values {
		cols = append(cols, c)
	}
	slices.Sort(cols)
	units := make([]string, len(d.Units))
	types := make([]string, len(d.Units))
	for i, u := range d.Units {
		units[i], types[i] = u.Code, strings.Join(u.Types, "+")
	}
	raw := engine.NewDataset(units, cols)
	for c, code := range cols {
		copy(raw.Vals[c], d.Values[code])
	}
	return &engine.Data{Raw: raw, Labels: map[string][]string{TypesLabel: types}}
}

// Direction is the indicator's direction for a column that is scored or
// is the growth part of a scored indicator; 0 for denominators and bases,
// which what-if must leave alone.
func (mm *Model) Direction(col string) float64 {
	for _, ind := range mm.m.Indicators {
		if ind.Code == col && ind.Parent != "" {
			return ind.Direction
		}
		if ind.Score != nil && ind.Score.Growth == col {
			for _, g := range mm.m.Indicators {
				if g.Code == col {
					return g.Direction
				}
			}
		}
	}
	return 0
}

// Score runs the method on d.
func (mm *Model) Score(d *engine.Data) (*engine.Scores, error) {
	o, err := mm.run(d)
	if err != nil {
		return nil, err
	}
	return mm.scores(d, o)
}

// run runs the method on d, as far as the overall scores and ranks.
func (mm *Model) run(d *engine.Data) (*Outcome, error) {
	md := &Data{Values: map[string][]float64{}}
	types := d.Labels[TypesLabel]
	for u, code := range d.Raw.Units {
		unit := Unit{Code: code}
		if u < len(types) && types[u] != "" {
			unit.Types = strings.Split(types[u], "+")
		}
		md.Units = append(md.Units, unit)
	}
	for c, code := range d.Raw.Cols {
		md.Values[code] = d.Raw.Vals[c]
	}
	return Run(mm.m, Input{Data: md, Events: mm.events, Targets: mm.targets, cache: &mm.cache})
}

// scores is the engine's view of o, the outcome of d.
func (mm *Model) scores(d *engine.Data, o *Outcome) (*engine.Scores, error) {
	var err error
	s := &engine.Scores{Units: d.Raw.Units, Score: o.Overall, Rank: o.Rank, Views: mm.views}
	if mm.m.Decimals >= 0 {
		s.Exact, s.Quantum = o.Exact, math.Pow(10, -float64(mm.m.Decimals))
	}
	if mm.fromData {
		if s.Views, err = mm.resolvedViews(o); err != nil {
			return nil, err
		}
	}
	for _, st := range o.Stages {
		if st.Name == StageScored {
			s.Indicators = st.Data
		}
	}
	n := len(o.Units)
	s.UnitViews = make([][]int, n)
	s.Group, s.GroupRank = make([]string, n), make([]float64, n)
	for u, unit := range o.Units {
		switch {
		case o.ChosenType[u] != "":
			s.UnitViews[u] = []int{mm.typeIdx[o.ChosenType[u]]}
		default: // the mean of the unit's types
			for _, t := range unit.Types {
				s.UnitViews[u] = append(s.UnitViews[u], mm.typeIdx[t])
			}
		}
		s.GroupRank[u] = engine.NA
		if len(unit.Types) > 0 {
			s.Group[u] = unit.Types[0]
		}
	}
	for _, tr := range o.Types {
		for k, u := range tr.Members {
			if tr.Type == s.Group[u] {
				s.GroupRank[u] = tr.Rank[k]
			}
		}
	}
	return s, nil
}

// resolvedViews returns the views with the weights o actually used: each
// type's tree with every aggregate's children weighted as its
// WeightSource records.
func (mm *Model) resolvedViews(o *Outcome) ([]engine.View, error) {
	views := slices.Clone(mm.views)
	for _, tr := range o.Types {
		i, ok := mm.typeIdx[tr.Type]
		if !ok {
			continue
		}
		meta := engine.Meta{Nodes: slices.Clone(views[i].Tree.Nodes)}
		for _, src := range tr.Sources {
			for k, c := range src.Children {
				if k < len(src.Weights) {
					if j := views[i].Tree.Index(c); j >= 0 {
						meta.Nodes[j].Weight = src.Weights[k]
					}
				}
			}
		}
		tree, err := engine.NewTree(meta)
		if err != nil {
			return nil, err
		}
		views[i].Tree = tree
	}
	return views, nil
}
