package store

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"time"

	"github.com/qiangxian/qiangxian/internal/auth"
)

// Outcome is the answer to an objection to a result.
type Outcome string

// The outcomes: none yet, upheld (异议成立: the figures are corrected and
// the run re-run), rejected (异议不成立).
const (
	OutcomeOpen     Outcome = ""
	OutcomeUpheld   Outcome = "upheld"
	OutcomeRejected Outcome = "rejected"
)

// ResultObjection is a unit's objection (异议) to its result in a run,
// raised during the run's 公示 window, and the provincial office's answer.
type ResultObjection struct {
	ID         int64
	RunID      int64
	Unit       string
	Reason     string
	Attachment string // a reference to supporting material (a file name, a 文号), optional
	RaisedAt   time.Time
	RaisedBy   string
	Answer     string
	Outcome    Outcome
	AnsweredBy string
	AnsweredAt time.Time // zero while open
	// How it arrived (issue 12): by letter or phone, from a unit (with its
	// stamped letter) or a person (with her real name), registered by the
	// office (RaisedBy). Empty for objections raised on the web before.
	Channel       string
	SubmitterKind string
	Submitter     string
	Letter        string // the stamped letter's reference (文号 or 收文号)
	CarriedFrom   int64  // the objection on an earlier run this one copies; 0 for none
}

// NewResultObjection is what RaiseResultObjection needs: the unit whose
// result is contested, the reasons, and how the objection arrived.
type NewResultObjection struct {
	RunID         int64
	Unit          string
	Reason        string
	Attachment    string
	Channel       string // ChannelLetter or ChannelPhone
	SubmitterKind string // SubmitterUnit or SubmitterPerson
	Submitter     string // the unit's name or the person's real name
	Letter        string // a unit's stamped letter: its reference
}

// How an objection arrives and from whom.
const (
	ChannelLetter   = "letter"
	ChannelPhone    = "phone"
	SubmitterUnit   = "unit"
	SubmitterPerson = "person"
)

// checkSubmitter refuses an objection that is anonymous or lacks its
// evidence: a unit objects by stamped letter (盖章函件), a person with her
// real name, by letter or phone.
func checkSubmitter(n NewResultObjection) error {
	if n.Channel != ChannelLetter && n.Channel != ChannelPhone {
		return refuse(ErrInvalid, "store.objectionChannel", n.Channel)
	}
	if len([]rune(n.Submitter)) > 100 || len([]rune(n.Letter)) > 100 {
		return refuse(ErrInvalid, "store.submitterLong")
	}
	switch n.SubmitterKind {
	case SubmitterUnit:
		if n.Channel != ChannelLetter || n.Letter == "" || n.Submitter == "" {
			return refuse(ErrInvalid, "store.unitLetter")
		}
	case SubmitterPerson:
		if len([]rune(n.Submitter)) < 2 || strings.Contains(n.Submitter, "匿名") {
			return refuse(ErrInvalid, "store.realName")
		}
	default:
		return refuse(ErrInvalid, "store.submitterKind", n.SubmitterKind)
	}
	return nil
}

// WindowError is the refusal of an objection to a run that does not take
// one, with what a user needs to understand why: the run was superseded
// by a re-run (SupersededBy), or is not in public notice or objection
// handling (State), or today is outside its 公示 window (Start, End). It
// is an ErrConflict.
type WindowError struct {
	Run          int64
	State        auth.RunState
	Start, End   time.Time // zero when the run has no window
	Today        time.Time
	SupersededBy int64 // the re-run that replaced the run, 0 for none
}

// StateTakesObjections reports whether a run in state s takes objections
// (inside its window): public notice and objection handling.
func StateTakesObjections(s auth.RunState) bool {
	return s == auth.StateNotice || s == auth.StateObjections
}

func (e *WindowError) Error() string {
	switch {
	case e.SupersededBy != 0:
		return fmt.Sprintf("objections to run %d are closed: it is superseded by run %d", e.Run, e.SupersededBy)
	case !StateTakesObjections(e.State):
		return fmt.Sprintf("objections to run %d are closed: it is in state %s", e.Run, e.State)
	case e.Start.IsZero():
		return fmt.Sprintf("objections to run %d are closed: it has no 公示 window (state %s)", e.Run, e.State)
	}
	return fmt.Sprintf("objections to run %d are open from %s to %s only (today is %s, state %s)", e.Run,
		e.Start.Format(time.DateOnly), e.End.Format(time.DateOnly), e.Today.Format(time.DateOnly), e.State)
}

// Is makes a WindowError an ErrConflict for errors.Is.
func (e *WindowError) Is(target error) bool { return target == ErrConflict }

const resultObjectionColumns = `id, run_id, unit_code, reason, attachment, raised_at, raised_by, answer, outcome, answered_by, answered_at,
	channel, submitter_kind, submitter, letter, carried_from`

func scanResultObjection(s scanner) (ResultObjection, error) {
	var o ResultObjection
	var at sql.NullTime
	var from sql.NullInt64
	err := s.Scan(&o.ID, &o.RunID, &o.Unit, &o.Reason, &o.Attachment, &o.RaisedAt, &o.RaisedBy, &o.Answer, &o.Outcome,
		&o.AnsweredBy, &at, &o.Channel, &o.SubmitterKind, &o.Submitter, &o.Letter, &from)
	o.CarriedFrom = from.Int64
	o.RaisedAt = o.RaisedAt.UTC()
	if at.Valid {
		o.AnsweredAt = at.Time.UTC()
	}
	return o, err
}

// RaiseResultObjection records a unit's objection to its result in a run.
// It is refused with a *WindowError unless the run is in public notice or
// objection handling and today (China time) is inside its 公示 window, and
// with ErrInvalid when the unit has no result in the run or the reason is
// empty.
func (db *DB) RaiseResultObjection(ctx context.Context, actor Actor, n NewResultObjection) (o ResultObjection, err error) {
	defer wrap(&err, "RaiseResultObjection(run %d, %s)", n.RunID, n.Unit)
	n.Reason, n.Attachment = strings.TrimSpace(n.Reason), strings.TrimSpace(n.Attachment)
	n.Submitter, n.Letter = strings.TrimSpace(n.Submitter), strings.TrimSpace(n.Letter)
	if err := checkSubmitter(n); err != nil {
		return o, err
	}
	if n.Reason == "" {
		return o, refuse(ErrInvalid, "store.objectionReason2")
	}
	if len([]rune(n.Reason)) > 4000 || len([]rune(n.Attachment)) > 500 {
		return o, refuse(ErrInvalid, "store.reasonLong")
	}
	err = db.change(ctx, actor, func(t *txn) error {
		r, err := scanRun(t.QueryRow(`SELECT `+runSelect+` FROM runs WHERE id = $1`, n.RunID))
		if err != nil {
			return err
		}
		l, err := scanLifecycle(t.QueryRow(`SELECT `+lifecycleColumns+` FROM run_lifecycle WHERE run_id = $1`, n.RunID))
		if err != nil && err != sql.ErrNoRows {
			return err
		}
		if !StateTakesObjections(r.State) || !l.Open(t.now) || l.SupersededBy != 0 {
			return &WindowError{Run: r.ID, State: r.State, Start: l.NoticeStart, End: l.NoticeEnd, Today: Day(t.now),
				SupersededBy: l.SupersededBy}
		}
		var has int
		if err := t.QueryRow(`SELECT COUNT(*) FROM run_results WHERE run_id = $1 AND unit_code = $2`, n.RunID, n.Unit).Scan(&has); err != nil {
			return err
		}
		if r.Domain == DomainZone {
			if ok, err := t.zoneRunHasZone(n.RunID, n.Unit); err != nil {
				return err
			} else if ok {
				has = 1
			}
		}
		if has == 0 {
			return refuse(ErrInvalid, "store.noResult", n.Unit, n.RunID)
		}
		o = ResultObjection{RunID: n.RunID, Unit: n.Unit, Reason: n.Reason, Attachment: n.Attachment, RaisedAt: t.now,
			RaisedBy: actor.Username, Channel: n.Channel, SubmitterKind: n.SubmitterKind, Submitter: n.Submitter, Letter: n.Letter}
		if err := t.QueryRow(`INSERT INTO result_objections (run_id, unit_code, reason, attachment, raised_at, raised_by,
			channel, submitter_kind, submitter, letter) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id`,
			o.RunID, o.Unit, o.Reason, o.Attachment, o.RaisedAt, o.RaisedBy, o.Channel, o.SubmitterKind, o.Submitter,
			o.Letter).Scan(&o.ID); err != nil {
			return err
		}
		return t.audit("object", "run", fmt.Sprint(n.RunID), map[string]any{"objection": o.ID, "unit": o.Unit})
	})
	return o, err
}

// AnswerResultObjection answers objection id once: upheld or rejected,
// with the reasons. The run must not be published (ErrImmutable); an
// objection already answered is ErrConflict.
func (db *DB) AnswerResultObjection(ctx context.Context, actor Actor, id int64, outcome Outcome, answer string) (o ResultObjection, err error) {
	defer wrap(&err, "AnswerResultObjection(%d)", id)
	answer = strings.TrimSpace(answer)
	if outcome != OutcomeUpheld && outcome != OutcomeRejected {
		return o, refuse(ErrInvalid, "store.outcome", outcome)
	}
	if answer == "" {
		return o, refuse(ErrInvalid, "store.answerReasons")
	}
	err = db.change(ctx, actor, func(t *txn) error {
		if o, err = scanResultObjection(t.QueryRow(`SELECT `+resultObjectionColumns+` FROM result_objections WHERE id = $1`, id)); err != nil {
			return err
		}
		if err := t.checkChangeable(o.RunID, false); err != nil {
			return err
		}
		if o.Outcome != OutcomeOpen {
			return refuse(ErrConflict, "store.objectionAnswered2", id, o.Outcome)
		}
		o.Answer, o.Outcome, o.AnsweredBy, o.AnsweredAt = answer, outcome, actor.Username, t.now
		if _, err := t.Exec(`UPDATE result_objections SET answer = $1, outcome = $2, answered_by = $3, answered_at = $4
			WHERE id = $5 AND outcome = ''`, o.Answer, string(o.Outcome), o.AnsweredBy, o.AnsweredAt, id); err != nil {
			return err
		}
		return t.audit("answer", "run", fmt.Sprint(o.RunID), map[string]any{"objection": id, "outcome": outcome})
	})
	return o, err
}

// ResultObjection returns objection id.
func (db *DB) ResultObjection(ctx context.Context, id int64) (o ResultObjection, err error) {
	defer wrap(&err, "ResultObjection(%d)", id)
	return scanResultObjection(db.sql.QueryRowContext(ctx, `SELECT `+resultObjectionColumns+` FROM result_objections WHERE id = $1`, id))
}

// ResultObjectionFilter selects objections; zero fields select all.
type ResultObjectionFilter struct {
	RunID int64
	Units []string
	Open  bool // unanswered ones only
}

// ResultObjections returns the objections f selects, oldest first.
func (db *DB) ResultObjections(ctx context.Context, f ResultObjectionFilter) (out []ResultObjection, err error) {
	defer wrap(&err, "ResultObjections")
	args := []any{f.RunID, f.Open}
	units := ""
	if len(f.Units) > 0 {
		units = " AND unit_code IN (" + placeholders(len(args)+1, len(f.Units)) + ")"
		for _, u := range f.Units {
			args = append(args, u)
		}
	}
	rows, err := db.sql.QueryContext(ctx, `SELECT `+resultObjectionColumns+` FROM result_objections
		WHERE ($1 = 0 OR run_id = $1) AND (NOT $2 OR outcome = '')`+units+` ORDER BY id`, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		o, err := scanResultObjection(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, o)
	}
	return out, rows.Err()
}
