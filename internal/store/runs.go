package store

import (
	"bytes"
	"cmp"
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"slices"
	"strconv"
	"time"

	"github.com/qiangxian/qiangxian/internal/auth"
	"github.com/qiangxian/qiangxian/internal/workflow"
)

// Run is one evaluation: a method version applied to the data as of a
// revision, with parameters. Hash covers all three, so that a re-run with
// the same hash must give bit-identical results. A published run never
// changes again: the store refuses, and so does a database trigger.
type Run struct {
	ID         int64
	MethodID   int64
	Revision   int64
	Period     string
	Params     json.RawMessage // canonical JSON: sorted keys, no spaces
	Hash       string
	State      auth.RunState
	Visibility auth.Visibility
	ParentID   int64 // the run this one re-runs, 0 for none
	Note       string
	CreatedAt  time.Time
	CreatedBy  string
	Domain     string // DomainCounty or DomainZone
}

// The domains a run evaluates: counties with the county method, or
// development zones with a zone method (issue 18). Both share the
// lifecycle; a county page lists county runs only.
const (
	DomainCounty = "county"
	DomainZone   = "zone"
)

// NewRun is what CreateRun needs. Revision 0 means the latest data.
type NewRun struct {
	MethodID   int64
	Revision   int64
	Period     string
	Params     json.RawMessage // any JSON object; nil for {}
	Visibility auth.Visibility // "" for none
	ParentID   int64
	Note       string
}

const runColumns = `id, method_id, revision_id, period_code, params, hash, state, visibility, parent_id, note, created_at, created_by, domain`

// runStateExpr is a run's state as the store reports it: a published run
// whose lifecycle names the run that superseded it is superseded (issue
// 12). The runs row keeps 'published', as it was when the notice was
// issued; supersession is the one fact added to it, in run_lifecycle.
const runStateExpr = `CASE WHEN runs.state = 'published' AND EXISTS (SELECT 1 FROM run_lifecycle sl
	WHERE sl.run_id = runs.id AND sl.superseded_by IS NOT NULL) THEN 'superseded' ELSE runs.state END`

// runSelect is runColumns with the reported state, for reading runs.
const runSelect = `id, method_id, revision_id, period_code, params, hash, ` + runStateExpr +
	`, visibility, parent_id, note, created_at, created_by, domain`

func scanRun(s scanner) (Run, error) {
	var r Run
	var params string
	var parent sql.NullInt64
	err := s.Scan(&r.ID, &r.MethodID, &r.Revision, &r.Period, &params, &r.Hash, &r.State, &r.Visibility,
		&parent, &r.Note, &r.CreatedAt, &r.CreatedBy, &r.Domain)
	r.Params, r.ParentID, r.CreatedAt = json.RawMessage(params), parent.Int64, r.CreatedAt.UTC()
	return r, err
}

// CanonicalParams returns params as canonical JSON (object keys sorted, no
// insignificant space, numbers as written), so that equal parameters hash
// equally however they were typed.
func CanonicalParams(params json.RawMessage) (json.RawMessage, error) {
	if len(bytes.TrimSpace(params)) == 0 {
		return json.RawMessage("{}"), nil
	}
	d := json.NewDecoder(bytes.NewReader(params))
	d.UseNumber()
	var v map[string]any
	if err := d.Decode(&v); err != nil || d.More() {
		return nil, refuse(ErrInvalid, "store.run.params")
	}
	b, err := json.Marshal(v)
	return json.RawMessage(b), err
}

// RunHash is the hash of a run's inputs: the method text's hash, the data
// revision and the canonical parameters.
func RunHash(methodHash string, revision int64, params json.RawMessage) string {
	return sha256Hex([]byte(methodHash + "\n" + strconv.FormatInt(revision, 10) + "\n" + string(params)))
}

// CreateRun records a new county run in state draft.
func (db *DB) CreateRun(ctx context.Context, actor Actor, n NewRun) (r Run, err error) {
	defer wrap(&err, "CreateRun")
	err = db.change(ctx, actor, func(t *txn) error {
		r, err = t.createRun(n, DomainCounty)
		return err
	})
	return r, err
}

// createRun records a new run of domain in state draft inside a change.
func (t *txn) createRun(n NewRun, domain string) (r Run, err error) {
	params, err := CanonicalParams(n.Params)
	if err != nil {
		return r, err
	}
	if n.Visibility == "" {
		n.Visibility = auth.VisNone
	}
	if !n.Visibility.Valid() {
		return r, refuse(ErrInvalid, "store.visibility", n.Visibility)
	}
	var methodHash string
	if err := t.QueryRow(`SELECT hash FROM methods WHERE id = $1`, n.MethodID).Scan(&methodHash); err == sql.ErrNoRows {
		return r, refuse(ErrNotFound, "store.method.notFound", n.MethodID)
	} else if err != nil {
		return r, err
	}
	if n.Revision == 0 {
		if err := t.QueryRow(`SELECT COALESCE(MAX(id), 0) FROM revisions`).Scan(&n.Revision); err != nil {
			return r, err
		}
	}
	periods := map[string]string{n.Period: ""}
	r = Run{MethodID: n.MethodID, Revision: n.Revision, Params: params, Hash: RunHash(methodHash, n.Revision, params),
		State: auth.StateDraft, Visibility: n.Visibility, ParentID: n.ParentID, Note: n.Note, CreatedBy: t.actor.Username,
		Domain: domain}
	if err := t.ensurePeriods(periods); err != nil {
		return r, err
	}
	r.Period, r.CreatedAt = periods[n.Period], t.now
	var parent any
	if n.ParentID != 0 {
		parent = n.ParentID
	}
	if err := t.QueryRow(`INSERT INTO runs (method_id, revision_id, period_code, params, hash, state, visibility,
		parent_id, note, created_at, created_by, domain) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) RETURNING id`,
		r.MethodID, r.Revision, r.Period, string(r.Params), r.Hash, string(r.State), string(r.Visibility),
		parent, r.Note, r.CreatedAt, r.CreatedBy, r.Domain).Scan(&r.ID); err != nil {
		return r, err
	}
	return r, t.audit("create", "run", fmt.Sprint(r.ID), map[string]any{"method": r.MethodID, "revision": r.Revision,
		"period": r.Period, "hash": r.Hash, "parent": r.ParentID, "domain": r.Domain})
}

// Run returns the run with id.
func (db *DB) Run(ctx context.Context, id int64) (r Run, err error) {
	defer wrap(&err, "Run(%d)", id)
	return scanRun(db.sql.QueryRowContext(ctx, `SELECT `+runSelect+` FROM runs WHERE id = $1`, id))
}

// RunFilter selects runs; zero fields select all, except Domain: ""
// selects county runs (what every county page lists), DomainZone zone
// runs and DomainAll both.
type RunFilter struct {
	Period string
	State  auth.RunState
	Domain string
}

// DomainAll is the RunFilter domain of runs of every domain.
const DomainAll = "*"

// Runs returns the runs f selects, newest first.
func (db *DB) Runs(ctx context.Context, f RunFilter) (rs []Run, err error) {
	defer wrap(&err, "Runs")
	rows, err := db.sql.QueryContext(ctx, `SELECT `+runSelect+` FROM runs
		WHERE ($1 = '' OR period_code = $1) AND ($2 = '' OR `+runStateExpr+` = $2) AND ($3 = '*' OR domain = $3)
		ORDER BY id DESC`, f.Period, string(f.State), cmp.Or(f.Domain, DomainCounty))
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		r, err := scanRun(rows)
		if err != nil {
			return nil, err
		}
		rs = append(rs, r)
	}
	return rs, rows.Err()
}

// canMove says which state changes are allowed: one step forward, or back to
// draft (sent back for corrections) from any state before publication.
func canMove(from, to auth.RunState) bool {
	i, j := slices.Index(auth.RunStates, from), slices.Index(auth.RunStates, to)
	return i >= 0 && j >= 0 && !from.Final() && to != auth.StateSuperseded && (j == i+1 || to == auth.StateDraft && i > 0)
}

// errPublished is the store's own refusal to touch a published run.
func errPublished(id int64) error {
	return refuse(ErrImmutable, "store.run.published", id)
}

// Transition moves a run to state to, recording who, when and why in the
// run's state history. A published (or superseded) run moves no more
// (ErrImmutable); a move that skips a state is ErrConflict, as is a race
// with another transition. The office's chain (issue 12) holds on this
// path too: a move to notice opens the default 公示 window (StartNotice), a
// run leaves notice forward only once its window has closed
// (*NoticeOpenError), a move to approved needs the approval record
// (Approve), and publishing supersedes the period's earlier publication.
func (db *DB) Transition(ctx context.Context, actor Actor, id int64, to auth.RunState, note string) (r Run, err error) {
	switch to {
	case auth.StateApproved:
		return r, fmt.Errorf("store: Transition(%d → %s): %w", id, to, refuse(ErrConflict, "store.run.approvalRecord"))
	case auth.StateNotice:
		cal, err := db.Calendar(ctx)
		if err != nil {
			return r, err
		}
		first, last, err := cal.Window(Day(db.now()), workflow.NoticeWorkingDays)
		if err != nil {
			return r, err
		}
		return db.StartNotice(ctx, actor, id, first, last, note)
	}
	defer wrap(&err, "Transition(%d → %s)", id, to)
	err = db.change(ctx, actor, func(t *txn) error {
		r, err = t.transition(id, to, note)
		return err
	})
	return r, err
}

// transition is Transition inside a change, for every target state.
func (t *txn) transition(id int64, to auth.RunState, note string) (r Run, err error) {
	if r, err = scanRun(t.QueryRow(`SELECT `+runSelect+` FROM runs WHERE id = $1`, id)); err != nil {
		return r, err
	}
	if r.State.Final() {
		return r, errPublished(id)
	}
	if !canMove(r.State, to) {
		return r, refuse(ErrConflict, "store.runMove", r.State, to)
	}
	if r.State == auth.StateReview && to != auth.StateDraft {
		if err := t.checkTies(id); err != nil {
			return r, err
		}
	}
	if to == auth.StateNotice {
		if err := t.checkOwed(id); err != nil {
			return r, err
		}
	}
	if r.State == auth.StateNotice && to != auth.StateDraft {
		if err := t.checkNoticeClosed(id); err != nil {
			return r, err
		}
	}
	if to == auth.StatePublished {
		if err := t.checkFourEyes(id); err != nil {
			return r, err
		}
		if err := t.supersedeEarlier(r); err != nil {
			return r, err
		}
		if r.Domain == DomainZone {
			if err := t.publishZoneRun(r); err != nil {
				return r, err
			}
		}
	}
	// The history row goes first: once the run is published, the trigger
	// refuses rows for it.
	if _, err := t.Exec(`INSERT INTO run_states (run_id, from_state, to_state, at, username, note)
		VALUES ($1, $2, $3, $4, $5, $6)`, id, string(r.State), string(to), t.now, t.actor.Username, note); err != nil {
		return r, err
	}
	res, err := t.Exec(`UPDATE runs SET state = $1 WHERE id = $2 AND state = $3`, string(to), id, string(r.State))
	if err != nil {
		return r, err
	}
	if n, _ := res.RowsAffected(); n != 1 {
		return r, refuse(ErrConflict, "store.runChanged2", id)
	}
	from := r.State
	r.State = to
	return r, t.audit("transition", "run", fmt.Sprint(id), map[string]string{"from": string(from), "to": string(to), "note": note})
}

// SetVisibility sets how much of the run the public will see once it is
// published; it is fixed at publication.
func (db *DB) SetVisibility(ctx context.Context, actor Actor, id int64, v auth.Visibility) (err error) {
	defer wrap(&err, "SetVisibility(%d, %s)", id, v)
	if !v.Valid() {
		return refuse(ErrInvalid, "store.visibility2", v)
	}
	return db.change(ctx, actor, func(t *txn) error {
		if err := t.checkChangeable(id, false); err != nil {
			return err
		}
		if _, err := t.Exec(`UPDATE runs SET visibility = $1 WHERE id = $2`, string(v), id); err != nil {
			return err
		}
		return t.audit("update", "run", fmt.Sprint(id), map[string]string{"visibility": string(v)})
	})
}

// checkChangeable returns ErrNotFound for an unknown run, ErrImmutable for a
// published one, and, when draftOnly, ErrConflict for a run past draft.
func (t *txn) checkChangeable(id int64, draftOnly bool) error {
	var state auth.RunState
	if err := t.QueryRow(`SELECT state FROM runs WHERE id = $1`, id).Scan(&state); err != nil {
		return err
	}
	switch {
	case state.Final():
		return errPublished(id)
	case draftOnly && state != auth.StateDraft:
		return refuse(ErrConflict, "store.runNotDraft", id, state)
	}
	return nil
}

// RunStateChange is one row of a run's state history.
type RunStateChange struct {
	From, To auth.RunState
	At       time.Time
	Username string
	Note     string
}

// RunHistory returns a run's state changes, oldest first.
func (db *DB) RunHistory(ctx context.Context, id int64) (hs []RunStateChange, err error) {
	defer wrap(&err, "RunHistory(%d)", id)
	rows, err := db.sql.QueryContext(ctx, `SELECT from_state, to_state, at, username, note FROM run_states
		WHERE run_id = $1 ORDER BY id`, id)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var h RunStateChange
		if err := rows.Scan(&h.From, &h.To, &h.At, &h.Username, &h.Note); err != nil {
			return nil, err
		}
		h.At = h.At.UTC()
		hs = append(hs, h)
	}
	return hs, rows.Err()
}
