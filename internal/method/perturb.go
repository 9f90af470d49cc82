package method

import (
	"fmt"
	"math"
	"slices"
	"sync"

	"github.com/qiangxian/qiangxian/internal/engine"
	"github.com/qiangxian/qiangxian/internal/locale"
)

// Perturbation changes a method's inputs for one run: the weights, the
// outlier treatment, the imputation, the aggregation, or one indicator
// left out. The zero Perturbation is the method as written.
type Perturbation struct {
	// Weights multiplies the weight of a node or scored indicator (by
	// code) under every type, after the weights are resolved (fixed, AHP,
	// or derived from the data) and before siblings are normalised: 1.2
	// makes the node count 20 % more against its siblings, 0 removes it.
	Weights   map[string]float64
	Treat     string // as [pipeline] treat; "" = the method's
	Impute    string // as [pipeline] impute; "" = the method's
	Aggregate string // as [pipeline] aggregate; "" = the method's
	LeaveOut  string // a scored indicator given weight 0 under every type; "" = none
}

// Runner is a method prepared for many runs with perturbed inputs (a
// robustness analysis). What no perturbation changes is computed once: the
// derived indicators, the events' deductions, the types' members. What
// depends on the imputation and the treatment (the rules' scores) is
// computed once per pair, and what depends on the aggregation too (the
// resolved weights, which may come from the data) once per triple. A run
// then costs one aggregation per type, the rounding and the ranking, and
// gives exactly the overall scores and ranks of Run on the method edited
// accordingly. Vetoes and awards do not change ranks and are not computed.
// Its methods may be called from several goroutines.
type Runner struct {
	m         *Method
	in        Input
	units     []string
	raw       *engine.Dataset
	deduction []float64
	types     []runType
	unitTypes [][]typeRef // per unit, its declared types in order
	nodeIdx   map[string]int
	scored    []int // tree indices of the scored indicators
	nNodes    int
	scale     float64 // 10^Decimals

	nomScore, nomRank []float64

	mu      sync.Mutex
	sets    map[[2]string]*scoredSet
	weighed map[weighKey]*weighed
}

type runType struct {
	name    string
	members []int
}

// typeRef is one of a unit's types: the type and the unit's row among its
// members.
type typeRef struct{ t, row int }

// scoredSet is the rules' scores under one imputation and treatment.
type scoredSet struct {
	once   sync.Once
	scored *engine.Dataset   // all units × scored indicators
	vals   *engine.Dataset   // the values the rules read
	byType []*engine.Dataset // scored, per type's members
	// typeScored is every unit scored in each type's sample (scored itself
	// unless the method samples by type), in the order of the types.
	typeScored []*engine.Dataset
	err        error
}

type weighKey struct {
	set *scoredSet
	agg string
}

// weighed is every type's resolved weights and aggregation for one scored
// set and aggregation.
type weighed struct {
	once sync.Once
	w    [][]float64 // per type, per tree node
	aggs []*engine.Aggregator
	root int   // output column of the top node
	tie  []int // output columns of the tie-break nodes
	err  error
}

// NewRunner prepares m for runs on in and runs it once unperturbed: that
// run's error, if any, is returned.
func NewRunner(m *Method, in Input) (*Runner, error) {
	d := in.Data
	r := &Runner{m: m, in: in, units: make([]string, len(d.Units)), sets: map[[2]string]*scoredSet{},
		weighed: map[weighKey]*weighed{}, scale: math.Pow(10, float64(m.Decimals))}
	for i, u := range d.Units {
		r.units[i] = u.Code
	}
	var err error
	if r.raw, err = derive(m, d, r.units); err != nil {
		return nil, err
	}
	o := &Outcome{Units: d.Units}
	o.events(m, in.Events, len(d.Units))
	r.deduction = o.Deduction
	r.unitTypes = make([][]typeRef, len(d.Units))
	for _, ty := range m.Types {
		rt := runType{name: ty.Name}
		for i, u := range d.Units {
			if slices.Contains(u.Types, ty.Name) {
				rt.members = append(rt.members, i)
			}
		}
		r.types = append(r.types, rt)
	}
	for i, u := range d.Units {
		if len(u.Types) == 0 {
			return nil, fmt.Errorf("method: unit %s declares no type", u.Code)
		}
		for _, name := range u.Types {
			t := slices.IndexFunc(r.types, func(rt runType) bool { return rt.name == name })
			if t < 0 {
				return nil, fmt.Errorf("method: unit %s declares the unknown type %q", u.Code, name)
			}
			r.unitTypes[i] = append(r.unitTypes[i], typeRef{t, slices.Index(r.types[t].members, i)})
		}
	}
	// Every type's tree lists the same nodes in the same order (the scored
	// indicators, then the nodes), so one index serves them all.
	tree, err := m.Tree(m.Types[0].Name)
	if err != nil {
		return nil, err
	}
	r.nNodes, r.nodeIdx = len(tree.Nodes), make(map[string]int, len(tree.Nodes))
	for i, n := range tree.Nodes {
		r.nodeIdx[n.Code] = i
	}
	r.scored = tree.Indicators
	if r.nomScore, r.nomRank, err = r.Run(Perturbation{}); err != nil {
		return nil, err
	}
	return r, nil
}

// Units returns the units' codes, in the order of every output.
func (r *Runner) Units() []string { return r.units }

// Nominal returns the overall scores and ranks of the method as written.
func (r *Runner) Nominal() (scores, ranks []float64) { return r.nomScore, r.nomRank }

// Run runs the method perturbed by p and returns every unit's overall
// score and rank (NA when the unit has no score).
func (r *Runner) Run(p Perturbation) (scores, ranks []float64, err error) {
	c, err := r.resolve(p)
	if err != nil {
		return nil, nil, err
	}
	return r.replicate(r.newWork(), c)
}

// RunPerturbed runs m on in perturbed by p: the overall scores and ranks
// of Run on m edited accordingly. To run many perturbations, prepare a
// Runner once.
func RunPerturbed(m *Method, in Input, p Perturbation) (scores, ranks []float64, err error) {
	r, err := NewRunner(m, in)
	if err != nil {
		return nil, nil, err
	}
	return r.Run(p)
}

// choice is a resolved perturbation.
type choice struct {
	set   *scoredSet
	wt    *weighed
	mult  []float64 // per tree node; nil = no change
	leave int       // tree node given weight 0; −1 = none
}

// resolve checks p and finds (computing them on first use) the scores and
// weights it runs on.
func (r *Runner) resolve(p Perturbation) (*choice, error) {
	pl := r.m.Pipeline
	imp, treat, agg := cmpOr(p.Impute, pl.Impute), cmpOr(p.Treat, pl.Treat), cmpOr(p.Aggregate, pl.Aggregate)
	switch {
	case !slices.Contains(imputeNames, imp):
		return nil, &InputError{Input: "impute", Msg: locale.M("method.oneof", "none, mean, median, mean-group, median-group", imp)}
	case treatErr(treat) != nil:
		return nil, &InputError{Input: "treat", Msg: locale.M("method.oneof", "none, default, winmax:N", treat)}
	case aggErr(agg) != nil:
		return nil, &InputError{Input: "aggregate", Msg: locale.M("method.oneof", "amean, gmean, hmean, genmean:P", agg)}
	}
	c := &choice{leave: -1}
	if len(p.Weights) > 0 {
		c.mult = make([]float64, r.nNodes)
		for i := range c.mult {
			c.mult[i] = 1
		}
		for code, f := range p.Weights {
			i, ok := r.nodeIdx[code]
			if !ok {
				return nil, &InputError{Input: "weights", Msg: locale.M("method.unknownnode", code)}
			}
			if !(f >= 0) || math.IsInf(f, 0) {
				return nil, &InputError{Input: "weights", Msg: locale.M("method.nonneg", f)}
			}
			c.mult[i] = f
		}
	}
	if p.LeaveOut != "" {
		i, ok := r.nodeIdx[p.LeaveOut]
		if !ok || !slices.Contains(r.scored, i) {
			return nil, &InputError{Input: "leave_out", Msg: locale.M("method.unknownind", p.LeaveOut)}
		}
		c.leave = i
	}
	c.set = r.scoredSet(imp, treat)
	c.wt = r.weights(c.set, agg)
	return c, nil
}

func cmpOr(s, def string) string {
	if s == "" {
		return def
	}
	return s
}

func treatErr(s string) error { _, err := treatSpec(s); return err }
func aggErr(s string) error   { _, err := aggSpec(s); return err }

// scoredSet returns the scores under an imputation and a treatment.
func (r *Runner) scoredSet(imp, treat string) *scoredSet {
	r.mu.Lock()
	s, ok := r.sets[[2]string{imp, treat}]
	if !ok {
		s = &scoredSet{}
		r.sets[[2]string{imp, treat}] = s
	}
	r.mu.Unlock()
	s.once.Do(func() { s.err = r.score(s, imp, treat) })
	return s
}

// score runs the imputation, the treatment and the rules as Run does.
func (r *Runner) score(s *scoredSet, imp, treat string) error {
	mc := *r.m
	mc.Pipeline.Impute, mc.Pipeline.Treat = imp, treat
	o := &Outcome{Units: r.in.Data.Units}
	vals, err := o.prepare(&mc, r.raw)
	if err != nil {
		return err
	}
	scoreAll := func(typ string) (*engine.Dataset, error) {
		sc := &scoreCtx{vals: vals, targets: r.in.Targets, units: r.in.Data.Units, m: &mc, warn: func(Warning) {}, typ: typ}
		scored := engine.NewDataset(r.units, nil)
		for _, ind := range mc.scored() {
			x, err := sc.score(ind.Score, ind, vals.Col(ind.Code))
			if err != nil {
				return nil, err
			}
			scored.Cols = append(scored.Cols, ind.Code)
			scored.Vals = append(scored.Vals, x)
		}
		return scored, nil
	}
	scored, err := scoreAll("")
	if err != nil {
		return err
	}
	s.scored, s.vals = scored, vals
	// As in Run, a type-sampled method scores each type in its own sample.
	for _, rt := range r.types {
		ts := scored
		if mc.typeSampled() {
			if ts, err = scoreAll(rt.name); err != nil {
				return err
			}
		}
		s.typeScored = append(s.typeScored, ts)
		s.byType = append(s.byType, ts.SelectUnits(rt.members))
	}
	return nil
}

// weights returns every type's resolved weights under a scored set and an
// aggregation.
func (r *Runner) weights(s *scoredSet, agg string) *weighed {
	r.mu.Lock()
	w, ok := r.weighed[weighKey{s, agg}]
	if !ok {
		w = &weighed{}
		r.weighed[weighKey{s, agg}] = w
	}
	r.mu.Unlock()
	w.once.Do(func() {
		if s.err != nil {
			w.err = s.err
			return
		}
		w.err = r.weigh(w, s, agg)
	})
	return w
}

func (r *Runner) weigh(w *weighed, s *scoredSet, agg string) error {
	spec, _ := aggSpec(agg)
	for k, rt := range r.types {
		tree, _, err := r.m.weigh(rt.name, &weighData{scored: s.typeScored[k], vals: s.vals, members: rt.members, spec: spec})
		if err != nil {
			return err
		}
		base := make([]float64, len(tree.Nodes))
		for i, n := range tree.Nodes {
			base[i] = n.Weight
		}
		a, err := engine.NewAggregator(tree, s.scored.Cols, spec)
		if err != nil {
			return err
		}
		w.w, w.aggs = append(w.w, base), append(w.aggs, a)
	}
	cols := w.aggs[0].Cols()
	w.root = slices.Index(cols, r.m.Root())
	for _, code := range r.m.TieBreak {
		w.tie = append(w.tie, slices.Index(cols, code))
	}
	return nil
}
