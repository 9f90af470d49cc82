package method

import (
	"errors"
	"slices"

	"github.com/qiangxian/qiangxian/internal/engine"
	"github.com/qiangxian/qiangxian/internal/locale"
)

// WeightSource records how the weights of one aggregate's children were
// obtained under one type, and the weights themselves, so that outputs can
// show where every weight comes from.
type WeightSource struct {
	Node     string       // the aggregate whose children are weighted
	Rule     *WeightsFrom // the node's derivation; nil for fixed weights
	Children []string     // in the order of Weights (for AHP, the matrix order)
	// Weights are the children's weights normalised to sum 1; nil for
	// weights computed from the data when no data was given (method check).
	Weights []float64

	AHP     *engine.AHPResult     // ahp: priorities, λmax, CI, RI, CR
	Entropy *engine.EntropyResult // entropy: e_j of every child
	CRITIC  *engine.CRITICResult  // critic: σ, conflict and information of every child
	Units   int                   // entropy, critic: number of units the weights were computed from
	Left    []string              // entropy, critic: units left out for a missing value
}

// From returns the derivation's method: WeightsFixed, WeightsAHP,
// WeightsEntropy or WeightsCRITIC.
func (s *WeightSource) From() string {
	if s.Rule == nil {
		return WeightsFixed
	}
	return s.Rule.Method
}

// WeightSources returns how the weights of every aggregate's children are
// obtained under type typ, bottom-up (the top node last), without data:
// fixed and AHP weights are resolved, weights from the data have none.
func (m *Method) WeightSources(typ string) ([]WeightSource, error) {
	_, src, err := m.weigh(typ, nil)
	return src, err
}

// weighData is what a derivation from the data reads: all units' scores
// and scored values, the type's members and the aggregation.
type weighData struct {
	scored  *engine.Dataset // per-indicator scores, all units
	vals    *engine.Dataset // the values the rules scored, all units
	members []int
	spec    engine.AggSpec
}

// weigh returns type typ's tree with every weight resolved and the record
// of each aggregate's weights. Nodes are resolved level by level from the
// bottom, so that a node weighted by its children's aggregated scores sees
// them under the weights already resolved below. With d nil, weights from
// the data stay equal placeholders and their sources have no weights.
func (m *Method) weigh(typ string, d *weighData) (*engine.Tree, []WeightSource, error) {
	tree, err := m.Tree(typ)
	if err != nil {
		return nil, nil, err
	}
	var out []WeightSource
	for _, level := range tree.Levels {
		for _, i := range level {
			n := m.node(tree.Nodes[i].Code)
			src := WeightSource{Node: n.Code, Rule: n.WeightsFrom}
			for _, c := range tree.Children[i] {
				src.Children = append(src.Children, tree.Nodes[c].Code)
			}
			switch src.From() {
			case WeightsFixed:
				src.Weights = make([]float64, len(src.Children))
				sum := 0.0
				for _, c := range tree.Children[i] {
					sum += tree.Nodes[c].Weight
				}
				for k, c := range tree.Children[i] {
					src.Weights[k] = tree.Nodes[c].Weight / sum
				}
			case WeightsAHP:
				if src.AHP, err = m.AHP(n.Code, typ); err != nil {
					return nil, nil, err
				}
				src.Children, src.Weights = slices.Clone(n.WeightsFrom.Order), src.AHP.Weights
			default:
				if d == nil {
					break
				}
				if err := m.derive(&src, tree, i, typ, d); err != nil {
					return nil, nil, err
				}
				for k, c := range tree.Children[i] {
					tree.Nodes[c].Weight = src.Weights[k]
				}
			}
			out = append(out, src)
		}
	}
	return tree, out, nil
}

// derive computes the entropy or CRITIC weights of the children of tree
// node i from the data: over all units, or the type's members when
// PerType; a unit missing a value of any child is left out (listwise), as
// the calculators accept no missing values.
func (m *Method) derive(src *WeightSource, tree *engine.Tree, i int, typ string, d *weighData) error {
	wf := src.Rule
	sample := d.members
	if !wf.PerType {
		sample = seq(len(d.scored.Units))
	}
	scored := d.scored.SelectUnits(sample)
	var agg *engine.Dataset
	cols := make([][]float64, len(src.Children))
	dirs := make([]float64, len(src.Children))
	for k, c := range tree.Children[i] {
		code := tree.Nodes[c].Code
		dirs[k] = engine.Benefit
		switch {
		case wf.Values == ValuesRaw:
			cols[k] = d.vals.SelectUnits(sample).Col(code)
			dirs[k] = m.indicator(code).Direction
		case tree.Nodes[c].Level == 1:
			cols[k] = scored.Col(code)
		default:
			if agg == nil {
				var err error
				if agg, err = engine.Aggregate(scored, tree, d.spec); err != nil {
					return err
				}
			}
			cols[k] = agg.Col(code)
		}
	}
	var keep []int
	for r, u := range sample {
		if slices.ContainsFunc(cols, func(c []float64) bool { return engine.IsNA(c[r]) }) {
			src.Left = append(src.Left, d.scored.Units[u])
			continue
		}
		keep = append(keep, r)
	}
	for k := range cols {
		x := make([]float64, len(keep))
		for j, r := range keep {
			x[j] = cols[k][r]
		}
		cols[k] = x
	}
	src.Units = len(keep)
	switch {
	case len(cols) == 1:
		// A single child takes the whole weight, whatever its data.
		src.Weights = []float64{1}
		return nil
	case len(sample) == 0:
		// A type no unit declares has nothing to weigh nor to score: its
		// placeholder (equal) weights stand.
		src.Weights = make([]float64, len(cols))
		for k := range src.Weights {
			src.Weights[k] = 1 / float64(len(cols))
		}
		return nil
	}
	var err error
	switch wf.Method {
	case WeightsEntropy:
		if src.Entropy, err = engine.EntropyWeights(cols, wf.Standardise, dirs); err == nil {
			src.Weights = src.Entropy.Weights
		}
	case WeightsCRITIC:
		if src.CRITIC, err = engine.CRITICWeights(cols, dirs); err == nil {
			src.Weights = src.CRITIC.Weights
		}
	}
	var ce *engine.CalcError
	if !errors.As(err, &ce) {
		return err
	}
	var why any = ce
	if ce.Kind == engine.CalcNegative {
		// The calculator's own message names the command-line flag.
		why = localized(locale.M("method.wf.negative", ce.Value))
	}
	p := wf.path + ".weights_from"
	msg := locale.M("method.wf.run", src.Node, typeLabel(typ), methodName(wf.Method), why)
	if ce.Row >= 0 && ce.Col >= 0 {
		msg = locale.M("method.wf.runat", src.Node, typeLabel(typ), methodName(wf.Method), why,
			d.scored.Units[sample[keep[ce.Row]]], src.Children[ce.Col])
	}
	return &Error{File: m.File, Line: m.pos.line(p), Field: p, Msg: msg}
}

// localized renders a message in the language a Localizer is asked for,
// so that a message can be the argument of another.
type localized locale.Message

// Message implements locale.Localizer.
func (l localized) Message(lang string) string { return locale.Message(l).In(locale.Lang(lang)) }

func init() {
	locale.Register(map[string][2]string{
		"method.wf.run": {"节点 %s（%s）的下级权重无法由%s求得：%s",
			"the weights under %s (%s) cannot be derived by %s: %s"},
		"method.wf.runat": {"节点 %s（%s）的下级权重无法由%s求得：%s（单位 %s，下级 %s）",
			"the weights under %s (%s) cannot be derived by %s: %s (unit %s, child %s)"},
		"method.wf.negative": {"数值 %v 为负：standardise = \"none\" 时熵权法要求数值非负，可改用 standardise = \"minmax\"",
			"negative value %v: entropy with standardise = \"none\" needs values ≥ 0; use standardise = \"minmax\""},
		"method.w.weightsleft": {"节点 %s 的下级权重（%s）由 %d 个单位的数据求得：%d 个单位有缺失值未计入（%s）",
			"the weights under %s (%s) come from %d units: %d units with a missing value are left out (%s)"},
	})
}
