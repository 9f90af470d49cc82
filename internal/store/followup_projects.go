package store

import (
	"context"
	"database/sql"
	"errors"
	"math"
	"slices"
	"strings"

	"github.com/qiangxian/qiangxian/internal/followup"
	"github.com/qiangxian/qiangxian/internal/invest"
)

// Contract follow-up (履约监管) and scheduling (调度) of signed projects
// (issue 20; migration 0018): a project's 标准地 terms and 包抓 leader,
// its commitments and actuals by year, its incentive ledger and the
// default actions taken. Every change is audited in its transaction.

// The sides of a year's figures.
const (
	SideCommit = "commit" // 承诺
	SideActual = "actual" // 实际
)

// FollowupYear is one side of one year's figures of a project.
type FollowupYear struct {
	Year    int
	Side    string // SideCommit or SideActual
	Figures followup.Figures
}

// FollowupIncentive is an item of a project's incentive ledger.
type FollowupIncentive struct {
	ID        int64
	ProjectID string
	followup.Incentive
	Content   string
	Amount    float64 // 万元; NaN unknown
	CreatedBy string
}

// The default actions (违约处置).
var DefaultActions = []string{"notice", "penalty", "clawback", "land_reclaimed", "other"}

// FollowupDefault is a default action taken against a project.
type FollowupDefault struct {
	ID        int64
	ProjectID string
	Day       invest.Day
	Action    string  // one of DefaultActions
	Amount    float64 // 万元; NaN none
	Note      string
	CreatedBy string
}

// signedProject returns the county of the current original project id,
// ErrNotFound when there is none, ErrInvalid when it is not signed.
func (t *txn) signedProject(id string) (county string, err error) {
	var signed invest.Day
	err = t.QueryRow(`SELECT county, signed FROM invest_projects WHERE project_id = $1 AND superseded_by IS NULL
		AND increase_of = ''`, id).Scan(&county, &signed)
	if errors.Is(err, sql.ErrNoRows) {
		return "", refuse(ErrNotFound, "store.followup.noProject", id)
	}
	if err == nil && signed == 0 {
		err = refuse(ErrInvalid, "store.followup.notSigned", id)
	}
	return county, err
}

// ensureFollowup puts a signed project under follow-up if it is not yet.
func (t *txn) ensureFollowup(id string) error {
	if _, err := t.signedProject(id); err != nil {
		return err
	}
	_, err := t.Exec(`INSERT INTO followup_projects (project_id, updated_at, updated_by) VALUES ($1, $2, $3)
		ON CONFLICT (project_id) DO NOTHING`, id, t.now, t.actor.Username)
	return err
}

// PutFollowupTerms sets a signed project's 标准地 terms, putting it under
// follow-up.
func (db *DB) PutFollowupTerms(ctx context.Context, actor Actor, id string, terms followup.Terms) (err error) {
	defer wrap(&err, "PutFollowupTerms(%s)", id)
	for _, v := range []float64{terms.LandMu, terms.InvestPerMu, terms.TaxPerMu, terms.EnergyPerUnit} {
		if math.IsNaN(v) || math.IsInf(v, 0) || v < 0 {
			return refuse(ErrInvalid, "store.followup.terms")
		}
	}
	return db.change(ctx, actor, func(t *txn) error {
		if err := t.ensureFollowup(id); err != nil {
			return err
		}
		if _, err := t.Exec(`UPDATE followup_projects SET land_mu = $2, invest_per_mu = $3, tax_per_mu = $4, energy_per_unit = $5,
			updated_at = $6, updated_by = $7 WHERE project_id = $1`, id, terms.LandMu, terms.InvestPerMu, terms.TaxPerMu,
			terms.EnergyPerUnit, t.now, t.actor.Username); err != nil {
			return err
		}
		return t.audit("terms", "followup_project", id, terms)
	})
}

// PutFollowupLeader sets a signed project's 包抓 leader (a post, never a
// personal name) and the leading department; empty strings clear them.
func (db *DB) PutFollowupLeader(ctx context.Context, actor Actor, id, leader, dept string) error {
	return db.PutFollowupLeaders(ctx, actor, []FollowupLeader{{ProjectID: id, Leader: leader, Department: dept}})
}

// FollowupLeader is a project's 包抓 leader and leading department.
type FollowupLeader struct {
	ProjectID, Leader, Department string
}

// PutFollowupLeaders sets the leaders of several projects in one
// transaction: all or none.
func (db *DB) PutFollowupLeaders(ctx context.Context, actor Actor, ls []FollowupLeader) (err error) {
	defer wrap(&err, "PutFollowupLeaders(%d)", len(ls))
	for i, l := range ls {
		ls[i].Leader, ls[i].Department = strings.TrimSpace(l.Leader), strings.TrimSpace(l.Department)
		if (ls[i].Leader == "") != (ls[i].Department == "") {
			return refuse(ErrInvalid, "store.followup.leader", l.ProjectID, "包抓")
		}
	}
	return db.change(ctx, actor, func(t *txn) error {
		for _, l := range ls {
			if err := t.ensureFollowup(l.ProjectID); err != nil {
				return err
			}
			if _, err := t.Exec(`UPDATE followup_projects SET leader = $2, leader_dept = $3, updated_at = $4, updated_by = $5
				WHERE project_id = $1`, l.ProjectID, l.Leader, l.Department, t.now, t.actor.Username); err != nil {
				return err
			}
			if err := t.audit("leader", "followup_project", l.ProjectID, map[string]string{"leader": l.Leader, "department": l.Department}); err != nil {
				return err
			}
		}
		return nil
	})
}

// PutFollowupYears writes commitments and actuals by year, replacing the
// rows of each (year, side) given; a figure NaN is not given.
func (db *DB) PutFollowupYears(ctx context.Context, actor Actor, id string, ys []FollowupYear) (err error) {
	defer wrap(&err, "PutFollowupYears(%s)", id)
	for _, y := range ys {
		f := y.Figures
		if (y.Side != SideCommit && y.Side != SideActual) || y.Year < 1990 || y.Year > 2100 {
			return refuse(ErrInvalid, "store.followup.year", y.Year, y.Side)
		}
		for _, v := range []float64{f.Investment, f.Tax, f.Output, f.Jobs, f.Energy} {
			if v < 0 || math.IsInf(v, 0) {
				return refuse(ErrInvalid, "store.followup.negative", y.Year, y.Side)
			}
		}
	}
	return db.change(ctx, actor, func(t *txn) error {
		if err := t.ensureFollowup(id); err != nil {
			return err
		}
		for _, y := range ys {
			f := y.Figures
			if _, err := t.Exec(`INSERT INTO followup_years (project_id, year, side, investment, tax, output, jobs, energy,
				updated_at, updated_by) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
				ON CONFLICT (project_id, year, side) DO UPDATE SET investment = excluded.investment, tax = excluded.tax,
				output = excluded.output, jobs = excluded.jobs, energy = excluded.energy, updated_at = excluded.updated_at,
				updated_by = excluded.updated_by`, id, y.Year, y.Side, nullFloat(f.Investment), nullFloat(f.Tax),
				nullFloat(f.Output), nullFloat(f.Jobs), nullFloat(f.Energy), t.now, t.actor.Username); err != nil {
				return err
			}
		}
		return t.audit("years", "followup_project", id, map[string]int{"rows": len(ys)})
	})
}

// AddFollowupIncentive adds an item to a project's incentive ledger.
func (db *DB) AddFollowupIncentive(ctx context.Context, actor Actor, in FollowupIncentive) (out FollowupIncentive, err error) {
	defer wrap(&err, "AddFollowupIncentive(%s)", in.ProjectID)
	if !in.Kind.Valid() || strings.TrimSpace(in.Content) == "" || in.Amount < 0 {
		return out, refuse(ErrInvalid, "store.followup.incentive", followup.IncentiveKinds)
	}
	err = db.change(ctx, actor, func(t *txn) error {
		if err := t.ensureFollowup(in.ProjectID); err != nil {
			return err
		}
		out = in
		out.CreatedBy = t.actor.Username
		if err := t.QueryRow(`INSERT INTO followup_incentives (project_id, kind, content, amount, named_firm, selective, basis,
			granted, created_at, created_by) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id`,
			in.ProjectID, string(in.Kind), strings.TrimSpace(in.Content), nullFloat(in.Amount), in.Specific, in.Selective,
			strings.TrimSpace(in.Basis), in.Granted, t.now, t.actor.Username).Scan(&out.ID); err != nil {
			return err
		}
		return t.audit("incentive", "followup_project", in.ProjectID, map[string]any{"id": out.ID, "kind": in.Kind,
			"flag": in.Review()})
	})
	return out, err
}

// AddFollowupDefault records a default action taken against a project.
func (db *DB) AddFollowupDefault(ctx context.Context, actor Actor, d FollowupDefault) (out FollowupDefault, err error) {
	defer wrap(&err, "AddFollowupDefault(%s)", d.ProjectID)
	if !slices.Contains(DefaultActions, d.Action) || d.Day == 0 || d.Amount < 0 {
		return out, refuse(ErrInvalid, "store.followup.default", DefaultActions)
	}
	err = db.change(ctx, actor, func(t *txn) error {
		if err := t.ensureFollowup(d.ProjectID); err != nil {
			return err
		}
		out = d
		out.CreatedBy = t.actor.Username
		if err := t.QueryRow(`INSERT INTO followup_defaults (project_id, day, action, amount, note, created_at, created_by)
			VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`, d.ProjectID, d.Day, d.Action, nullFloat(d.Amount),
			strings.TrimSpace(d.Note), t.now, t.actor.Username).Scan(&out.ID); err != nil {
			return err
		}
		return t.audit("default", "followup_project", d.ProjectID, map[string]any{"id": out.ID, "action": d.Action})
	})
	return out, err
}

func init() {
	// The follow-up tables (migration 0018), after the ledger they name.
	dumpTables = append(dumpTables,
		dumpTable{"followup_projects", "project_id, land_mu, invest_per_mu, tax_per_mu, energy_per_unit, leader, leader_dept, updated_at, updated_by",
			"sffffssts", "project_id", false},
		dumpTable{"followup_years", "project_id, year, side, investment, tax, output, jobs, energy, updated_at, updated_by",
			"sisfffffts", "project_id, year, side", false},
		dumpTable{"followup_incentives", "id, project_id, kind, content, amount, named_firm, selective, basis, granted, created_at, created_by",
			"isssfbbsits", "id", true},
		dumpTable{"followup_defaults", "id, project_id, day, action, amount, note, created_at, created_by", "isisfsts", "id", true})
}
