package store

import (
	"context"
	"database/sql"
	"errors"
	"time"

	"github.com/qiangxian/qiangxian/internal/invest"
)

// InvestStageChange is a dated move of a project from one stage to the next
// (线索 → 洽谈 → 签约 → 注册 → 开工 → 投产/建成, or 终止), with who recorded it.
type InvestStageChange struct {
	ID         int64
	ProjectID  string
	From, To   invest.Stage
	Day        invest.Day // when the project reached the stage
	Note       string
	RecordedAt time.Time
	RecordedBy string
}

// RecordInvestStage moves the current project projectID to stage to on day,
// after invest.CheckStageChange, and audits it in the same transaction. The
// project's stage before is its latest recorded change, or the stage it was
// imported with.
func (db *DB) RecordInvestStage(ctx context.Context, actor Actor, projectID string, to invest.Stage, day invest.Day, note string) (c InvestStageChange, err error) {
	defer wrap(&err, "RecordInvestStage(%s, %s)", projectID, to)
	if day == 0 {
		return c, refuse(ErrInvalid, "store.stageDay")
	}
	err = db.change(ctx, actor, func(t *txn) error {
		var imported string
		err := t.QueryRow(`SELECT stage FROM invest_projects WHERE project_id = $1 AND superseded_by IS NULL`, projectID).Scan(&imported)
		if errors.Is(err, sql.ErrNoRows) {
			return refuse(ErrNotFound, "store.invest.project", projectID)
		}
		if err != nil {
			return err
		}
		from := invest.Stage(imported)
		var latest string
		err = t.QueryRow(`SELECT to_stage FROM invest_stage_changes WHERE project_id = $1 ORDER BY id DESC LIMIT 1`, projectID).Scan(&latest)
		switch {
		case err == nil:
			from = invest.Stage(latest)
		case !errors.Is(err, sql.ErrNoRows):
			return err
		}
		if err := invest.CheckStageChange(from, to); err != nil {
			return refuse(ErrConflict, "store.invest.stage", err)
		}
		c = InvestStageChange{ProjectID: projectID, From: from, To: to, Day: day, Note: note, RecordedAt: t.now, RecordedBy: t.actor.Username}
		if err := t.QueryRow(`INSERT INTO invest_stage_changes (project_id, from_stage, to_stage, day, note, recorded_at, recorded_by)
			VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`, projectID, string(from), string(to), int(day), note, t.now, t.actor.Username).Scan(&c.ID); err != nil {
			return err
		}
		return t.audit("stage", "invest_project", projectID, map[string]any{"from": from, "to": to, "day": day.String(), "note": note})
	})
	return c, err
}

// InvestStageChanges returns the recorded stage changes of a project,
// oldest first.
func (db *DB) InvestStageChanges(ctx context.Context, projectID string) (cs []InvestStageChange, err error) {
	defer wrap(&err, "InvestStageChanges(%s)", projectID)
	rows, err := db.sql.QueryContext(ctx, `SELECT id, project_id, from_stage, to_stage, day, note, recorded_at, recorded_by
		FROM invest_stage_changes WHERE project_id = $1 ORDER BY id`, projectID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var c InvestStageChange
		var from, to string
		if err := rows.Scan(&c.ID, &c.ProjectID, &from, &to, &c.Day, &c.Note, &c.RecordedAt, &c.RecordedBy); err != nil {
			return nil, err
		}
		c.From, c.To, c.RecordedAt = invest.Stage(from), invest.Stage(to), c.RecordedAt.UTC()
		cs = append(cs, c)
	}
	return cs, rows.Err()
}

// InvestProjectPlace returns the county and zone of the current project
// projectID, for permission checks.
func (db *DB) InvestProjectPlace(ctx context.Context, projectID string) (county, zone string, err error) {
	defer wrap(&err, "InvestProjectPlace(%s)", projectID)
	err = db.sql.QueryRowContext(ctx, `SELECT county, zone FROM invest_projects WHERE project_id = $1 AND superseded_by IS NULL`,
		projectID).Scan(&county, &zone)
	if errors.Is(err, sql.ErrNoRows) {
		err = refuse(ErrNotFound, "store.invest.project", projectID)
	}
	return county, zone, err
}
