package evaluation

import (
	"context"
	"encoding/json"
	"fmt"

	"github.com/qiangxian/qiangxian/internal/method"
	"github.com/qiangxian/qiangxian/internal/store"
)

// RunInput is what a stored run read: its method, its parameters and the
// method's input as of the run's data revision (with the previous run's
// ranks when it has one). Recompute evaluates it; the pages explain a run
// with it.
type RunInput struct {
	Run    store.Run
	Stored store.Method
	Method *method.Method
	Params Params
	Input  method.Input
}

// LoadRun loads the recorded inputs of run runID without evaluating them
// (Recompute evaluates them).
func LoadRun(ctx context.Context, db *store.DB, runID int64) (*RunInput, error) {
	run, err := db.Run(ctx, runID)
	if err != nil {
		return nil, err
	}
	sm, err := db.Method(ctx, run.MethodID)
	if err != nil {
		return nil, err
	}
	ri := &RunInput{Run: run, Stored: sm}
	if err := json.Unmarshal(run.Params, &ri.Params); err != nil {
		return nil, fmt.Errorf("evaluation: run %d: parameters: %w", runID, err)
	}
	if ri.Method, err = method.Parse(sm.Name, []byte(sm.TOML)); err != nil {
		return nil, fmt.Errorf("evaluation: method %s %s: %w", sm.Name, sm.Version, err)
	}
	p, err := store.ParsePeriod(run.Period)
	if err != nil {
		return nil, err
	}
	if ri.Input, err = load(ctx, db, ri.Method, p, run.Revision, ri.Params.Types); err != nil {
		return nil, err
	}
	if ri.Params.PreviousRun != 0 {
		if ri.Input.Previous, err = previousRanks(ctx, db, ri.Method, ri.Params.PreviousRun); err != nil {
			return nil, err
		}
	}
	return ri, nil
}
