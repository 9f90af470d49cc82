package store

import (
	"context"
	"database/sql"
	"fmt"
	"strconv"
	"strings"

	"github.com/qiangxian/qiangxian/internal/followup"
	"github.com/qiangxian/qiangxian/internal/invest"
)

// FollowupFilter selects projects by place; empty fields select all.
type FollowupFilter struct {
	County     string // one county
	Prefecture string // the counties of a prefecture (6-digit code)
	Project    string // one 项目编号
}

// where returns the conditions of f on the ledger's current rows p.
func (f FollowupFilter) where(arg func(any) string) string {
	cond := []string{"p.superseded_by IS NULL", "p.increase_of = ''"}
	if f.County != "" {
		cond = append(cond, "p.county = "+arg(f.County))
	}
	if len(f.Prefecture) == 6 {
		cond = append(cond, "p.county >= "+arg(f.Prefecture[:4]+"00")+" AND p.county <= "+arg(f.Prefecture[:4]+"99"))
	}
	if f.Project != "" {
		cond = append(cond, "p.project_id = "+arg(f.Project))
	}
	return strings.Join(cond, " AND ")
}

// keyWhere selects the key projects of f: the current signed original
// ones with a 协议投资额 of at least min, not terminated. The amount is
// written into the statement (see FollowupSchedule).
func (f FollowupFilter) keyWhere(arg func(any) string, min invest.Amount) string {
	return f.where(arg) + " AND p.signed <> 0 AND p.terminated = 0 AND p.amount >= " + strconv.FormatInt(int64(min), 10)
}

// FollowupRecord is a project under follow-up with everything recorded on
// it: the ledger's current version, its terms and 包抓 leader, its years
// (commitments and actuals), incentives and default actions.
type FollowupRecord struct {
	Project    invest.Project
	Terms      followup.Terms
	Leader     string
	LeaderDept string
	Years      []followup.Year // by year
	Incentives []FollowupIncentive
	Defaults   []FollowupDefault
}

// Rule returns what the follow-up rules read of r.
func (r *FollowupRecord) Rule() followup.Project {
	p := &r.Project
	return followup.Project{ContractStart: p.ContractStart, ActualStart: p.ActualStart, ContractProd: p.ContractProd,
		ActualProd: p.ActualProd, Terminated: p.Terminated, Terms: r.Terms, Years: r.Years}
}

// FollowupRecords returns the projects under follow-up that f selects,
// by 项目编号.
func (db *DB) FollowupRecords(ctx context.Context, f FollowupFilter) (out []FollowupRecord, err error) {
	defer wrap(&err, "FollowupRecords")
	var args []any
	arg := func(v any) string {
		args = append(args, v)
		return fmt.Sprintf("$%d", len(args))
	}
	cond := f.where(arg)
	// From the projects under follow-up, a part of the ledger, to their
	// current versions: CROSS JOIN keeps SQLite from scanning the ledger
	// for each (PostgreSQL reads it as the inner join it is).
	tx, err := db.sql.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return nil, err
	}
	defer tx.Rollback()
	rs, err := tx.QueryContext(ctx, `SELECT `+prefixed("p.", investProjectSelect)+`, f.land_mu, f.invest_per_mu, f.tax_per_mu,
		f.energy_per_unit, f.leader, f.leader_dept FROM followup_projects f CROSS JOIN invest_projects p
		WHERE p.project_id = f.project_id AND `+cond+` ORDER BY p.project_id`, args...)
	if err != nil {
		return nil, err
	}
	at := map[string]int{}
	for rs.Next() {
		var r FollowupRecord
		t := &r.Terms
		if err := scanInvestProject(rs, &r.Project, &t.LandMu, &t.InvestPerMu, &t.TaxPerMu, &t.EnergyPerUnit, &r.Leader, &r.LeaderDept); err != nil {
			rs.Close()
			return nil, err
		}
		at[r.Project.ID] = len(out)
		out = append(out, r)
	}
	if err := rs.Err(); err != nil {
		return nil, err
	}
	rs.Close()
	// The children of the selected projects: the same join, as a subquery.
	sub := `SELECT f.project_id FROM followup_projects f CROSS JOIN invest_projects p WHERE p.project_id = f.project_id AND ` + cond
	if rs, err = tx.QueryContext(ctx, `SELECT project_id, year, side, investment, tax, output, jobs, energy FROM followup_years
		WHERE project_id IN (`+sub+`) ORDER BY project_id, year, side`, args...); err != nil {
		return nil, err
	}
	for rs.Next() {
		var id, side string
		var year int
		var v [5]sql.NullFloat64
		if err := rs.Scan(&id, &year, &side, &v[0], &v[1], &v[2], &v[3], &v[4]); err != nil {
			rs.Close()
			return nil, err
		}
		r := &out[at[id]]
		if n := len(r.Years); n == 0 || r.Years[n-1].Year != year {
			r.Years = append(r.Years, followup.Year{Year: year, Commit: followup.None, Actual: followup.None})
		}
		fs := followup.Figures{Investment: floatOf(v[0]), Tax: floatOf(v[1]), Output: floatOf(v[2]), Jobs: floatOf(v[3]), Energy: floatOf(v[4])}
		if y := &r.Years[len(r.Years)-1]; side == SideCommit {
			y.Commit = fs
		} else {
			y.Actual = fs
		}
	}
	if err := rs.Err(); err != nil {
		return nil, err
	}
	rs.Close()
	if rs, err = tx.QueryContext(ctx, `SELECT id, project_id, kind, content, amount, named_firm, selective, basis, granted, created_by
		FROM followup_incentives WHERE project_id IN (`+sub+`) ORDER BY id`, args...); err != nil {
		return nil, err
	}
	for rs.Next() {
		var in FollowupIncentive
		var kind string
		var amount sql.NullFloat64
		if err := rs.Scan(&in.ID, &in.ProjectID, &kind, &in.Content, &amount, &in.Specific, &in.Selective, &in.Basis, &in.Granted,
			&in.CreatedBy); err != nil {
			rs.Close()
			return nil, err
		}
		in.Kind, in.Amount = followup.IncentiveKind(kind), floatOf(amount)
		r := &out[at[in.ProjectID]]
		r.Incentives = append(r.Incentives, in)
	}
	if err := rs.Err(); err != nil {
		return nil, err
	}
	rs.Close()
	if rs, err = tx.QueryContext(ctx, `SELECT id, project_id, day, action, amount, note, created_by FROM followup_defaults
		WHERE project_id IN (`+sub+`) ORDER BY day, id`, args...); err != nil {
		return nil, err
	}
	defer rs.Close()
	for rs.Next() {
		var d FollowupDefault
		var amount sql.NullFloat64
		if err := rs.Scan(&d.ID, &d.ProjectID, &d.Day, &d.Action, &amount, &d.Note, &d.CreatedBy); err != nil {
			return nil, err
		}
		d.Amount = floatOf(amount)
		r := &out[at[d.ProjectID]]
		r.Defaults = append(r.Defaults, d)
	}
	return out, rs.Err()
}

// KeyProject is a key project (重点项目) of the ledger with its 包抓
// leader, "" when none is set.
type KeyProject struct {
	invest.Project
	Leader     string
	LeaderDept string
}

// FollowupKeyProjects returns the current signed original projects that f
// selects with a 协议投资额 of at least min, not terminated, largest
// first.
func (db *DB) FollowupKeyProjects(ctx context.Context, f FollowupFilter, min invest.Amount) (out []KeyProject, err error) {
	defer wrap(&err, "FollowupKeyProjects")
	var args []any
	arg := func(v any) string {
		args = append(args, v)
		return fmt.Sprintf("$%d", len(args))
	}
	cond := f.keyWhere(arg, min)
	rs, err := db.sql.QueryContext(ctx, `SELECT `+prefixed("p.", investProjectSelect)+`, COALESCE(f.leader, ''),
		COALESCE(f.leader_dept, '') FROM invest_projects p LEFT JOIN followup_projects f ON f.project_id = p.project_id
		WHERE `+cond+` ORDER BY p.amount DESC, p.project_id`, args...)
	if err != nil {
		return nil, err
	}
	defer rs.Close()
	for rs.Next() {
		var k KeyProject
		if err := scanInvestProject(rs, &k.Project, &k.Leader, &k.LeaderDept); err != nil {
			return nil, err
		}
		out = append(out, k)
	}
	return out, rs.Err()
}
