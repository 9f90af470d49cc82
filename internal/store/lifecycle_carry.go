package store

import (
	"context"
	"fmt"
)

// CarryObjections copies the objections to run from, with their answers,
// onto run to, a re-run of it (issue 12): what units said about a period's
// result, and what the office answered, stays with the result that
// replaces it. Each copy names its original (CarriedFrom); an objection
// already carried is not copied twice. It returns how many it copied.
func (db *DB) CarryObjections(ctx context.Context, actor Actor, from, to int64) (n int, err error) {
	defer wrap(&err, "CarryObjections(%d → %d)", from, to)
	err = db.change(ctx, actor, func(t *txn) error {
		r, err := scanRun(t.QueryRow(`SELECT `+runSelect+` FROM runs WHERE id = $1`, to))
		if err != nil {
			return err
		}
		if r.ParentID != from {
			return refuse(ErrInvalid, "store.notRerun", to, from)
		}
		res, err := t.Exec(`INSERT INTO result_objections (run_id, unit_code, reason, attachment, raised_at, raised_by,
			answer, outcome, answered_by, answered_at, channel, submitter_kind, submitter, letter, carried_from)
			SELECT $1, o.unit_code, o.reason, o.attachment, o.raised_at, o.raised_by, o.answer, o.outcome, o.answered_by,
			o.answered_at, o.channel, o.submitter_kind, o.submitter, o.letter, COALESCE(o.carried_from, o.id)
			FROM result_objections o WHERE o.run_id = $2 AND NOT EXISTS (SELECT 1 FROM result_objections c
				WHERE c.run_id = $1 AND c.carried_from = COALESCE(o.carried_from, o.id))
			ORDER BY o.id`, to, from)
		if err != nil {
			return err
		}
		m, _ := res.RowsAffected()
		n = int(m)
		return t.audit("carry", "run", fmt.Sprint(to), map[string]any{"from": from, "objections": n})
	})
	return n, err
}
