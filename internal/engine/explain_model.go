package engine

import (
	"slices"
	"sync"
)

// PipelineModel is a COINr pipeline (a Spec on a Tree) as a Model, for
// explanation and what-if. Its Data holds the indicators and the
// denominators (see PipelineData); its indicator scores are the data set
// that is aggregated (Normalised, normally), its score the top aggregate,
// and its peer groups the labels of one group column.
//
// Score keeps the last data set it evaluated in full and, when asked for
// data that differs from it in a few columns only (what-if changes one
// indicator at a time), re-runs the pipeline for those columns alone: every
// step but screening works column by column. It is safe for concurrent use.
type PipelineModel struct {
	tree  *Tree
	spec  Spec
	group string
	ind   []string
	agg   *Aggregator
	top   string

	mu   sync.Mutex
	last *pipeCache
}

// pipeCache is the last data set scored in full.
type pipeCache struct {
	raw    *Dataset
	labels map[string][]string
	scores *Dataset // indicator scores
}

// NewPipelineModel returns the model of spec s on tree t; group, when not
// empty, names the label column of the peer groups (e.g. EurAsia_group).
// The spec must aggregate.
func NewPipelineModel(t *Tree, s Spec, group string) (*PipelineModel, error) {
	if s.Aggregate == nil {
		return nil, &Error{Kind: ErrBadParameter, Detail: "explanation needs an aggregation"}
	}
	m := &PipelineModel{tree: t, spec: s, group: group, ind: t.IndicatorCodes()}
	var err error
	if m.agg, err = NewAggregator(t, m.ind, *s.Aggregate); err != nil {
		return nil, err
	}
	cols := m.agg.Cols()
	m.top = cols[len(cols)-1]
	if len(t.Levels) > 0 {
		m.top = t.Nodes[topNode(t)].Code
	}
	return m, nil
}

// PipelineData returns the Data of a pipeline input: its indicator
// columns, then its denominator columns (rows matched by unit code), and
// its group labels.
func PipelineData(in Input) *Data {
	cols := in.Tree.IndicatorCodes()
	var den []string
	if in.Denoms != nil {
		den = in.Denoms.Cols
	}
	raw := in.Raw.SelectCols(append(slices.Clone(cols), den...))
	if in.Denoms != nil {
		for u, code := range raw.Units {
			if r := in.Denoms.UnitIndex(code); r >= 0 {
				for k := range den {
					raw.Vals[len(cols)+k][u] = in.Denoms.Vals[k][r]
				}
			}
		}
	}
	return &Data{Raw: raw, Labels: in.Groups}
}

// Direction is the indicator's direction, 0 for a denominator.
func (m *PipelineModel) Direction(col string) float64 {
	if n, ok := m.tree.Node(col); ok && n.Level == 1 {
		return n.Direction
	}
	return 0
}

// Score runs the pipeline on d.
func (m *PipelineModel) Score(d *Data) (*Scores, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	scores, err := m.incremental(d)
	if err != nil {
		return nil, err
	}
	if scores == nil {
		in := Input{Tree: m.tree, Raw: d.Raw, Groups: d.Labels}
		if den := nonIndicators(d.Raw, m.ind); len(den) > 0 {
			in.Denoms = d.Raw.SelectCols(den)
		}
		r, err := Evaluate(in, m.spec)
		if err != nil {
			return nil, err
		}
		scores = r.Stages[len(r.Stages)-2].Data
		if len(scores.Units) == len(d.Raw.Units) {
			m.last = &pipeCache{raw: d.Raw.Clone(), labels: d.Labels, scores: scores}
		}
	}
	return m.finish(scores, d)
}

// nonIndicators returns the columns of d that are not in ind.
func nonIndicators(d *Dataset, ind []string) []string {
	var out []string
	for _, c := range d.Cols {
		if !slices.Contains(ind, c) {
			out = append(out, c)
		}
	}
	return out
}

// incremental returns the indicator scores of d computed from the last
// full run when d differs from it in a few columns, or nil.
func (m *PipelineModel) incremental(d *Data) (*Dataset, error) {
	c := m.last
	if c == nil || !slices.Equal(c.raw.Units, d.Raw.Units) || !slices.Equal(c.raw.Cols, d.Raw.Cols) {
		return nil, nil
	}
	for k, l := range d.Labels {
		if !slices.Equal(l, c.labels[k]) {
			return nil, nil
		}
	}
	var redo []string
	for col, code := range d.Raw.Cols {
		if colsEqual(c.raw.Vals[col], d.Raw.Vals[col]) {
			continue
		}
		if m.spec.Screen != nil && !sameNAs(c.raw.Vals[col], d.Raw.Vals[col]) {
			return nil, nil // screening, which counts NAs, could change
		}
		if slices.Contains(m.ind, code) {
			redo = append(redo, code)
			continue
		}
		for _, i := range m.tree.Indicators { // a denominator
			if n := m.tree.Nodes[i]; m.spec.Denominate && n.Denominator == code && !slices.Contains(redo, n.Code) {
				redo = append(redo, n.Code)
			}
		}
	}
	if len(redo) > len(m.ind)/4+1 {
		return nil, nil
	}
	out := &Dataset{Units: c.scores.Units, Cols: c.scores.Cols, Vals: slices.Clone(c.scores.Vals)}
	var keep []int // the units screening kept, when it dropped some
	if len(c.scores.Units) != len(d.Raw.Units) {
		for _, code := range c.scores.Units {
			keep = append(keep, d.Raw.UnitIndex(code))
		}
	}
	for _, code := range redo {
		x, err := m.column(d, code, keep)
		if err != nil {
			return nil, err
		}
		out.Vals[out.ColIndex(code)] = x
	}
	return out, nil
}

// sameNAs reports whether a and b are missing at the same places.
func sameNAs(a, b []float64) bool {
	for i, v := range a {
		if IsNA(v) != IsNA(b[i]) {
			return false
		}
	}
	return true
}

// column runs the pipeline's steps up to normalisation on one indicator:
// each of them works column by column, as in Evaluate. keep, when not nil,
// lists the units screening kept (screening runs after imputation).
func (m *PipelineModel) column(d *Data, code string, keep []int) ([]float64, error) {
	node, _ := m.tree.Node(code)
	x := slices.Clone(d.Raw.Col(code))
	s := m.spec
	if s.Denominate && node.Denominator != "" {
		den := d.Raw.Col(node.Denominator)
		if den == nil {
			return nil, &Error{Kind: ErrNoDenominator, Node: code, Detail: node.Denominator}
		}
		for u := range x {
			x[u] /= den[u]
		}
	}
	one := &Dataset{Units: d.Raw.Units, Cols: []string{code}, Vals: [][]float64{x}}
	var err error
	if s.Impute != nil {
		var groups []string
		if s.Impute.Group != "" {
			groups = d.Labels[s.Impute.Group]
		}
		if one, err = Impute(one, *s.Impute, groups); err != nil {
			return nil, err
		}
	}
	if keep != nil {
		one = one.SelectUnits(keep)
	}
	if s.Treat != nil {
		if one, _, err = Treat(one, *s.Treat); err != nil {
			return nil, err
		}
	}
	x = one.Vals[0]
	if s.Normalise != nil {
		ref := -1
		if s.Normalise.Method == NormDist2Ref {
			ref = one.UnitIndex(s.Normalise.Ref)
		}
		out := make([]float64, len(x))
		if err := NormaliseColumn(out, x, node, *s.Normalise, ref, nil); err != nil {
			return nil, err
		}
		x = out
	}
	return x, nil
}

// finish aggregates the indicator scores and ranks.
func (m *PipelineModel) finish(scores *Dataset, d *Data) (*Scores, error) {
	agg, err := m.agg.Run(scores, nil)
	if err != nil {
		return nil, err
	}
	top := agg.Col(m.top)
	s := &Scores{Units: scores.Units, Indicators: scores, Score: top, Rank: Rank(top, TiesMin),
		Views: []View{{Tree: m.tree, Agg: *m.spec.Aggregate}}}
	if m.group != "" {
		labels := d.Labels[m.group]
		if len(scores.Units) != len(d.Raw.Units) { // screened: labels by code
			labels = make([]string, len(scores.Units))
			for u, code := range scores.Units {
				if i := d.Raw.UnitIndex(code); i >= 0 && i < len(d.Labels[m.group]) {
					labels[u] = d.Labels[m.group][i]
				}
			}
		}
		if len(labels) == len(top) {
			s.Group, s.GroupRank = labels, GroupRanks(top, labels)
		}
	}
	return s, nil
}

// GroupRanks ranks score within each group of units with the same label
// (1 = highest, ties min, NA kept); units labelled "" are not ranked.
func GroupRanks(score []float64, labels []string) []float64 {
	out := make([]float64, len(score))
	for u := range out {
		out[u] = NA
	}
	for _, members := range groupMembers(labels) {
		x := make([]float64, len(members))
		for k, u := range members {
			x[k] = score[u]
		}
		for k, r := range Rank(x, TiesMin) {
			out[members[k]] = r
		}
	}
	return out
}
