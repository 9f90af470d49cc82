package store

import (
	"context"
	"database/sql"
	"fmt"
	"math"
	"strings"
	"time"

	"github.com/qiangxian/qiangxian/internal/workflow"
)

// FigureObjection is a county's objection (异议) to one of its figures,
// answered by the indicator's providing department. (An objection to a
// run's results during its 公示 is a result objection, see lifecycle.go.)
// Raising it records the figure as objected, in a revision of its own;
// answering it records the figure again — kept as reported, or corrected
// with a new value — so that the figure's history tells the whole story.
type FigureObjection struct {
	ID               int64
	Unit             string
	Indicator        string
	Period           string
	Department       string // the indicator's providing department when raised
	RunID            int64  // the run the county was looking at; 0 when none
	Value            float64
	Proposed         float64 // the value the county says is right; NaN when none
	Reason           string
	State            workflow.ObjectionState
	RaisedBy         string
	RaisedAt         time.Time
	ObjectedRevision int64
	AnsweredBy       string
	AnsweredAt       time.Time // zero while open
	Answer           string
	AnswerRevision   int64 // the revision that kept or corrected the figure
}

// ObjectionMessage is one entry of an objection's thread: the objection
// itself, comments of either side, the answer.
type ObjectionMessage struct {
	ID          int64
	ObjectionID int64
	At          time.Time
	Username    string
	Kind        string // raise, comment, keep, correct
	Body        string
	Revision    int64
	Attachments []Attachment
}

const objectionColumns = `id, unit_code, indicator_code, period_code, department, run_id, value, proposed, reason, state,
	raised_by, raised_at, objected_revision, answered_by, answered_at, answer, answer_revision`

func scanObjection(s scanner) (FigureObjection, error) {
	var o FigureObjection
	var run, ansRev sql.NullInt64
	var v, p sql.NullFloat64
	var at sql.NullTime
	err := s.Scan(&o.ID, &o.Unit, &o.Indicator, &o.Period, &o.Department, &run, &v, &p, &o.Reason, &o.State,
		&o.RaisedBy, &o.RaisedAt, &o.ObjectedRevision, &o.AnsweredBy, &at, &o.Answer, &ansRev)
	o.RunID, o.AnswerRevision, o.Value, o.Proposed = run.Int64, ansRev.Int64, floatOf(v), floatOf(p)
	o.RaisedAt = o.RaisedAt.UTC()
	if at.Valid {
		o.AnsweredAt = at.Time.UTC()
	}
	return o, err
}

const messageColumns = `id, objection_id, at, username, kind, body, revision_id`

func scanMessage(s scanner) (ObjectionMessage, error) {
	var m ObjectionMessage
	var rev sql.NullInt64
	err := s.Scan(&m.ID, &m.ObjectionID, &m.At, &m.Username, &m.Kind, &m.Body, &rev)
	m.At, m.Revision = m.At.UTC(), rev.Int64
	return m, err
}

// latest reads the newest version of a figure inside the transaction.
func (t *txn) latest(k ObservationKey) (Observation, error) {
	return scanObservation(t.QueryRow(`SELECT `+observationColumns+` FROM observations o
		WHERE o.unit_code = $1 AND o.indicator_code = $2 AND o.period_code = $3
		ORDER BY o.revision_id DESC LIMIT 1`, k.Unit, k.Indicator, k.Period))
}

// refigure records a new version of a figure (a status change or a
// correction) as a revision of its own, and returns the revision.
func (t *txn) refigure(note RevisionNote, o Observation) (Revision, error) {
	rev, err := t.newRevision(note)
	if err != nil {
		return rev, err
	}
	return rev, t.insertObservations(rev.ID, []Observation{o}, nil)
}

// message adds an entry to an objection's thread, with its attachment.
func (t *txn) message(objection int64, kind, body string, rev int64, att *NewAttachment) (int64, error) {
	var id int64
	err := t.QueryRow(`INSERT INTO figure_objection_messages (objection_id, at, username, kind, body, revision_id)
		VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`, objection, t.now, t.actor.Username, kind, body, nullID(rev)).Scan(&id)
	if err != nil || att == nil {
		return id, err
	}
	_, err = t.attach("objection", fmt.Sprint(objection), id, *att)
	return id, err
}

// RaiseObjection records o — the figure (Unit, Indicator, Period), the
// Reason, optionally the Proposed value and the RunID — with an optional
// attachment, marks the figure objected, and notifies the indicator's
// department. A figure has at most one open objection (ErrConflict).
func (db *DB) RaiseObjection(ctx context.Context, actor Actor, o FigureObjection, att *NewAttachment) (out FigureObjection, err error) {
	defer wrap(&err, "RaiseObjection(%s, %s, %s)", o.Unit, o.Indicator, o.Period)
	o.Reason = strings.TrimSpace(o.Reason)
	if o.Reason == "" || math.IsInf(o.Proposed, 0) {
		return out, refuse(ErrInvalid, "store.objectionReason")
	}
	p, err := ParsePeriod(o.Period)
	if err != nil {
		return out, err
	}
	k := ObservationKey{Unit: o.Unit, Indicator: o.Indicator, Period: p.Code}
	err = db.change(ctx, actor, func(t *txn) error {
		fig, err := t.latest(k)
		if err != nil {
			return fmt.Errorf("figure %s × %s × %s: %w", k.Unit, k.Indicator, k.Period, err)
		}
		var open int
		if err := t.QueryRow(`SELECT COUNT(*) FROM figure_objections WHERE unit_code = $1 AND indicator_code = $2
			AND period_code = $3 AND state = 'open'`, k.Unit, k.Indicator, k.Period).Scan(&open); err != nil {
			return err
		}
		if open > 0 {
			return refuse(ErrConflict, "store.objectionOpen")
		}
		var dept string
		if err := t.QueryRow(`SELECT department FROM indicators WHERE code = $1`, k.Indicator).Scan(&dept); err != nil {
			return err
		}
		fig.Status, fig.Note, fig.Source = StatusObjected, o.Reason, "objection"
		rev, err := t.refigure(RevisionNote{Kind: "objection", Source: "objection", Note: o.Reason}, fig)
		if err != nil {
			return err
		}
		out, err = scanObjection(t.QueryRow(`INSERT INTO figure_objections (unit_code, indicator_code, period_code, department,
				run_id, value, proposed, reason, state, raised_by, raised_at, objected_revision)
			VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 'open', $9, $10, $11) RETURNING `+objectionColumns,
			k.Unit, k.Indicator, k.Period, dept, nullID(o.RunID), nullFloat(fig.Value), nullFloat(o.Proposed), o.Reason,
			t.actor.Username, t.now, rev.ID))
		if err != nil {
			return err
		}
		if _, err := t.message(out.ID, "raise", o.Reason, rev.ID, att); err != nil {
			return err
		}
		if err := t.notify(Notification{Department: dept, Kind: "objection", ObjectionID: out.ID,
			Message: fmt.Sprintf("%s 对 %s 期 %s 的数据提出异议：%s", k.Unit, k.Period, k.Indicator, o.Reason)}); err != nil {
			return err
		}
		return t.audit("raise", "objection", fmt.Sprint(out.ID), map[string]any{"unit": k.Unit, "indicator": k.Indicator,
			"period": k.Period, "reason": o.Reason, "proposed": nullFloat(o.Proposed), "revision": rev.ID, "attachment": att != nil})
	})
	return out, err
}

// AnswerObjection closes an open objection with the department's decision:
// Keep records the figure again as reported, with the answer as its note;
// Correct records value with status corrected. Either is a new revision,
// referenced by the objection; the county is notified. An objection that
// is no longer open is ErrConflict.
func (db *DB) AnswerObjection(ctx context.Context, actor Actor, id int64, d workflow.Decision, value float64, answer string, att *NewAttachment) (out FigureObjection, err error) {
	defer wrap(&err, "AnswerObjection(%d, %s)", id, d)
	state, err := d.State()
	answer = strings.TrimSpace(answer)
	switch {
	case err != nil:
		return out, refuse(ErrInvalid, "store.objection.decision", err)
	case answer == "":
		return out, refuse(ErrInvalid, "store.answerText")
	case d == workflow.Correct && (math.IsNaN(value) || math.IsInf(value, 0)):
		return out, refuse(ErrInvalid, "store.correctionValue")
	}
	err = db.change(ctx, actor, func(t *txn) error {
		o, err := scanObjection(t.QueryRow(`SELECT `+objectionColumns+` FROM figure_objections WHERE id = $1`, id))
		if err != nil {
			return err
		}
		fig, err := t.latest(ObservationKey{Unit: o.Unit, Indicator: o.Indicator, Period: o.Period})
		if err != nil {
			return err
		}
		note := RevisionNote{Kind: "objection-answer", Source: "objection", Note: answer}
		fig.Status, fig.Note, fig.Source = StatusReported, answer, "objection"
		if d == workflow.Correct {
			note.Kind, fig.Status, fig.Value = "correction", StatusCorrected, value
		}
		rev, err := t.refigure(note, fig)
		if err != nil {
			return err
		}
		res, err := t.Exec(`UPDATE figure_objections SET state = $1, answered_by = $2, answered_at = $3, answer = $4,
			answer_revision = $5 WHERE id = $6 AND state = 'open'`, string(state), t.actor.Username, t.now, answer, rev.ID, id)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return refuse(ErrConflict, "store.objectionAnswered", id, o.State)
		}
		if _, err := t.message(id, string(d), answer, rev.ID, att); err != nil {
			return err
		}
		if err := t.notify(Notification{Unit: o.Unit, Kind: "answer", ObjectionID: id,
			Message: fmt.Sprintf("%s 期 %s 的异议已答复（%s）：%s", o.Period, o.Indicator, state, answer)}); err != nil {
			return err
		}
		o.State, o.AnsweredBy, o.AnsweredAt, o.Answer, o.AnswerRevision = state, t.actor.Username, t.now, answer, rev.ID
		out = o
		return t.audit(string(d), "objection", fmt.Sprint(id), map[string]any{"answer": answer, "revision": rev.ID,
			"value": nullFloat(fig.Value), "attachment": att != nil})
	})
	return out, err
}

// CommentObjection adds a comment (and attachment) to an objection's
// thread: a department asking for evidence, a county sending it.
func (db *DB) CommentObjection(ctx context.Context, actor Actor, id int64, body string, att *NewAttachment) (m ObjectionMessage, err error) {
	defer wrap(&err, "CommentObjection(%d)", id)
	body = strings.TrimSpace(body)
	if body == "" {
		return m, refuse(ErrInvalid, "store.emptyComment")
	}
	err = db.change(ctx, actor, func(t *txn) error {
		if _, err := scanObjection(t.QueryRow(`SELECT `+objectionColumns+` FROM figure_objections WHERE id = $1`, id)); err != nil {
			return err
		}
		mid, err := t.message(id, "comment", body, 0, att)
		if err != nil {
			return err
		}
		m = ObjectionMessage{ID: mid, ObjectionID: id, At: t.now, Username: t.actor.Username, Kind: "comment", Body: body}
		return t.audit("comment", "objection", fmt.Sprint(id), map[string]any{"message": mid, "attachment": att != nil})
	})
	return m, err
}

// FigureObjection returns the objection with id.
func (db *DB) FigureObjection(ctx context.Context, id int64) (o FigureObjection, err error) {
	defer wrap(&err, "FigureObjection(%d)", id)
	return scanObjection(db.sql.QueryRowContext(ctx, `SELECT `+objectionColumns+` FROM figure_objections WHERE id = $1`, id))
}

// ObjectionFilter selects objections; zero fields select all.
type ObjectionFilter struct {
	Period     string
	Unit       string
	Prefecture string // the units of this prefecture
	Department string
	State      workflow.ObjectionState
}

// FigureObjections returns the objections f selects, newest first.
func (db *DB) FigureObjections(ctx context.Context, f ObjectionFilter) (list []FigureObjection, err error) {
	defer wrap(&err, "FigureObjections")
	rows, err := db.sql.QueryContext(ctx, `SELECT `+objectionColumns+` FROM figure_objections
		WHERE ($1 = '' OR period_code = $1) AND ($2 = '' OR unit_code = $2) AND ($3 = '' OR department = $3)
		AND ($4 = '' OR state = $4) AND ($5 = '' OR unit_code IN (`+fmt.Sprintf(prefectureScope, "$5")+`))
		ORDER BY id DESC`, f.Period, f.Unit, f.Department, string(f.State), f.Prefecture)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		o, err := scanObjection(rows)
		if err != nil {
			return nil, err
		}
		list = append(list, o)
	}
	return list, rows.Err()
}

// ObjectionThread returns an objection's messages, oldest first, each with
// its attachments (without their content).
func (db *DB) ObjectionThread(ctx context.Context, id int64) (ms []ObjectionMessage, err error) {
	defer wrap(&err, "ObjectionThread(%d)", id)
	rows, err := db.sql.QueryContext(ctx, `SELECT `+messageColumns+` FROM figure_objection_messages WHERE objection_id = $1 ORDER BY id`, id)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		m, err := scanMessage(rows)
		if err != nil {
			return nil, err
		}
		ms = append(ms, m)
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	atts, err := db.Attachments(ctx, "objection", fmt.Sprint(id))
	if err != nil {
		return nil, err
	}
	for _, a := range atts {
		for i := range ms {
			if ms[i].ID == a.MessageID {
				ms[i].Attachments = append(ms[i].Attachments, a)
			}
		}
	}
	return ms, nil
}
