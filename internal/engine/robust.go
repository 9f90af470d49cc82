package engine

import (
	"fmt"
	"runtime"
	"sync"
)

// Uncertainty declares the uncertain inputs of a robustness analysis. Each
// non-empty field is one uncertain input, which every replicate draws
// independently and uniformly among its alternatives (COINr's
// get_sensitivity with discrete distributions); an empty field keeps the
// choice of the nominal Spec.
type Uncertainty struct {
	Impute    []*ImputeSpec // alternative imputations; a nil entry imputes nothing
	WinMax    []int         // alternative Winsorisation limits (treatment thresholds from the nominal Spec)
	Normalise []NormSpec    // alternative normalisations
	Aggregate []AggSpec     // alternative aggregations
	// Weights perturbs the weights of whole levels: each weight of a listed
	// level is multiplied by its own factor uniform in [1−f, 1+f], as
	// COINr's get_noisy_weights. All listed levels together form one
	// uncertain input ("weights"), as in COINr, where a replicate draws one
	// noisy weight set.
	Weights []LevelNoise
	// LeaveOut draws, uniformly, either no indicator or one of the
	// indicators, whose weight is then 0 (COINr's notion of removing an
	// element).
	LeaveOut bool
}

// LevelNoise is the noise of one level's weights: Level as in iMeta (1 =
// indicators), Factor in [0, 1].
type LevelNoise struct {
	Level  int
	Factor float64
}

// Choice is the value of every uncertain input in one replicate: indices
// into the alternatives of the Uncertainty (0 for an input that is not
// varied), the leave-out (0 = none, k = the k-th indicator of the tree,
// 1-based) and the weights, one per node of the tree in the order of
// Tree.Nodes (nil = the nominal weights).
type Choice struct {
	Impute, WinMax, Normalise, Aggregate int
	LeaveOut                             int
	Weights                              []float64
}

// RunOptions controls a Monte Carlo run. The same Seed gives the same
// output whatever the number of Workers: replicate i draws its inputs from
// a random stream derived from (Seed, i) alone.
type RunOptions struct {
	N       int    // replicates (uncertainty) or base sample size (Sobol)
	Seed    uint64 // random seed
	Workers int    // goroutines; 0 = GOMAXPROCS
	// KeepRanks keeps every replicate's ranks in RankStats.Ranks (n_units ×
	// N small integers); otherwise only the statistics are kept.
	KeepRanks bool
	Top       int // p_top threshold; 0 = 10
}

// Robustness is a prepared robustness analysis of one period: the nominal
// result and, computed once on first use, the data sets that do not change
// between replicates (one per imputation × Winsorisation limit ×
// normalisation), so that a replicate costs an aggregation and a ranking.
// Its methods may be called from several goroutines.
type Robustness struct {
	in       Input
	base     Spec
	u        Uncertainty
	vars     []variable
	units    []string // every unit of the input, in order: rows of the outputs
	unitIdx  map[string]int32
	target   int    // column of the target node in the aggregated data set
	node     string // the target node
	imputes  []*ImputeSpec
	treats   []*TreatSpec
	norms    []*NormSpec
	aggSpecs []AggSpec
	aggs     []*Aggregator
	nomW     []float64 // nominal node weights
	noisy    []noisyNode
	// nominal: the nominal pipeline's scores and ranks of the target (per
	// unit of units, NA when absent), and its data before aggregation.
	nomScore, nomRank []float64
	nomData           *Dataset
	nomAgg            *Aggregator

	once   sync.Once
	combos []combo     // [impute][winmax][normalise], flattened
	caches []*aggCache // [combo][aggregation], flattened
}

// noisyNode is a node whose weight is perturbed, and by how much.
type noisyNode struct {
	node   int
	factor float64
}

// combo is one precomputed data set, ready for aggregation.
type combo struct {
	data   *Dataset
	units  []int32     // data unit → index in Robustness.units
	logs   [][]float64 // natural log of every column, when some aggregation is gmean
	nonpos int         // first column with a present value ≤ 0 (gmean fails on it), or -1
	err    error       // the pipeline failed before aggregation
}

// NewRobustness prepares a robustness analysis of in around the nominal
// pipeline base, which must aggregate. node is the aggregate (or indicator)
// whose ranks are studied; "" means the top aggregate (the last column of
// the aggregated data set). The nominal pipeline runs now; its error, if
// any, is returned.
func NewRobustness(in Input, base Spec, u Uncertainty, node string) (*Robustness, error) {
	if base.Aggregate == nil {
		return nil, &Error{Kind: ErrBadParameter, Detail: "robustness analysis needs an aggregation"}
	}
	nom, err := Evaluate(in, base)
	if err != nil {
		return nil, err
	}
	t := in.Tree
	r := &Robustness{in: in, base: base, u: u, units: in.Raw.Units, unitIdx: make(map[string]int32, len(in.Raw.Units))}
	for i, code := range r.units {
		r.unitIdx[code] = int32(i)
	}
	final := nom.Final()
	if node == "" {
		node = final.Cols[len(final.Cols)-1]
	}
	if r.target = final.ColIndex(node); r.target < 0 {
		return nil, &Error{Kind: ErrUnknownNode, Node: node, Detail: "not in the aggregated data"}
	}
	r.node = node
	r.nomScore, r.nomRank = make([]float64, len(r.units)), make([]float64, len(r.units))
	for i := range r.units {
		r.nomScore[i], r.nomRank[i] = NA, NA
	}
	for k, code := range final.Units {
		i := r.unitIdx[code]
		r.nomScore[i], r.nomRank[i] = final.Vals[r.target][k], nom.Ranks.Vals[r.target][k]
	}
	r.nomData = nom.Stages[len(nom.Stages)-2].Data
	codes := t.IndicatorCodes()
	if r.nomAgg, err = NewAggregator(t, codes, *base.Aggregate); err != nil {
		return nil, err
	}
	r.nomW = make([]float64, len(t.Nodes))
	for i, n := range t.Nodes {
		r.nomW[i] = n.Weight
	}
	if err := r.setAlternatives(codes); err != nil {
		return nil, err
	}
	return r, nil
}

// setAlternatives resolves the alternatives of every step (the nominal
// choice when the step is not varied) and the uncertain variables.
func (r *Robustness) setAlternatives(codes []string) error {
	u, b := r.u, r.base
	r.imputes = []*ImputeSpec{b.Impute}
	if len(u.Impute) > 0 {
		// Checked here so that a misspelt alternative is an error, not a
		// share of failed replicates.
		for _, is := range u.Impute {
			if is == nil {
				continue
			}
			if is.Method != "" && is.Method != "mean" && is.Method != "median" {
				return &Error{Kind: ErrUnknownMethod, Detail: "impute " + is.Method}
			}
			if _, ok := r.in.Groups[is.Group]; is.Group != "" && !ok {
				return &Error{Kind: ErrBadParameter, Detail: fmt.Sprintf("no group column %q", is.Group)}
			}
		}
		r.imputes = u.Impute
		r.vars = append(r.vars, variable{varImpute, len(u.Impute)})
	}
	r.treats = []*TreatSpec{b.Treat}
	if len(u.WinMax) > 0 {
		r.treats = nil
		for _, w := range u.WinMax {
			if w < 0 {
				return &Error{Kind: ErrBadParameter, Detail: fmt.Sprintf("Winsorisation limit %d is negative", w)}
			}
			ts := TreatSpec{}
			if b.Treat != nil {
				ts = *b.Treat
			}
			ts.WinMax = w
			r.treats = append(r.treats, &ts)
		}
		r.vars = append(r.vars, variable{varWinMax, len(u.WinMax)})
	}
	r.norms = []*NormSpec{b.Normalise}
	if len(u.Normalise) > 0 {
		r.norms = nil
		for i := range u.Normalise {
			if err := checkNormSpec(u.Normalise[i]); err != nil {
				return err
			}
			r.norms = append(r.norms, &u.Normalise[i])
		}
		r.vars = append(r.vars, variable{varNormalise, len(u.Normalise)})
	}
	if len(u.Weights) > 0 {
		seen := map[int]bool{}
		for _, ln := range u.Weights {
			if ln.Level < 1 || ln.Level > r.in.Tree.MaxLevel() || seen[ln.Level] {
				return &Error{Kind: ErrBadParameter, Detail: fmt.Sprintf("weight noise: level %d is not a level of the hierarchy, or is repeated", ln.Level)}
			}
			if !(ln.Factor >= 0 && ln.Factor <= 1) {
				return &Error{Kind: ErrBadParameter, Detail: fmt.Sprintf("weight noise: factor %g is not between 0 and 1", ln.Factor)}
			}
			seen[ln.Level] = true
			for i, n := range r.in.Tree.Nodes {
				if n.Level == ln.Level {
					r.noisy = append(r.noisy, noisyNode{i, ln.Factor})
				}
			}
		}
		r.vars = append(r.vars, variable{varWeights, 0})
	}
	r.aggSpecs = []AggSpec{*b.Aggregate}
	if len(u.Aggregate) > 0 {
		r.aggSpecs = u.Aggregate
		r.vars = append(r.vars, variable{varAggregate, len(u.Aggregate)})
	}
	for _, s := range r.aggSpecs {
		a, err := NewAggregator(r.in.Tree, codes, s)
		if err != nil {
			return err
		}
		r.aggs = append(r.aggs, a)
	}
	if u.LeaveOut {
		r.vars = append(r.vars, variable{varLeaveOut, len(r.in.Tree.Indicators) + 1})
	}
	return nil
}

// Node returns the code of the node whose ranks are studied.
func (r *Robustness) Node() string { return r.node }

// Units returns the units of the input, in the order of every output.
func (r *Robustness) Units() []string { return r.units }

// Variables returns the names of the uncertain inputs, in the order of the
// Sobol indices: impute, winmax, normalise, weights, aggregate, leave_out
// (those that vary).
func (r *Robustness) Variables() []string {
	out := make([]string, len(r.vars))
	for i, v := range r.vars {
		out[i] = varNames[v.kind]
	}
	return out
}

// Nominal returns the nominal scores and ranks of the target node, per unit
// of Units (NA for a unit the nominal pipeline screened out).
func (r *Robustness) Nominal() (scores, ranks []float64) { return r.nomScore, r.nomRank }

// prepare computes, once, every data set the replicates aggregate: the
// pipeline up to screening per imputation, the treatment per Winsorisation
// limit, and the normalisation per choice, in parallel.
func (r *Robustness) prepare() {
	r.once.Do(func() {
		nI, nT, nN := len(r.imputes), len(r.treats), len(r.norms)
		r.combos = make([]combo, nI*nT*nN)
		gmean := false
		for _, s := range r.aggSpecs {
			gmean = gmean || s.Method == "gmean"
		}
		screened := make([]*Dataset, nI)
		errs := make([]error, nI)
		parallel(nI, 0, func(i int) {
			s := r.base
			s.Impute, s.Treat, s.Normalise, s.Aggregate = r.imputes[i], nil, nil, nil
			res, err := evaluateToTreated(r.in, s)
			if err != nil {
				errs[i] = err
				return
			}
			screened[i] = res.Final()
		})
		parallel(nI*nT, 0, func(k int) {
			i, t := k/nT, k%nT
			base := k * nN
			fail := func(err error) {
				for n := 0; n < nN; n++ {
					r.combos[base+n].err = err
				}
			}
			if errs[i] != nil {
				fail(errs[i])
				return
			}
			d := screened[i]
			if r.treats[t] != nil {
				var err error
				if d, _, err = Treat(d, *r.treats[t]); err != nil {
					fail(err)
					return
				}
			}
			units := make([]int32, len(d.Units))
			for k, code := range d.Units {
				units[k] = r.unitIdx[code]
			}
			for n, ns := range r.norms {
				c := &r.combos[base+n]
				c.units, c.data, c.nonpos = units, d, -1
				if ns != nil {
					c.data, c.err = Normalise(d, r.in.Tree, *ns)
				}
				if c.err == nil && gmean {
					c.logs, c.nonpos = logColumns(c.data)
				}
			}
		})
		nA := len(r.aggs)
		r.caches = make([]*aggCache, len(r.combos)*nA)
		parallel(len(r.caches), 0, func(k int) {
			if cb := &r.combos[k/nA]; cb.err == nil {
				r.caches[k] = r.aggs[k%nA].newAggCache(cb, r.nomW)
			}
		})
	})
}

// comboIndex returns the index in combos of the data set of a choice.
func (r *Robustness) comboIndex(c *Choice) int {
	return (c.Impute*len(r.treats)+c.WinMax)*len(r.norms) + c.Normalise
}

// parallel calls f(0..n-1) on up to workers goroutines (0 = GOMAXPROCS).
func parallel(n, workers int, f func(i int)) {
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	workers = min(workers, n)
	if workers <= 1 {
		for i := 0; i < n; i++ {
			f(i)
		}
		return
	}
	var wg sync.WaitGroup
	next := make(chan int)
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				f(i)
			}
		}()
	}
	for i := 0; i < n; i++ {
		next <- i
	}
	close(next)
	wg.Wait()
}
