package method

import (
	"math"
	"slices"
	"strings"
	"sync"

	"github.com/qiangxian/qiangxian/internal/engine"
)

// scoreCache keeps, per scored indicator and scoring type, the scores a
// rule gave to one set of inputs, with the warnings it gave, so that a
// run whose inputs of that indicator are the same again takes them rather
// than scoring anew. A what-if bisection moves one input of one unit and
// re-runs the method some fifty times: every indicator it does not touch
// is scored from the same values each time, and scoring them was half of
// the score sheets' cost. A rule's scores depend only on the values it
// reads (the indicator's, and a level_growth rule's growth column), the
// units with their types, and the targets; a Model holds the targets
// fixed, and the cache is keyed by the units' types, so an entry that
// matches value for value gives exactly what scoring would.
//
// The first scores kept for a key stay (the run model's own run, made
// before any what-if, is the one that pays); later inputs that differ are
// scored and not kept. It is safe for concurrent use.
type scoreCache struct {
	// scoresOnly stops a run at the overall scores and ranks (no rank
	// changes, awards or grades): set by a Model, which reads no more.
	scoresOnly bool
	// fixedWeights is set when no weights come from the data: each
	// type's weighted tree is then made once (trees).
	fixedWeights bool

	mu      sync.RWMutex
	types   string // the units' codes and types the entries were made for
	entries map[scoreKey]*scoreEntry
	trees   map[string]typeTree
	aggs    map[string]typeAgg
}

// typeAgg is a type's aggregator, prepared for one tree and column layout.
type typeAgg struct {
	tree *engine.Tree
	cols []string
	agg  *engine.Aggregator
}

// aggregate is engine.Aggregate(d, tree, spec), with the aggregator
// prepared once per type when the weights are fixed (the tree is then the
// one weigh keeps).
func (c *scoreCache) aggregate(typ string, d *engine.Dataset, tree *engine.Tree, spec engine.AggSpec) (*engine.Dataset, error) {
	if c == nil || !c.fixedWeights {
		return engine.Aggregate(d, tree, spec)
	}
	c.mu.RLock()
	a, ok := c.aggs[typ]
	c.mu.RUnlock()
	if !ok || a.tree != tree || !slices.Equal(a.cols, d.Cols) {
		agg, err := engine.NewAggregator(tree, d.Cols, spec)
		if err != nil {
			return nil, err
		}
		a = typeAgg{tree, slices.Clone(d.Cols), agg}
		c.mu.Lock()
		if c.aggs == nil {
			c.aggs = map[string]typeAgg{}
		}
		c.aggs[typ] = a
		c.mu.Unlock()
	}
	return a.agg.Run(d, nil)
}

// typeTree is a type's tree with the weights it was given.
type typeTree struct {
	tree    *engine.Tree
	sources []WeightSource
}

// weigh is m.weigh, made once per type when the weights do not depend on
// the data (the tree and sources are then only read).
func (c *scoreCache) weigh(m *Method, typ string, d *weighData) (*engine.Tree, []WeightSource, error) {
	if c == nil || !c.fixedWeights {
		return m.weigh(typ, d)
	}
	c.mu.RLock()
	w, ok := c.trees[typ]
	c.mu.RUnlock()
	if ok {
		return w.tree, w.sources, nil
	}
	tree, sources, err := m.weigh(typ, d)
	if err != nil {
		return nil, nil, err
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.trees == nil {
		c.trees = map[string]typeTree{}
	}
	if w, ok := c.trees[typ]; ok {
		return w.tree, w.sources, nil
	}
	c.trees[typ] = typeTree{tree, sources}
	return tree, sources, nil
}

type scoreKey struct{ indicator, typ string }

// scoreEntry is one kept scoring: the inputs it read, column by column,
// the scores (after the missing rule) and the warnings given.
type scoreEntry struct {
	inputs   [][]float64
	scores   []float64
	warnings []Warning
}

// unitsKey identifies the units and their types of a scoring.
func unitsKey(units []Unit) string {
	var b strings.Builder
	for _, u := range units {
		b.WriteString(u.Code)
		b.WriteByte(':')
		b.WriteString(strings.Join(u.Types, "+"))
		b.WriteByte(';')
	}
	return b.String()
}

// get returns the kept scores of (indicator, typ) for these inputs, with
// the warnings to give again. The scores are shared: a run only reads its
// indicator scores once made (aggregation copies the rows it takes).
func (c *scoreCache) get(units string, k scoreKey, inputs [][]float64) ([]float64, []Warning, bool) {
	if c == nil {
		return nil, nil, false
	}
	c.mu.RLock()
	defer c.mu.RUnlock()
	e := c.entries[k]
	if c.types != units || e == nil || len(e.inputs) != len(inputs) {
		return nil, nil, false
	}
	for i := range inputs {
		if !sameValues(e.inputs[i], inputs[i]) {
			return nil, nil, false
		}
	}
	return e.scores, e.warnings, true
}

// put keeps the scores of (indicator, typ) for these inputs unless an
// entry is kept already (for units with other types, the cache starts
// over).
func (c *scoreCache) put(units string, k scoreKey, inputs [][]float64, scores []float64, warnings []Warning) {
	if c == nil {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.types != units || c.entries == nil {
		c.types, c.entries = units, map[scoreKey]*scoreEntry{}
	}
	if c.entries[k] != nil {
		return
	}
	e := &scoreEntry{scores: slices.Clone(scores), warnings: slices.Clone(warnings)}
	for _, x := range inputs {
		e.inputs = append(e.inputs, slices.Clone(x))
	}
	c.entries[k] = e
}

// sameValues reports whether a and b hold the same numbers, bit for bit
// (every NaN alike, 0 and −0 apart: a rule could tell them apart).
func sameValues(a, b []float64) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if math.Float64bits(a[i]) != math.Float64bits(b[i]) && !(math.IsNaN(a[i]) && math.IsNaN(b[i])) {
			return false
		}
	}
	return true
}

// ruleInputs returns the columns besides the indicator's own that rule r
// reads: the growth columns of level_growth rules, its parts' and its
// fallback's.
func ruleInputs(r *Rule) []string {
	if r == nil {
		return nil
	}
	var out []string
	if r.Rule == RuleLevelGrowth {
		out = append(out, r.Growth)
	}
	for _, p := range []*Rule{r.Level, r.GrowthRule, r.Fallback} {
		out = append(out, ruleInputs(p)...)
	}
	return out
}

// scoreCached scores indicator ind on x (then applies its missing rule)
// for type typ, through the cache when there is one.
func scoreCached(sc *scoreCtx, cache *scoreCache, units, typ string, ind *Indicator, x []float64) ([]float64, error) {
	if cache == nil {
		s, err := sc.score(ind.Score, ind, x)
		if err != nil {
			return nil, err
		}
		sc.fillMissing(ind, x, s, sc.warn)
		return s, nil
	}
	k := scoreKey{ind.Code, typ}
	inputs := [][]float64{x}
	for _, col := range ruleInputs(ind.Score) {
		inputs = append(inputs, sc.vals.Col(col))
	}
	if s, warnings, ok := cache.get(units, k, inputs); ok {
		for _, w := range warnings {
			sc.warn(w)
		}
		return s, nil
	}
	var given []Warning
	warn := sc.warn
	sc.warn = func(w Warning) { given = append(given, w); warn(w) }
	defer func() { sc.warn = warn }()
	s, err := sc.score(ind.Score, ind, x)
	if err != nil {
		return nil, err
	}
	sc.fillMissing(ind, x, s, sc.warn)
	cache.put(units, k, inputs, s, given)
	return s, nil
}
