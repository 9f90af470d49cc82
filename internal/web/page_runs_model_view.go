package web

import (
	"context"
	"sync"

	"github.com/qiangxian/qiangxian/internal/engine"
	"github.com/qiangxian/qiangxian/internal/evaluation"
	"github.com/qiangxian/qiangxian/internal/method"
)

// runModel is a stored run made ready for the explanation functions: its
// inputs as of its revision, its method as an engine.Model, and the run
// recomputed (which gives its stored rows bit for bit, and besides them
// the raw and derived values and the type results the rows leave out).
type runModel struct {
	in      *evaluation.RunInput
	model   *method.Model
	data    *engine.Data
	scores  *engine.Scores
	outcome *method.Outcome
}

// A run's inputs never change — its method version, data revision and
// parameters are fixed when it is made, whatever its state — so what is
// computed from them is kept in memory, per server (caches), for as long as
// it runs: run models, county analyses (explanation, gaps) and
// robustness statistics. Replicas each compute their own; nothing needs
// invalidating. Each cache starts over when it reaches maxMemo entries
// rather than tracking recency.
const maxMemo = 256

// memo computes each key's value once, concurrently with other keys; a
// failed computation is not kept, so that a cancelled request does not
// poison the key.
type memo[K comparable, V any] struct {
	mu      sync.Mutex
	entries map[K]*memoEntry[V]
}

type memoEntry[V any] struct {
	done chan struct{}
	v    V
	err  error
}

func (m *memo[K, V]) get(ctx context.Context, k K, compute func() (V, error)) (V, error) {
	m.mu.Lock()
	if m.entries == nil || len(m.entries) >= maxMemo {
		m.entries = map[K]*memoEntry[V]{}
	}
	e, ok := m.entries[k]
	if !ok {
		e = &memoEntry[V]{done: make(chan struct{})}
		m.entries[k] = e
	}
	m.mu.Unlock()
	if !ok {
		e.v, e.err = compute()
		if e.err != nil {
			m.mu.Lock()
			if m.entries[k] == e {
				delete(m.entries, k)
			}
			m.mu.Unlock()
		}
		close(e.done)
	}
	select {
	case <-e.done:
		return e.v, e.err
	case <-ctx.Done():
		var zero V
		return zero, ctx.Err()
	}
}

// runModel returns run id's model, computing it on first use.
func (s *Server) runModel(ctx context.Context, id int64) (*runModel, error) {
	return s.caches.runModels.get(ctx, id, func() (*runModel, error) {
		in, err := evaluation.LoadRun(context.WithoutCancel(ctx), s.db, id)
		if err != nil {
			return nil, err
		}
		rm := &runModel{in: in, data: method.EngineData(in.Input.Data)}
		if rm.model, err = method.NewModel(in.Method, in.Input.Targets, in.Input.Events); err != nil {
			return nil, err
		}
		if rm.outcome, err = method.Run(in.Method, in.Input); err != nil {
			return nil, err
		}
		if rm.scores, err = rm.model.Score(rm.data); err != nil {
			return nil, err
		}
		return rm, nil
	})
}

// unitIndex is the row of unit code in the run's outcome, or -1.
func (rm *runModel) unitIndex(code string) int {
	for i, u := range rm.outcome.Units {
		if u.Code == code {
			return i
		}
	}
	return -1
}

// stage returns the outcome's data set of a stage, or nil.
func (rm *runModel) stage(name string) *engine.Dataset {
	for _, st := range rm.outcome.Stages {
		if st.Name == name {
			return st.Data
		}
	}
	return nil
}

// typeResult returns the outcome's result of type typ, or nil.
func (rm *runModel) typeResult(typ string) *method.TypeResult {
	for i := range rm.outcome.Types {
		if rm.outcome.Types[i].Type == typ {
			return &rm.outcome.Types[i]
		}
	}
	return nil
}

// robustnessDefault is the analysis of a method that declares none: every
// weight of the indicators and of the areas varied by ±25 %, as COINr's
// example does, 1000 replicates, seed 1. The page says so.
var robustnessDefault = method.Uncertainty{
	Weights: []engine.LevelNoise{{Level: 1, Factor: 0.25}, {Level: 2, Factor: 0.25}},
}

// robustness is a run's rank intervals and what produced them.
type robustness struct {
	stats    *engine.RankStats
	declared bool // the method file declares its analysis
	u        method.Uncertainty
	opts     engine.RunOptions
	index    map[string]int
}

// robustness returns the uncertainty analysis of run id's overall ranks,
// computing it on first use (well under a second for a province).
func (s *Server) robustness(ctx context.Context, id int64) (*robustness, error) {
	return s.caches.robustness.get(ctx, id, func() (*robustness, error) {
		rm, err := s.runModel(ctx, id)
		if err != nil {
			return nil, err
		}
		m := rm.in.Method
		rb := &robustness{u: robustnessDefault, opts: robustnessDefault.Options()}
		if m.Uncertainty != nil {
			rb.u, rb.opts, rb.declared = *m.Uncertainty, m.Uncertainty.Options(), true
		}
		if rb.stats, err = method.Robustness(context.WithoutCancel(ctx), m, rm.in.Input, rb.u, rb.opts); err != nil {
			return nil, err
		}
		rb.index = make(map[string]int, len(rb.stats.Units))
		for i, u := range rb.stats.Units {
			rb.index[u] = i
		}
		return rb, nil
	})
}
