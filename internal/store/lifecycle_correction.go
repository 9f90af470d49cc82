package store

import (
	"context"
	"database/sql"
	"fmt"
	"slices"
	"strings"
	"time"
)

// One published run per method and period (issue 12): publishing a run
// supersedes the earlier published run of the same method (by name, any
// version) and period, and records on the new run a correction (更正) with
// the award changes between the two.

// AwardChange is one unit's gained or lost award in a correction.
type AwardChange struct {
	Unit     string // the unit's code
	UnitName string
	Award    string // 十强县, 先进县(文旅赋能型) …
	Change   string // "gained" or "lost"
	Reason   string // the upheld objection's answer, or the general reason
}

// The two kinds of award change.
const (
	AwardGained = "gained"
	AwardLost   = "lost"
)

// Correction is the correction record of a run whose publication
// superseded an earlier published run.
type Correction struct {
	RunID      int64
	Supersedes int64 // the run it superseded
	Note       string
	RecordedAt time.Time
	RecordedBy string
	Changes    []AwardChange // by unit code, then award
}

// RunCorrection returns the correction run id recorded at its
// publication, false when its publication superseded nothing.
func (db *DB) RunCorrection(ctx context.Context, id int64) (c Correction, ok bool, err error) {
	defer wrap(&err, "RunCorrection(%d)", id)
	err = db.sql.QueryRowContext(ctx, `SELECT run_id, supersedes, note, recorded_at, recorded_by FROM run_corrections
		WHERE run_id = $1`, id).Scan(&c.RunID, &c.Supersedes, &c.Note, &c.RecordedAt, &c.RecordedBy)
	if err == sql.ErrNoRows {
		return Correction{}, false, nil
	}
	if err != nil {
		return c, false, err
	}
	c.RecordedAt = c.RecordedAt.UTC()
	rows, err := db.sql.QueryContext(ctx, `SELECT c.unit_code, COALESCE(u.name, ''), c.award, c.change, c.reason
		FROM run_correction_changes c LEFT JOIN units u ON u.code = c.unit_code WHERE c.run_id = $1
		ORDER BY c.unit_code, c.award`, id)
	if err != nil {
		return c, false, err
	}
	defer rows.Close()
	for rows.Next() {
		var a AwardChange
		if err := rows.Scan(&a.Unit, &a.UnitName, &a.Award, &a.Change, &a.Reason); err != nil {
			return c, false, err
		}
		c.Changes = append(c.Changes, a)
	}
	return c, true, rows.Err()
}

// CorrectionReason is the reason a correction gives for an award change
// that no upheld objection of the unit explains.
const CorrectionReason = "异议核实后数据更正，重新计算"

// supersedeEarlier marks every published run of r's method and period as
// superseded by r, and records r's correction against the newest of them.
func (t *txn) supersedeEarlier(r Run) error {
	rows, err := t.Query(`SELECT runs.id FROM runs JOIN methods m ON m.id = runs.method_id
		WHERE runs.period_code = $1 AND runs.id <> $2 AND runs.state = 'published'
		AND m.name = (SELECT name FROM methods WHERE id = $3)
		AND NOT EXISTS (SELECT 1 FROM run_lifecycle l WHERE l.run_id = runs.id AND l.superseded_by IS NOT NULL)
		ORDER BY runs.id DESC`, r.Period, r.ID, r.MethodID)
	if err != nil {
		return err
	}
	var old []int64
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			rows.Close()
			return err
		}
		old = append(old, id)
	}
	rows.Close()
	if err := rows.Err(); err != nil || len(old) == 0 {
		return err
	}
	for _, id := range old {
		if _, err := t.Exec(`INSERT INTO run_lifecycle (run_id, superseded_by, updated_at, updated_by) VALUES ($1, $2, $3, $4)
			ON CONFLICT (run_id) DO UPDATE SET superseded_by = excluded.superseded_by, updated_at = excluded.updated_at,
			updated_by = excluded.updated_by`, id, r.ID, t.now, t.actor.Username); err != nil {
			return err
		}
		if err := t.audit("supersede", "run", fmt.Sprint(id), map[string]int64{"by": r.ID}); err != nil {
			return err
		}
	}
	changes, err := t.awardChanges(old[0], r.ID)
	if err != nil {
		return err
	}
	if _, err := t.Exec(`INSERT INTO run_corrections (run_id, supersedes, note, recorded_at, recorded_by)
		VALUES ($1, $2, $3, $4, $5)`, r.ID, old[0], r.Note, t.now, t.actor.Username); err != nil {
		return err
	}
	for _, c := range changes {
		if _, err := t.Exec(`INSERT INTO run_correction_changes (run_id, unit_code, award, change, reason)
			VALUES ($1, $2, $3, $4, $5)`, r.ID, c.Unit, c.Award, c.Change, c.Reason); err != nil {
			return err
		}
	}
	return t.audit("correct", "run", fmt.Sprint(r.ID), map[string]any{"supersedes": old[0], "changes": len(changes)})
}

// awardChanges lists who gained or lost which award from run old to run
// new, the reason being the answer to the unit's upheld objection to new
// (or one carried over to it) when there is one.
func (t *txn) awardChanges(old, new int64) ([]AwardChange, error) {
	before, err := t.unitAwards(old)
	if err != nil {
		return nil, err
	}
	after, err := t.unitAwards(new)
	if err != nil {
		return nil, err
	}
	reasons := map[string]string{}
	rows, err := t.Query(`SELECT unit_code, answer FROM result_objections WHERE run_id = $1 AND outcome = 'upheld' ORDER BY id`, new)
	if err != nil {
		return nil, err
	}
	for rows.Next() {
		var unit, answer string
		if err := rows.Scan(&unit, &answer); err != nil {
			rows.Close()
			return nil, err
		}
		reasons[unit] = "异议成立：" + answer
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	reason := func(unit string) string {
		if r, ok := reasons[unit]; ok {
			return r
		}
		return CorrectionReason
	}
	var out []AwardChange
	units := map[string]bool{}
	for u := range before {
		units[u] = true
	}
	for u := range after {
		units[u] = true
	}
	for _, u := range slices.Sorted(func(yield func(string) bool) {
		for u := range units {
			if !yield(u) {
				return
			}
		}
	}) {
		for _, a := range before[u] {
			if !slices.Contains(after[u], a) {
				out = append(out, AwardChange{Unit: u, Award: a, Change: AwardLost, Reason: reason(u)})
			}
		}
		for _, a := range after[u] {
			if !slices.Contains(before[u], a) {
				out = append(out, AwardChange{Unit: u, Award: a, Change: AwardGained, Reason: reason(u)})
			}
		}
	}
	return out, nil
}

// unitAwards returns the awards of each unit in run id, sorted, with ties
// marked 待认定 resolved by the office's decisions (undecided ones left
// out: they are no award yet).
func (t *txn) unitAwards(id int64) (map[string][]string, error) {
	decided := map[string][]string{}
	rows, err := t.Query(`SELECT award, units FROM award_decisions WHERE run_id = $1`, id)
	if err != nil {
		return nil, err
	}
	for rows.Next() {
		var award, units string
		if err := rows.Scan(&award, &units); err != nil {
			rows.Close()
			return nil, err
		}
		decided[award] = strings.Split(units, ",")
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	// A zone run's award is its grade (优秀 …), of zones that are units.
	rows, err = t.Query(`SELECT DISTINCT unit_code, awards FROM run_results WHERE run_id = $1 AND awards <> ''
		UNION SELECT g.zone_code, g.grade FROM zone_run_grades g JOIN units u ON u.code = g.zone_code
		WHERE g.run_id = $1 AND g.grade <> ''`, id)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[string][]string{}
	for rows.Next() {
		var unit, awards string
		if err := rows.Scan(&unit, &awards); err != nil {
			return nil, err
		}
		for _, a := range strings.Split(awards, ",") {
			if p, ok := strings.CutPrefix(a, PendingAward); ok {
				if !slices.Contains(decided[p], unit) {
					continue
				}
				a = p
			}
			if a != "" && !slices.Contains(out[unit], a) {
				out[unit] = append(out[unit], a)
			}
		}
	}
	for u := range out {
		slices.Sort(out[u])
	}
	return out, rows.Err()
}

func init() {
	dumpTables = append(dumpTables,
		dumpTable{"run_corrections", "run_id, supersedes, note, recorded_at, recorded_by", "iists", "run_id", false},
		dumpTable{"run_correction_changes", "id, run_id, unit_code, award, change, reason", "iissss", "id", true})
}
