// Package evaluation runs a stored method on stored data and keeps the
// result as a run: it loads the figures, declared types, events and targets
// as of a data revision into the method's input, runs the method (package
// method, on the engine), and stores the run with its result rows in the
// long format of `qiangxian evaluate --method`.
//
// A run must give the same rows whenever it is recomputed. Its recorded
// inputs are the method version, the data revision and its parameters, and
// the run's hash covers all three. The data as of a revision never changes
// (figures, events and targets are append-only), but two inputs live
// outside revisions: the units' declared types (unit attributes, editable)
// and the previous period's run (chosen as "the latest published" when the
// run is made). Both are therefore written into the parameters — the types
// of every evaluated unit and the id of the previous run — so that
// Recompute reads exactly what Compute read.
package evaluation

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"slices"

	"github.com/qiangxian/qiangxian/internal/auth"
	"github.com/qiangxian/qiangxian/internal/method"
	"github.com/qiangxian/qiangxian/internal/store"
)

// ComputeRequest says what to evaluate.
type ComputeRequest struct {
	MethodID int64
	Period   string // "2022", "2023-M06" …
	Revision int64  // data revision to read as of; 0 = the latest
	// PreviousRunID is the run whose overall ranks the rank changes (进步县)
	// are measured against; it must be published. 0 = the latest published
	// run of the previous period (the same months a year earlier), if any.
	PreviousRunID int64
	ParentRunID   int64 // the run this one re-runs, 0 for none
	Note          string
}

// Params are a run's recorded parameters, stored as canonical JSON in
// store.Run.Params and covered by its hash.
type Params struct {
	// PreviousRun is the published run the rank changes are measured
	// against; 0 when there is none.
	PreviousRun int64 `json:"previous_run"`
	// Types are the declared types of every evaluated unit, primary first:
	// the units and their groups as they were when the run was made.
	Types map[string][]string `json:"types"`
}

// ErrNoData is wrapped when there is nothing to evaluate: no revision, or no
// unit with declared types and figures in the period.
var ErrNoData = errors.New("evaluation: no data")

// Compute evaluates req and stores the run (state draft, with its method
// version, data revision, parameters and hash) and its result rows. The
// run is created first and its rows written next, each in a transaction of
// its own: if the second fails, the draft run stays without rows and a new
// Compute makes another.
func Compute(ctx context.Context, db *store.DB, actor store.Actor, req ComputeRequest) (store.Run, error) {
	sm, err := db.Method(ctx, req.MethodID)
	if err != nil {
		return store.Run{}, err
	}
	m, err := method.Parse(sm.Name, []byte(sm.TOML))
	if err != nil {
		return store.Run{}, fmt.Errorf("evaluation: method %s %s: %w", sm.Name, sm.Version, err)
	}
	p, err := store.ParsePeriod(req.Period)
	if err != nil {
		return store.Run{}, err
	}
	rev := req.Revision
	if rev == 0 {
		if rev, err = db.LatestRevision(ctx); err != nil {
			return store.Run{}, err
		}
		if rev == 0 {
			return store.Run{}, fmt.Errorf("%w: the store holds no data revision", ErrNoData)
		}
	} else if _, err := db.Revision(ctx, rev); err != nil {
		return store.Run{}, err
	}
	prev, err := previousRun(ctx, db, p, req.PreviousRunID)
	if err != nil {
		return store.Run{}, err
	}
	in, err := load(ctx, db, m, p, rev, nil)
	if err != nil {
		return store.Run{}, err
	}
	params := Params{PreviousRun: prev, Types: map[string][]string{}}
	for _, u := range in.Data.Units {
		params.Types[u.Code] = u.Types
	}
	o, err := outcome(ctx, db, m, in, prev)
	if err != nil {
		return store.Run{}, err
	}
	rows, err := Rows(o)
	if err != nil {
		return store.Run{}, err
	}
	raw, err := json.Marshal(params)
	if err != nil {
		return store.Run{}, err
	}
	run, err := db.CreateRun(ctx, actor, store.NewRun{MethodID: sm.ID, Revision: rev, Period: p.Code, Params: raw,
		ParentID: req.ParentRunID, Note: req.Note})
	if err != nil {
		return store.Run{}, err
	}
	if err := db.PutResults(ctx, actor, run.ID, rows); err != nil {
		return run, err
	}
	if err := db.PutOwedFigures(ctx, actor, run.ID, Owed(o)); err != nil {
		return run, err
	}
	return run, nil
}

// Recompute evaluates a stored run again from its recorded inputs and
// returns its rows, in the order Compute wrote them, without storing
// anything: a published run must give its stored rows bit for bit.
func Recompute(ctx context.Context, db *store.DB, runID int64) ([]store.Result, error) {
	ri, err := LoadRun(ctx, db, runID)
	if err != nil {
		return nil, err
	}
	if store.RunHash(ri.Stored.Hash, ri.Run.Revision, ri.Run.Params) != ri.Run.Hash {
		return nil, fmt.Errorf("evaluation: run %d: its hash does not match its method, revision and parameters", runID)
	}
	return evaluate(ctx, db, ri.Method, ri.Input, 0) // LoadRun has read the previous run's ranks
}

// evaluate reads the previous run's ranks, runs the method and returns the
// result rows.
func evaluate(ctx context.Context, db *store.DB, m *method.Method, in method.Input, prev int64) ([]store.Result, error) {
	o, err := outcome(ctx, db, m, in, prev)
	if err != nil {
		return nil, err
	}
	return Rows(o)
}

// outcome reads the previous run's ranks and runs the method.
func outcome(ctx context.Context, db *store.DB, m *method.Method, in method.Input, prev int64) (*method.Outcome, error) {
	if prev != 0 {
		var err error
		if in.Previous, err = previousRanks(ctx, db, m, prev); err != nil {
			return nil, err
		}
	}
	o, err := method.Run(m, in)
	if err != nil {
		return nil, fmt.Errorf("evaluation: %w", err)
	}
	return o, nil
}

// Owed lists the figures o's warnings say a department owes (missing
// rule "owed"), once per unit and indicator, with the indicator's
// providing department: the run stores them, and cannot go to public
// notice while it has any.
func Owed(o *method.Outcome) []store.OwedFigure {
	var owed []store.OwedFigure
	seen := map[[2]string]bool{}
	for _, w := range o.Warnings {
		k := [2]string{w.Unit, w.Indicator}
		if w.Kind != "owed" || seen[k] {
			continue
		}
		seen[k] = true
		f := store.OwedFigure{Unit: w.Unit, Indicator: w.Indicator}
		if i := slices.IndexFunc(o.Method.Indicators, func(ind method.Indicator) bool { return ind.Code == w.Indicator }); i >= 0 {
			f.Department = o.Method.Indicators[i].Department
		}
		owed = append(owed, f)
	}
	return owed
}

// previousRun resolves the run whose ranks rank changes are measured
// against: id when given (it must be published, so that its ranks never
// change), else the newest published run of the previous period, else 0.
func previousRun(ctx context.Context, db *store.DB, p store.Period, id int64) (int64, error) {
	if id != 0 {
		r, err := db.Run(ctx, id)
		if err != nil {
			return 0, err
		}
		if r.State != auth.StatePublished {
			return 0, fmt.Errorf("%w: previous run %d is %s, not published", store.ErrConflict, id, r.State)
		}
		return id, nil
	}
	prev := p.Code
	if p.Kind == store.PeriodYear {
		prev = fmt.Sprint(p.Year - 1)
	} else {
		prev = fmt.Sprintf("%d-M%02d", p.Year-1, p.Month)
	}
	runs, err := db.Runs(ctx, store.RunFilter{Period: prev, State: auth.StatePublished})
	if err != nil || len(runs) == 0 {
		return 0, err
	}
	return runs[0].ID, nil // newest first
}

// previousRanks reads the overall ranks of a run: the rows of the method's
// top node outside any group.
func previousRanks(ctx context.Context, db *store.DB, m *method.Method, id int64) (*method.Previous, error) {
	r, err := db.Run(ctx, id)
	if err != nil {
		return nil, err
	}
	rows, err := db.Results(ctx, id, store.ResultFilter{Node: m.Root()})
	if err != nil {
		return nil, err
	}
	p := &method.Previous{Rank: map[string]float64{}, Period: r.Period}
	for _, row := range rows {
		if row.Group == "" {
			p.Rank[row.Unit] = row.Rank
		}
	}
	if len(p.Rank) == 0 {
		return nil, fmt.Errorf("%w: previous run %d has no overall rank on node %s", store.ErrInvalid, id, m.Root())
	}
	return p, nil
}
