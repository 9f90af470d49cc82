package store

import (
	"context"
	"database/sql"
	"errors"
	"time"

	"github.com/qiangxian/qiangxian/internal/invest"
)

// Duplicate settlement (issue 17): the province settles a project
// reported by two places. Two 项目编号 (the same investor, a similar
// name): the duplicate and its funds rows leave the current ledger (their
// versions are superseded by the settlement's revision, nothing is
// deleted). One 项目编号 that a second place's report moved: the project
// goes back to (or stays at) the settled location. Either way the grouped
// facts are rebuilt, so the metrics count the project once, at its
// location, and the other place is recorded as the referrer (引荐).

func init() {
	dumpTables = append(dumpTables, dumpTable{"invest_settlements",
		"id, kept_id, duplicate_id, location, referrer, reason, revision_id, settled_at, settled_by", "isssssits", "id", true})
}

// InvestSettlement is a recorded settlement with its revision (0 when the
// ledger did not change: one 项目编号 that already lay at the location).
type InvestSettlement struct {
	ID int64
	invest.Settlement
	Revision int64
	At       time.Time
	By       string
}

// SettleInvestDuplicate records s (checked by invest.Settlement.Check
// against the current projects; ErrNotFound when one is not current) and
// changes the ledger accordingly, in one transaction with its audit row.
func (db *DB) SettleInvestDuplicate(ctx context.Context, actor Actor, s invest.Settlement) (out InvestSettlement, err error) {
	defer wrap(&err, "SettleInvestDuplicate(%s, %s)", s.Kept, s.Duplicate)
	out.Settlement = s
	err = db.change(ctx, actor, func(t *txn) error {
		kept, err := t.currentProject(s.Kept)
		if err != nil {
			return err
		}
		var dup invest.Project
		var prevCounty, prevZone string
		if s.SameID() {
			err := t.QueryRow(`SELECT county, zone FROM invest_projects WHERE project_id = $1 AND superseded_by IS NOT NULL
				AND county <> $2 ORDER BY revision_id DESC LIMIT 1`, s.Kept, kept.County).Scan(&prevCounty, &prevZone)
			if err != nil && !errors.Is(err, sql.ErrNoRows) {
				return err
			}
		} else if dup, err = t.currentProject(s.Duplicate); err != nil {
			return err
		}
		if err := s.Check(&kept, &dup, prevCounty); err != nil {
			return refuse(ErrInvalid, "store.invest.settle", err)
		}
		note := RevisionNote{Kind: "invest-settle", Source: s.Duplicate, Note: s.Reason}
		switch {
		case s.SameID() && kept.County != s.Location:
			moved := kept
			moved.County, moved.Zone = s.Location, prevZone
			rev, err := t.importInvestProjects(note, []invest.Project{moved})
			if err != nil {
				return err
			}
			out.Revision = rev.ID
		case !s.SameID():
			rev, err := t.newRevision(note)
			if err != nil {
				return err
			}
			for _, table := range []string{"invest_projects", "invest_funds"} {
				if _, err := t.Exec(`UPDATE `+table+` SET superseded_by = $1 WHERE project_id = $2 AND superseded_by IS NULL`,
					rev.ID, s.Duplicate); err != nil {
					return err
				}
			}
			if err := t.refreshProjectFunds(`SELECT CAST($1 AS TEXT)`, s.Duplicate); err != nil {
				return err
			}
			if err := t.unindexSearch(s.Duplicate); err != nil {
				return err
			}
			if err := t.rebuildProjectCounts(); err != nil {
				return err
			}
			l, err := t.investLedger()
			if err != nil {
				return err
			}
			if err := checkIncreases(l); err != nil {
				return err
			}
			if err := t.investLedgerChanged(rev.ID, l); err != nil {
				return err
			}
			out.Revision = rev.ID
		}
		out.At, out.By = t.now, t.actor.Username
		if err := t.QueryRow(`INSERT INTO invest_settlements (kept_id, duplicate_id, location, referrer, reason, revision_id, settled_at, settled_by)
			VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`, s.Kept, s.Duplicate, s.Location, s.Referrer, s.Reason,
			nullID(out.Revision), t.now, t.actor.Username).Scan(&out.ID); err != nil {
			return err
		}
		return t.audit("settle", "invest_project", s.Kept, map[string]any{"duplicate": s.Duplicate, "location": s.Location,
			"referrer": s.Referrer, "reason": s.Reason, "revision": out.Revision})
	})
	out.At = out.At.UTC()
	return out, err
}

// currentProject reads the current version of project id inside t.
func (t *txn) currentProject(id string) (p invest.Project, err error) {
	err = scanInvestProject(t.QueryRow(`SELECT `+investProjectSelect+` FROM invest_projects
		WHERE project_id = $1 AND superseded_by IS NULL`, id), &p)
	if errors.Is(err, sql.ErrNoRows) {
		return p, refuse(ErrNotFound, "store.invest.notCurrent", id)
	}
	return p, err
}

// InvestSettlements returns the settlements in which county is the
// location or the referrer ("" for all), newest first.
func (db *DB) InvestSettlements(ctx context.Context, county string) (out []InvestSettlement, err error) {
	defer wrap(&err, "InvestSettlements(%s)", county)
	rows, err := db.sql.QueryContext(ctx, `SELECT id, kept_id, duplicate_id, location, referrer, reason, revision_id, settled_at, settled_by
		FROM invest_settlements WHERE $1 = '' OR location = $1 OR referrer = $1 ORDER BY id DESC`, county)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var s InvestSettlement
		var rev sql.NullInt64
		if err := rows.Scan(&s.ID, &s.Kept, &s.Duplicate, &s.Location, &s.Referrer, &s.Reason, &rev, &s.At, &s.By); err != nil {
			return nil, err
		}
		s.Revision, s.At = rev.Int64, s.At.UTC()
		out = append(out, s)
	}
	return out, rows.Err()
}

// InvestDuplicateCase is a possible duplicate of the current ledger with
// its projects: Existing and Incoming (the same project when one 项目编号
// was moved by another county's report, Previous being the county it was
// moved from).
type InvestDuplicateCase struct {
	invest.Duplicate
	ExistingProject, IncomingProject invest.Project
	Previous                         string
}

// InvestLedgerDuplicates returns the possible duplicates within the
// current ledger: invest.LedgerDuplicates over the original projects whose
// investor code several counties share, then the 项目编号 whose current
// version moved a project that another county had reported and that no
// settlement has settled (at most 50).
func (db *DB) InvestLedgerDuplicates(ctx context.Context) (out []InvestDuplicateCase, err error) {
	defer wrap(&err, "InvestLedgerDuplicates")
	tx, err := db.sql.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return nil, err
	}
	defer tx.Rollback()
	rs, err := tx.QueryContext(ctx, `SELECT `+investProjectSelect+` FROM invest_projects WHERE superseded_by IS NULL AND investor_code <> ''
		AND increase_of = '' AND investor_code IN (SELECT investor_code FROM invest_projects
			WHERE superseded_by IS NULL AND investor_code <> '' AND increase_of = ''
			GROUP BY investor_code HAVING COUNT(DISTINCT county) > 1)
		ORDER BY project_id`)
	if err != nil {
		return nil, err
	}
	defer rs.Close()
	var shared []invest.Project
	byID := map[string]invest.Project{}
	for rs.Next() {
		var p invest.Project
		if err := scanInvestProject(rs, &p); err != nil {
			return nil, err
		}
		shared = append(shared, p)
		byID[p.ID] = p
	}
	if err := rs.Err(); err != nil {
		return nil, err
	}
	rs.Close()
	for _, d := range invest.LedgerDuplicates(shared) {
		out = append(out, InvestDuplicateCase{Duplicate: d, ExistingProject: byID[d.Existing], IncomingProject: byID[d.Incoming]})
	}
	// The moved projects from their partial index (migration 0024).
	moved, err := tx.QueryContext(ctx, `SELECT `+prefixed("p.", investProjectSelect)+`, p.moved_from
		FROM invest_projects p
		WHERE p.superseded_by IS NULL AND p.moved_from <> '' AND p.increase_of = ''
		AND NOT EXISTS (SELECT 1 FROM invest_settlements s WHERE s.kept_id = p.project_id AND s.duplicate_id = p.project_id)
		ORDER BY p.project_id LIMIT 50`)
	if err != nil {
		return nil, err
	}
	defer moved.Close()
	for moved.Next() {
		var c InvestDuplicateCase
		if err := scanInvestProject(moved, &c.ExistingProject, &c.Previous); err != nil {
			return nil, err
		}
		c.IncomingProject = c.ExistingProject
		c.Duplicate = invest.Duplicate{Incoming: c.ExistingProject.ID, Existing: c.ExistingProject.ID, SameID: true, Similarity: 1}
		out = append(out, c)
	}
	return out, moved.Err()
}
