package cli

import (
	"slices"
	"strings"

	"github.com/qiangxian/qiangxian/internal/engine"
	"github.com/qiangxian/qiangxian/internal/method"
)

// methodModel is an evaluation method (with one period's targets and
// events) as an engine.Model: it turns engine.Data back into method.Data
// and runs the whole method, so that explanation and what-if see exactly
// what evaluate publishes (derived indicators, rules, per-type weights,
// deductions, rounding).
type methodModel struct {
	m       *method.Method
	targets method.Targets
	events  []method.Event
	agg     engine.AggSpec
	views   []engine.View
	typeIdx map[string]int
}

// typesLabel is the Data label column holding a unit's types, joined by +.
const typesLabel = "types"

func newMethodModel(m *method.Method, targets method.Targets, events []method.Event) (*methodModel, error) {
	spec, err := parseAggregate(m.Pipeline.Aggregate)
	if err != nil {
		return nil, err
	}
	mm := &methodModel{m: m, targets: targets, events: events, agg: *spec, typeIdx: map[string]int{}}
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

// methodData turns a method's data into engine.Data: the reported columns
// and the units' types.
func methodData(d *method.Data) *engine.Data {
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
	return &engine.Data{Raw: raw, Labels: map[string][]string{typesLabel: types}}
}

// Direction is the indicator's direction for a column that is scored or
// is the growth part of a scored indicator; 0 for denominators and bases.
func (mm *methodModel) Direction(col string) float64 {
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
func (mm *methodModel) Score(d *engine.Data) (*engine.Scores, error) {
	md := &method.Data{Values: map[string][]float64{}}
	types := d.Labels[typesLabel]
	for u, code := range d.Raw.Units {
		unit := method.Unit{Code: code}
		if u < len(types) && types[u] != "" {
			unit.Types = strings.Split(types[u], "+")
		}
		md.Units = append(md.Units, unit)
	}
	for c, code := range d.Raw.Cols {
		md.Values[code] = d.Raw.Vals[c]
	}
	o, err := method.Run(mm.m, method.Input{Data: md, Events: mm.events, Targets: mm.targets})
	if err != nil {
		return nil, err
	}
	s := &engine.Scores{Units: d.Raw.Units, Score: o.Overall, Rank: o.Rank, Views: mm.views}
	for _, st := range o.Stages {
		if st.Name == method.StageScored {
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
