package method

import (
	"context"
	"fmt"
	"math"

	"github.com/qiangxian/qiangxian/internal/engine"
	"github.com/qiangxian/qiangxian/internal/locale"
)

// The uncertain inputs of a method, in the order in which a replicate draws
// them and in which Sobol indices are reported: the engine's order without
// normalisation, which the scoring rules replace.
const (
	varImpute = iota
	varWinMax
	varWeights
	varAggregate
	varLeaveOut
)

var varNames = [...]string{"impute", "winmax", "weights", "aggregate", "leave_out"}

// noisySalt derives the stream of a replicate's weight factors from its
// weights draw (the engine's salt, "noisy").
const noisySalt = 0x6e6f697379

// Analysis is a prepared robustness analysis of a method on one period's
// inputs: the uncertainty analysis of the overall ranks, its Sobol
// sensitivity analysis and the remove-one analysis. It samples, seeds and
// accumulates exactly as engine.Robustness does (same streams per
// replicate, same rank statistics, same output for any number of workers);
// every scored set and weighting a replicate can draw is computed when it
// is prepared, so that a replicate costs the aggregations and a ranking.
type Analysis struct {
	r       *Runner
	vars    []variable
	imputes []string
	treats  []string
	aggs    []string
	sets    []*scoredSet // [impute][treat], flattened
	wts     []*weighed   // [impute][treat][aggregate], flattened
	noisy   []noisyNode
}

type variable struct{ kind, n int }

type noisyNode struct {
	node   int
	factor float64
}

// NewAnalysis prepares the analysis of m on in with the uncertain inputs
// u, which are checked against m (an *InputError). The method as written
// runs now; its error, if any, is returned.
func NewAnalysis(m *Method, in Input, u Uncertainty) (*Analysis, error) {
	if err := u.Check(m); err != nil {
		return nil, err
	}
	r, err := NewRunner(m, in)
	if err != nil {
		return nil, err
	}
	a := &Analysis{r: r, imputes: []string{m.Pipeline.Impute}, treats: []string{m.Pipeline.Treat},
		aggs: []string{m.Pipeline.Aggregate}}
	if len(u.Impute) > 0 {
		a.imputes = u.Impute
		a.vars = append(a.vars, variable{varImpute, len(u.Impute)})
	}
	if len(u.WinMax) > 0 {
		a.treats = nil
		for _, w := range u.WinMax {
			a.treats = append(a.treats, fmt.Sprintf("winmax:%d", w))
		}
		a.vars = append(a.vars, variable{varWinMax, len(u.WinMax)})
	}
	if len(u.Weights) > 0 {
		tree, err := m.Tree(m.Types[0].Name)
		if err != nil {
			return nil, err
		}
		for _, ln := range u.Weights {
			for i, n := range tree.Nodes {
				if n.Level == ln.Level {
					a.noisy = append(a.noisy, noisyNode{i, ln.Factor})
				}
			}
		}
		a.vars = append(a.vars, variable{varWeights, 0})
	}
	if len(u.Aggregate) > 0 {
		a.aggs = u.Aggregate
		a.vars = append(a.vars, variable{varAggregate, len(u.Aggregate)})
	}
	if u.LeaveOut {
		a.vars = append(a.vars, variable{varLeaveOut, len(r.scored) + 1})
	}
	for _, imp := range a.imputes {
		for _, t := range a.treats {
			s := r.scoredSet(imp, t)
			a.sets = append(a.sets, s)
			for _, agg := range a.aggs {
				a.wts = append(a.wts, r.weights(s, agg))
			}
		}
	}
	return a, nil
}

// Robustness runs the uncertainty analysis of m's overall ranks on in: o.N
// replicates (seeded by o.Seed), each drawing every input of u
// independently and uniformly, summarised per unit as the nominal rank,
// mean, median, 5 % and 95 % quantiles and the share in the top o.Top
// (10 by default). It is the entry point for a county's rank interval; the
// method file's analysis is Robustness(ctx, m, in, *m.Uncertainty,
// m.Uncertainty.Options()) when m.Uncertainty is not nil.
func Robustness(ctx context.Context, m *Method, in Input, u Uncertainty, o engine.RunOptions) (*engine.RankStats, error) {
	a, err := NewAnalysis(m, in, u)
	if err != nil {
		return nil, err
	}
	return a.Uncertainty(ctx, o)
}

// Variables returns the names of the uncertain inputs that vary, in the
// order of the Sobol indices: impute, winmax, weights, aggregate,
// leave_out.
func (a *Analysis) Variables() []string {
	out := make([]string, len(a.vars))
	for i, v := range a.vars {
		out[i] = varNames[v.kind]
	}
	return out
}

// Units returns the units' codes, in the order of every output.
func (a *Analysis) Units() []string { return a.r.units }

// Nominal returns the overall scores and ranks of the method as written.
func (a *Analysis) Nominal() (scores, ranks []float64) { return a.r.Nominal() }

// Node returns the code of the method's top node, whose ranks are studied.
func (a *Analysis) Node() string { return a.r.m.Root() }

// decode turns the sample point x into a choice (c's mult is reused).
func (a *Analysis) decode(x []uint64, c *choice) {
	ii, ti, ai := 0, 0, 0
	c.leave = -1
	weights := false
	for i, v := range a.vars {
		switch v.kind {
		case varImpute:
			ii = engine.Pick(x[i], v.n)
		case varWinMax:
			ti = engine.Pick(x[i], v.n)
		case varAggregate:
			ai = engine.Pick(x[i], v.n)
		case varLeaveOut:
			if k := engine.Pick(x[i], v.n); k > 0 {
				c.leave = a.r.scored[k-1]
			}
		case varWeights:
			weights = true
			for j := range c.mult {
				c.mult[j] = 1
			}
			p := engine.ReplicateStream(x[i], noisySalt)
			for _, nn := range a.noisy {
				u := engine.UnitFloat(p.Uint64())
				c.mult[nn.node] = 1 + (u*2-1)*nn.factor
			}
		}
	}
	k := ii*len(a.treats) + ti
	c.set, c.wt = a.sets[k], a.wts[k*len(a.aggs)+ai]
	if !weights {
		c.mult = nil
	}
}

// worker returns a replicate function for engine.RunReplicates: point
// fills x with replicate i's sample point, and after (when not nil) sees
// its ranks.
func (a *Analysis) worker(point func(i int, x, xa, xb []uint64), after func(i int, out []int32, ok bool)) func() func(int, []int32) error {
	return func() func(int, []int32) error {
		d := len(a.vars)
		x, xa, xb := make([]uint64, d), make([]uint64, d), make([]uint64, d)
		wk := a.r.newWork()
		mult := make([]float64, a.r.nNodes)
		return func(i int, out []int32) error {
			point(i, x, xa, xb)
			c := choice{mult: mult}
			a.decode(x, &c)
			_, ranks, err := a.r.replicate(wk, &c)
			if err == nil {
				for u, rk := range ranks {
					if !engine.IsNA(rk) {
						out[u] = int32(rk)
					}
				}
			}
			if after != nil {
				after(i, out, err == nil)
			}
			return err
		}
	}
}

// Uncertainty runs o.N replicates and summarises the overall ranks.
func (a *Analysis) Uncertainty(ctx context.Context, o engine.RunOptions) (*engine.RankStats, error) {
	if o.N < 1 {
		return nil, &InputError{Input: "n", Msg: locale.M("method.positive", o.N)}
	}
	if len(a.vars) == 0 {
		return nil, &InputError{Input: "uncertainty", Msg: locale.M("method.u.none")}
	}
	acc := engine.NewRankAccumulator(len(a.r.units), o.N, o.KeepRanks)
	point := func(i int, x, _, _ []uint64) {
		p := engine.ReplicateStream(o.Seed, uint64(i))
		engine.DrawPoint(&p, x)
	}
	_, first, err := engine.RunReplicates(ctx, o.Workers, o.N, o.N, len(a.r.units), acc, a.worker(point, nil))
	if err != nil {
		return nil, err
	}
	s := acc.Summary(a.Node(), a.r.units, a.r.nomRank, o.Top)
	s.FirstError = first
	return s, nil
}

// Sobol runs a Saltelli design of base size o.N over the uncertain inputs
// (o.N·(d+2) runs) and estimates the first-order and total Sobol indices of
// the mean absolute shift of the overall ranks from the nominal ranks, as
// engine.Robustness.Sobol does, with nboot bootstrap resamples (0: none).
func (a *Analysis) Sobol(ctx context.Context, o engine.RunOptions, nboot int) (*engine.SobolResult, error) {
	d := len(a.vars)
	if d < 2 {
		return nil, &InputError{Input: "uncertainty", Msg: locale.M("method.u.sobol")}
	}
	if o.N < 2 || nboot < 0 {
		return nil, &InputError{Input: "n", Msg: locale.M("method.positive", o.N)}
	}
	n := o.N
	y := make([]float64, n*(d+2))
	acc := engine.NewRankAccumulator(len(a.r.units), 2*n, o.KeepRanks)
	point := func(k int, x, xa, xb []uint64) { engine.SaltelliPoint(o.Seed, k, n, x, xa, xb) }
	after := func(k int, out []int32, ok bool) {
		y[k] = engine.NA
		if ok {
			y[k] = engine.MeanAbsRankShift(out, a.r.nomRank)
		}
	}
	_, first, err := engine.RunReplicates(ctx, o.Workers, len(y), 2*n, len(a.r.units), acc, a.worker(point, after))
	if err != nil {
		return nil, err
	}
	res := &engine.SobolResult{Stats: acc.Summary(a.Node(), a.r.units, a.r.nomRank, o.Top), Y: y}
	res.Stats.FirstError = first
	yAB := make([][]float64, d)
	for i := range yAB {
		yAB[i] = y[(2+i)*n : (3+i)*n]
	}
	res.Indices, res.Variance, res.Dropped = engine.SobolIndices(y[:n], y[n:2*n], yAB, nboot, o.Seed)
	for i, name := range a.Variables() {
		res.Indices[i].Variable = name
	}
	return res, nil
}

// RemoveLevel is COINr's remove_elements on the method: each node of the
// level (1 = indicators; 2 = the areas above them …) in turn gets weight 0
// under every type, and the overall ranks are compared with the nominal
// ranks (mean absolute change over the units ranked in both). The first
// result is {"Nominal", 0}; a node whose removal makes the run fail gets NA.
func (a *Analysis) RemoveLevel(level int) ([]engine.RemoveResult, error) {
	r := a.r
	top := r.m.topLevel()
	if level < 1 || level >= top {
		return nil, &InputError{Input: "remove-level", Msg: locale.M("method.u.remove", level, max(top-1, 1))}
	}
	tree, err := r.m.Tree(r.m.Types[0].Name)
	if err != nil {
		return nil, err
	}
	out := []engine.RemoveResult{{Removed: "Nominal", MeanAbsRankChange: 0}}
	ranks := make([]int32, len(r.units))
	for _, n := range tree.Nodes {
		if n.Level != level {
			continue
		}
		res := engine.RemoveResult{Removed: n.Code, MeanAbsRankChange: engine.NA}
		if _, rk, err := r.Run(Perturbation{Weights: map[string]float64{n.Code: 0}}); err == nil {
			for u, v := range rk {
				ranks[u] = 0
				if !math.IsNaN(v) {
					ranks[u] = int32(v)
				}
			}
			res.MeanAbsRankChange = engine.MeanAbsRankShift(ranks, r.nomRank)
		}
		out = append(out, res)
	}
	return out, nil
}

func init() {
	locale.Register(map[string][2]string{
		"method.u.none":   {"没有不确定输入：请在 [uncertainty] 中或用 --vary-… 参数给出至少一个", "nothing varies: declare at least one uncertain input in [uncertainty] or by a --vary-… flag"},
		"method.u.remove": {"层级 %d 的节点不能逐个去掉：层级应为 1 至 %d（1 为指标层）", "the nodes of level %d cannot be removed in turn: the level must be 1 to %d (1 = indicators)"},
		"method.u.sobol":  {"Sobol 分析需要至少两个不确定输入", "a Sobol analysis needs at least two uncertain inputs"},
	})
}
