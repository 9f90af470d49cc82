package store

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"time"

	"github.com/qiangxian/qiangxian/internal/auth"
)

// The run lifecycle beyond the state machine of runs.go (issue 8): the
// public notice window (公示) during which units may object to their
// results, the document number (文号) of the notice, and supersession by a
// re-run. It lives in a table of its own (run_lifecycle, migration 0004)
// rather than in runs so that the run record keeps its hashed identity;
// the table's triggers keep a published run's row as it was, and refuse to
// approve a run with unanswered objections or to move a superseded one,
// whatever path (API, pages, CLI) tries.

// ChinaTime is the time zone of the notice windows' days: a window is
// open from 00:00 of its first day to 24:00 of its last, Beijing time.
var ChinaTime = time.FixedZone("CST", 8*3600)

// Lifecycle is what the run lifecycle records about a run. Zero dates mean
// no window has been set.
type Lifecycle struct {
	RunID        int64
	NoticeStart  time.Time // first day of 公示 (UTC midnight of the day)
	NoticeEnd    time.Time // last day of 公示, inclusive
	DocNumber    string    // 文号 of the notice (通报), e.g. 甘县评办发〔2023〕3号
	SupersededBy int64     // the re-run that replaced this run; 0 for none
	UpdatedAt    time.Time
	UpdatedBy    string
}

// HasWindow reports whether the run has a 公示 window.
func (l Lifecycle) HasWindow() bool { return !l.NoticeStart.IsZero() }

// Open reports whether day (any time of it, in China time) is inside the
// window.
func (l Lifecycle) Open(at time.Time) bool {
	if !l.HasWindow() {
		return false
	}
	d := Day(at)
	return !d.Before(l.NoticeStart) && !d.After(l.NoticeEnd)
}

// Day returns the day of t in China time, as UTC midnight: the form in
// which the store keeps and compares days.
func Day(t time.Time) time.Time {
	y, m, d := t.In(ChinaTime).Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}

const lifecycleColumns = `run_id, notice_start, notice_end, doc_number, superseded_by, updated_at, updated_by`

func scanLifecycle(s scanner) (Lifecycle, error) {
	var l Lifecycle
	var start, end sql.NullTime
	var by sql.NullInt64
	err := s.Scan(&l.RunID, &start, &end, &l.DocNumber, &by, &l.UpdatedAt, &l.UpdatedBy)
	l.NoticeStart, l.NoticeEnd, l.SupersededBy, l.UpdatedAt = dateOf(start), dateOf(end), by.Int64, l.UpdatedAt.UTC()
	return l, err
}

// Lifecycle returns what the lifecycle records about run id: a Lifecycle
// with only RunID set when nothing is recorded, ErrNotFound when there is
// no such run.
func (db *DB) Lifecycle(ctx context.Context, id int64) (l Lifecycle, err error) {
	defer wrap(&err, "Lifecycle(%d)", id)
	if _, err := db.Run(ctx, id); err != nil {
		return l, err
	}
	l, err = scanLifecycle(db.sql.QueryRowContext(ctx, `SELECT `+lifecycleColumns+` FROM run_lifecycle WHERE run_id = $1`, id))
	if err == sql.ErrNoRows {
		return Lifecycle{RunID: id}, nil
	}
	return l, err
}

// Lifecycles returns the lifecycle rows of every run that has one, by run.
func (db *DB) Lifecycles(ctx context.Context) (m map[int64]Lifecycle, err error) {
	defer wrap(&err, "Lifecycles")
	rows, err := db.sql.QueryContext(ctx, `SELECT `+lifecycleColumns+` FROM run_lifecycle`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	m = map[int64]Lifecycle{}
	for rows.Next() {
		l, err := scanLifecycle(rows)
		if err != nil {
			return nil, err
		}
		m[l.RunID] = l
	}
	return m, rows.Err()
}

// checkWindow refuses a window that ends before it starts or lacks a day.
func checkWindow(start, end time.Time) error {
	if start.IsZero() || end.IsZero() {
		return refuse(ErrInvalid, "store.noticeWindow")
	}
	if Day(end).Before(Day(start)) {
		return refuse(ErrInvalid, "store.noticeWindowOrder",
			end.Format(time.DateOnly), start.Format(time.DateOnly))
	}
	return nil
}

// StartNotice moves a run under review to public notice (公示) with its
// window, from the first to the last day inclusive: one change, so that a
// run never stands in notice without the days its objections depend on.
func (db *DB) StartNotice(ctx context.Context, actor Actor, id int64, start, end time.Time, note string) (r Run, err error) {
	defer wrap(&err, "StartNotice(%d)", id)
	if err := checkWindow(start, end); err != nil {
		return r, err
	}
	err = db.change(ctx, actor, func(t *txn) error {
		if err := t.checkWorkingDays(start, end); err != nil {
			return err
		}
		if r, err = t.move(id, auth.StateReview, auth.StateNotice, note); err != nil {
			return err
		}
		if err := t.putLifecycle(id, "notice_start = $2, notice_end = $3", nullDate(Day(start)), nullDate(Day(end))); err != nil {
			return err
		}
		return t.audit("notice", "run", fmt.Sprint(id), map[string]string{"start": Day(start).Format(time.DateOnly),
			"end": Day(end).Format(time.DateOnly), "note": note})
	})
	return r, err
}

// SetNoticeWindow sets or corrects the 公示 window of a run not yet
// published (a run moved to notice by a plain transition has none, and
// none of its units can object until it is set).
func (db *DB) SetNoticeWindow(ctx context.Context, actor Actor, id int64, start, end time.Time) (err error) {
	defer wrap(&err, "SetNoticeWindow(%d)", id)
	if err := checkWindow(start, end); err != nil {
		return err
	}
	return db.change(ctx, actor, func(t *txn) error {
		if err := t.checkChangeable(id, false); err != nil {
			return err
		}
		if err := t.checkWorkingDays(start, end); err != nil {
			return err
		}
		if err := t.checkNotShortened(id, start, end); err != nil {
			return err
		}
		if err := t.putLifecycle(id, "notice_start = $2, notice_end = $3", nullDate(Day(start)), nullDate(Day(end))); err != nil {
			return err
		}
		return t.audit("update", "run", fmt.Sprint(id), map[string]string{"notice_start": Day(start).Format(time.DateOnly),
			"notice_end": Day(end).Format(time.DateOnly)})
	})
}

// SetDocNumber sets the document number (文号) the notice of a run is
// issued under; it is fixed at publication.
func (db *DB) SetDocNumber(ctx context.Context, actor Actor, id int64, doc string) (err error) {
	defer wrap(&err, "SetDocNumber(%d)", id)
	doc = strings.TrimSpace(doc)
	if len([]rune(doc)) > 60 || strings.ContainsAny(doc, "\r\n") {
		return refuse(ErrInvalid, "store.docNumber")
	}
	return db.change(ctx, actor, func(t *txn) error {
		if err := t.checkChangeable(id, false); err != nil {
			return err
		}
		if err := t.putLifecycle(id, "doc_number = $2", doc); err != nil {
			return err
		}
		return t.audit("update", "run", fmt.Sprint(id), map[string]string{"doc_number": doc})
	})
}

// MarkSuperseded records that run by, a re-run of run old (its parent),
// replaces it. The old run must be past draft and not published (a
// published run never changes; its correction is simply the newer
// published run of the period); from then on it moves no more.
func (db *DB) MarkSuperseded(ctx context.Context, actor Actor, old, by int64) (err error) {
	defer wrap(&err, "MarkSuperseded(%d by %d)", old, by)
	return db.change(ctx, actor, func(t *txn) error {
		o, err := scanRun(t.QueryRow(`SELECT `+runSelect+` FROM runs WHERE id = $1`, old))
		if err != nil {
			return err
		}
		n, err := scanRun(t.QueryRow(`SELECT `+runSelect+` FROM runs WHERE id = $1`, by))
		if err != nil {
			return err
		}
		switch {
		case o.State.Final():
			return errPublished(old)
		case o.State == auth.StateDraft:
			return refuse(ErrConflict, "store.rerunDraft", old)
		case n.ParentID != old:
			return refuse(ErrInvalid, "store.notRerun", by, old)
		}
		if err := t.putLifecycle(old, "superseded_by = $2", by); err != nil {
			return err
		}
		return t.audit("supersede", "run", fmt.Sprint(old), map[string]int64{"by": by})
	})
}

// RunChain returns the runs linked to id by re-runs — its parents up to
// the first run and every re-run down from them — oldest first.
func (db *DB) RunChain(ctx context.Context, id int64) (chain []Run, err error) {
	defer wrap(&err, "RunChain(%d)", id)
	all, err := db.Runs(ctx, RunFilter{Domain: DomainAll})
	if err != nil {
		return nil, err
	}
	byID := make(map[int64]Run, len(all))
	children := map[int64][]int64{}
	for _, r := range all {
		byID[r.ID] = r
		if r.ParentID != 0 {
			children[r.ParentID] = append(children[r.ParentID], r.ID)
		}
	}
	root, ok := byID[id]
	if !ok {
		return nil, refuse(ErrNotFound, "store.run.notFound", id)
	}
	for seen := 0; root.ParentID != 0 && seen < len(all); seen++ {
		p, ok := byID[root.ParentID]
		if !ok {
			break
		}
		root = p
	}
	queue := []int64{root.ID}
	for len(queue) > 0 {
		r := byID[queue[0]]
		queue = queue[1:]
		chain = append(chain, r)
		queue = append(queue, children[r.ID]...)
	}
	return chain, nil
}

// putLifecycle writes the columns set (an UPDATE's SET list with $2 …) of
// run id's lifecycle row, creating the row first when there is none.
func (t *txn) putLifecycle(id int64, set string, args ...any) error {
	if _, err := t.Exec(`INSERT INTO run_lifecycle (run_id, updated_at, updated_by) VALUES ($1, $2, $3)
		ON CONFLICT (run_id) DO NOTHING`, id, t.now, t.actor.Username); err != nil {
		return err
	}
	n := len(args) + 2
	_, err := t.Exec(`UPDATE run_lifecycle SET `+set+fmt.Sprintf(`, updated_at = $%d, updated_by = $%d WHERE run_id = $1`, n, n+1),
		append(append([]any{id}, args...), t.now, t.actor.Username)...)
	return err
}

// move changes run id from state from to state to with its history row,
// as Transition does, inside a larger change.
func (t *txn) move(id int64, from, to auth.RunState, note string) (Run, error) {
	r, err := scanRun(t.QueryRow(`SELECT `+runSelect+` FROM runs WHERE id = $1`, id))
	if err != nil {
		return r, err
	}
	if r.State.Final() {
		return r, errPublished(id)
	}
	if r.State != from {
		return r, refuse(ErrConflict, "store.runStateNot", id, r.State, from)
	}
	if from == auth.StateReview && to != auth.StateDraft {
		if err := t.checkTies(id); err != nil {
			return r, err
		}
	}
	if to == auth.StateNotice {
		if err := t.checkOwed(id); err != nil {
			return r, err
		}
	}
	if _, err := t.Exec(`INSERT INTO run_states (run_id, from_state, to_state, at, username, note)
		VALUES ($1, $2, $3, $4, $5, $6)`, id, string(from), string(to), t.now, t.actor.Username, note); err != nil {
		return r, err
	}
	res, err := t.Exec(`UPDATE runs SET state = $1 WHERE id = $2 AND state = $3`, string(to), id, string(from))
	if err != nil {
		return r, err
	}
	if n, _ := res.RowsAffected(); n != 1 {
		return r, refuse(ErrConflict, "store.runChanged", id)
	}
	r.State = to
	return r, t.audit("transition", "run", fmt.Sprint(id), map[string]string{"from": string(from), "to": string(to), "note": note})
}

func init() {
	// The lifecycle tables go into backups after the runs they refer to.
	dumpTables = append(dumpTables,
		dumpTable{"run_lifecycle", lifecycleColumns, "ittsits", "run_id", false},
		dumpTable{"result_objections", resultObjectionColumns, "iissstsssstssssi", "id", true})
}
