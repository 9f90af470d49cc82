package store

import (
	"context"
	"database/sql"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/qiangxian/qiangxian/internal/auth"
)

// PendingAward marks, in a result row's awards, an award whose last place
// the unit ties for and the method could not decide (待认定:十强县); it is
// method.PendingPrefix, which the evaluation writes.
const PendingAward = "待认定:"

// AwardDecision is the office's decision of a tie at an award's last
// place: the units (codes) that take the places, with the reference of the
// meeting that decided (会议纪要). Award is the label the results use
// (十强县, 先进县(文旅赋能型)). Listing more units than places shares them
// (并列).
type AwardDecision struct {
	RunID     int64
	Award     string
	Units     []string
	Reference string
	DecidedAt time.Time
	DecidedBy string
}

const awardDecisionColumns = `run_id, award, units, reference, decided_at, decided_by`

func scanAwardDecision(s scanner) (AwardDecision, error) {
	var d AwardDecision
	var units string
	err := s.Scan(&d.RunID, &d.Award, &units, &d.Reference, &d.DecidedAt, &d.DecidedBy)
	d.Units, d.DecidedAt = strings.Split(units, ","), d.DecidedAt.UTC()
	return d, err
}

// PendingAwards returns the ties marked 待认定 in run id's results: per
// award label, the tied units' codes in code order. Decided ties stay
// marked (a run's results do not change after draft): AwardDecisions says
// which are decided.
func (db *DB) PendingAwards(ctx context.Context, id int64) (m map[string][]string, err error) {
	defer wrap(&err, "PendingAwards(%d)", id)
	return pendingAwards(ctx, db.sql, id)
}

// pendingAwards reads the 待认定 marks of a run's results with q (the
// database or a transaction).
func pendingAwards(ctx context.Context, q interface {
	QueryContext(context.Context, string, ...any) (*sql.Rows, error)
}, id int64) (map[string][]string, error) {
	rows, err := q.QueryContext(ctx, `SELECT DISTINCT unit_code, awards FROM run_results
		WHERE run_id = $1 AND awards LIKE $2 ORDER BY unit_code`, id, "%"+PendingAward+"%")
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	m := map[string][]string{}
	for rows.Next() {
		var unit, awards string
		if err := rows.Scan(&unit, &awards); err != nil {
			return nil, err
		}
		for _, a := range strings.Split(awards, ",") {
			if label, ok := strings.CutPrefix(a, PendingAward); ok && !slices.Contains(m[label], unit) {
				m[label] = append(m[label], unit)
			}
		}
	}
	return m, rows.Err()
}

// AwardDecisions returns the decisions recorded for run id, by award.
func (db *DB) AwardDecisions(ctx context.Context, id int64) (ds []AwardDecision, err error) {
	defer wrap(&err, "AwardDecisions(%d)", id)
	rows, err := db.sql.QueryContext(ctx, `SELECT `+awardDecisionColumns+` FROM award_decisions WHERE run_id = $1 ORDER BY award`, id)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		d, err := scanAwardDecision(rows)
		if err != nil {
			return nil, err
		}
		ds = append(ds, d)
	}
	return ds, rows.Err()
}

// DecideAward records (or replaces) the office's decision of a tie of a
// run in review: the award must be pending in the run's results and the
// units must be among those tied for it. ErrConflict for a run not in
// review, ErrInvalid for a decision that does not fit the tie.
func (db *DB) DecideAward(ctx context.Context, actor Actor, d AwardDecision) (out AwardDecision, err error) {
	defer wrap(&err, "DecideAward(%d, %s)", d.RunID, d.Award)
	if strings.TrimSpace(d.Reference) == "" {
		return out, refuse(ErrInvalid, "store.decisionMeeting")
	}
	if len(d.Units) == 0 {
		return out, refuse(ErrInvalid, "store.decisionUnits")
	}
	err = db.change(ctx, actor, func(t *txn) error {
		var state auth.RunState
		if err := t.QueryRow(`SELECT state FROM runs WHERE id = $1`, d.RunID).Scan(&state); err != nil {
			return err
		}
		if state != auth.StateReview {
			return refuse(ErrConflict, "store.decisionState", d.RunID, state)
		}
		pending, err := pendingAwards(t.ctx, t.Tx, d.RunID)
		if err != nil {
			return err
		}
		tied, ok := pending[d.Award]
		if !ok {
			return refuse(ErrInvalid, "store.noTie", d.RunID, d.Award)
		}
		for _, u := range d.Units {
			if !slices.Contains(tied, u) {
				return refuse(ErrInvalid, "store.notTied", u, d.Award, strings.Join(tied, ", "))
			}
		}
		if _, err := t.Exec(`DELETE FROM award_decisions WHERE run_id = $1 AND award = $2`, d.RunID, d.Award); err != nil {
			return err
		}
		out = AwardDecision{RunID: d.RunID, Award: d.Award, Units: d.Units, Reference: d.Reference, DecidedAt: t.now, DecidedBy: actor.Username}
		if _, err := t.Exec(`INSERT INTO award_decisions (`+awardDecisionColumns+`) VALUES ($1, $2, $3, $4, $5, $6)`,
			out.RunID, out.Award, strings.Join(out.Units, ","), out.Reference, out.DecidedAt, out.DecidedBy); err != nil {
			return err
		}
		return t.audit("decide_award", "run", fmt.Sprint(d.RunID), map[string]string{"award": d.Award,
			"units": strings.Join(d.Units, ","), "reference": d.Reference})
	})
	return out, err
}

// ApplyDecisions returns rows with the office's decisions applied to
// their 待认定 marks: a unit a decision names wins the award, the other
// tied units do not; a tie without a decision stays marked. Results
// applies it, so that pages and notices show decided awards.
func ApplyDecisions(rows []Result, ds []AwardDecision) []Result {
	for i := range rows {
		var awards []string
		changed := false
		for _, a := range rows[i].Awards {
			label, ok := strings.CutPrefix(a, PendingAward)
			k := slices.IndexFunc(ds, func(d AwardDecision) bool { return d.Award == label })
			if !ok || k < 0 {
				awards = append(awards, a)
				continue
			}
			changed = true
			if slices.Contains(ds[k].Units, rows[i].Unit) {
				awards = append(awards, label)
			}
		}
		if changed {
			rows[i].Awards = awards
		}
	}
	return rows
}

// checkTies refuses to move run id out of review while a tie of its
// results has no decision.
func (t *txn) checkTies(id int64) error {
	pending, err := pendingAwards(t.ctx, t.Tx, id)
	if err != nil || len(pending) == 0 {
		return err
	}
	rows, err := t.Query(`SELECT award FROM award_decisions WHERE run_id = $1`, id)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var a string
		if err := rows.Scan(&a); err != nil {
			return err
		}
		delete(pending, a)
	}
	if err := rows.Err(); err != nil {
		return err
	}
	if len(pending) > 0 {
		open := make([]string, 0, len(pending))
		for a := range pending {
			open = append(open, a)
		}
		slices.Sort(open)
		return refuse(ErrConflict, "store.tiesOpen", id, strings.Join(open, ", "))
	}
	return nil
}

func init() {
	dumpTables = append(dumpTables, dumpTable{"award_decisions", awardDecisionColumns, "isssts", "run_id, award", false})
}
