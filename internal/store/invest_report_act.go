package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"github.com/qiangxian/qiangxian/internal/invest"
)

// InvestReport is a county's report of one month.
type InvestReport struct {
	ID        int64
	Month     invest.Month
	County    string
	State     invest.ReportState
	Level     invest.ReportLevel
	Projects  string // the projects rows, CSV in the ledger's format
	Funds     string // the funds rows, CSV
	Revision  int64  // the ledger revision of its funds when passed (its projects' is the one before, when any)
	UpdatedAt time.Time
	UpdatedBy string
}

// InvestReportStep is one action on a report.
type InvestReportStep struct {
	Action  invest.ReportAction
	Level   invest.ReportLevel
	State   invest.ReportState
	Opinion string
	At      time.Time
	By      string
}

// InvestReportAction is an action on the report of (Month, County) by a
// level; Projects and Funds are the content a county saves or submits;
// Ledger is what the province's pass puts into the ledger.
type InvestReportAction struct {
	Month           invest.Month
	County          string
	By              invest.ReportLevel
	Act             invest.ReportAction
	Opinion         string
	Projects, Funds string
	LedgerProjects  []invest.Project
	LedgerFunds     []InvestFunds
}

func scanInvestReport(rs interface{ Scan(...any) error }) (r InvestReport, err error) {
	var state, level string
	err = rs.Scan(&r.ID, &r.Month, &r.County, &state, &level, &r.Projects, &r.Funds, &r.Revision, &r.UpdatedAt, &r.UpdatedBy)
	r.State, r.Level = invest.ReportState(state), invest.ReportLevel(level)
	return r, err
}

// ActOnInvestReport applies an action (invest.Next) to a report, at the
// store's clock, in one audited transaction: a county's save or submit
// stores the content (creating the report), a return records the opinion,
// the province's pass imports the report's projects and funds into the
// ledger and records the revision. A locked month or a report not at the
// acting level is ErrConflict; a return without an opinion ErrInvalid.
func (db *DB) ActOnInvestReport(ctx context.Context, actor Actor, a InvestReportAction) (r InvestReport, err error) {
	defer wrap(&err, "ActOnInvestReport(%v, %s, %s)", a.Month, a.County, a.Act)
	err = db.change(ctx, actor, func(t *txn) error {
		m, err := t.investMonth(a.Month)
		if err != nil {
			return err
		}
		r, err = scanInvestReport(t.QueryRow(`SELECT id, `+investReportColumns+` FROM invest_reports WHERE month = $1 AND county = $2`,
			int(a.Month), a.County))
		switch {
		case errors.Is(err, sql.ErrNoRows):
			r = InvestReport{Month: a.Month, County: a.County}
		case err != nil:
			return err
		}
		next, err := invest.Next(invest.Report{State: r.State, Level: r.Level}, a.By, a.Act, a.Opinion, m.Window(), t.now)
		switch {
		case errors.Is(err, invest.ErrNeedsOpinion):
			return refuse(ErrInvalid, "store.invest.report", err)
		case err != nil:
			return refuse(ErrConflict, "store.invest.report", err)
		}
		if a.Act == invest.ActSave || a.Act == invest.ActSubmit {
			r.Projects, r.Funds = a.Projects, a.Funds
		}
		if a.Act == invest.ActPass && next.State == invest.ReportPassed {
			note := RevisionNote{Kind: "invest-report", Source: fmt.Sprintf("%s %v", a.County, a.Month)}
			if len(a.LedgerProjects) > 0 {
				rev, err := t.importInvestProjects(note, a.LedgerProjects)
				if err != nil {
					return err
				}
				r.Revision = rev.ID
			}
			if len(a.LedgerFunds) > 0 {
				rev, err := t.importInvestFunds(note, a.LedgerFunds)
				if err != nil {
					return err
				}
				r.Revision = rev.ID
			}
		}
		r.State, r.Level, r.UpdatedAt, r.UpdatedBy = next.State, next.Level, t.now, t.actor.Username
		if r.ID == 0 {
			err = t.QueryRow(`INSERT INTO invest_reports (`+investReportColumns+`) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
				int(r.Month), r.County, string(r.State), string(r.Level), r.Projects, r.Funds, r.Revision, r.UpdatedAt, r.UpdatedBy).Scan(&r.ID)
		} else {
			_, err = t.Exec(`UPDATE invest_reports SET state = $2, level = $3, projects = $4, funds = $5, revision = $6,
				updated_at = $7, updated_by = $8 WHERE id = $1`, r.ID, string(r.State), string(r.Level), r.Projects, r.Funds,
				r.Revision, r.UpdatedAt, r.UpdatedBy)
		}
		if err != nil {
			return err
		}
		if _, err := t.Exec(`INSERT INTO invest_report_steps (report_id, action, level, state, opinion, done_at, by_user)
			VALUES ($1, $2, $3, $4, $5, $6, $7)`, r.ID, string(a.Act), string(a.By), string(r.State), a.Opinion, t.now,
			t.actor.Username); err != nil {
			return err
		}
		return t.audit(string(a.Act), "invest_report", fmt.Sprint(r.ID), map[string]any{"month": a.Month.String(),
			"county": a.County, "state": r.State, "level": r.Level, "opinion": a.Opinion, "revision": r.Revision})
	})
	return r, err
}

// InvestReportFilter selects reports; empty fields select all.
type InvestReportFilter struct {
	Month      invest.Month
	State      invest.ReportState
	Level      invest.ReportLevel
	Prefecture string // 6-digit code
	County     string
}

// InvestReports returns the reports f selects, by month (newest first) and
// county.
func (db *DB) InvestReports(ctx context.Context, f InvestReportFilter) (rs []InvestReport, err error) {
	defer wrap(&err, "InvestReports")
	q := `SELECT id, ` + investReportColumns + ` FROM invest_reports WHERE ($1 = 0 OR month = $1) AND ($2 = '' OR state = $2)
		AND ($3 = '' OR level = $3) AND ($4 = '' OR county = $4) AND ($5 = '' OR SUBSTR(county, 1, 4) = $5)
		ORDER BY month DESC, county`
	pref := ""
	if len(f.Prefecture) >= 4 {
		pref = f.Prefecture[:4]
	}
	rows, err := db.sql.QueryContext(ctx, q, int(f.Month), string(f.State), string(f.Level), f.County, pref)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		r, err := scanInvestReport(rows)
		if err != nil {
			return nil, err
		}
		rs = append(rs, r)
	}
	return rs, rows.Err()
}

// InvestReportSteps returns the steps of report id, oldest first.
func (db *DB) InvestReportSteps(ctx context.Context, id int64) (ss []InvestReportStep, err error) {
	defer wrap(&err, "InvestReportSteps(%d)", id)
	rows, err := db.sql.QueryContext(ctx, `SELECT action, level, state, opinion, done_at, by_user FROM invest_report_steps
		WHERE report_id = $1 ORDER BY id`, id)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var s InvestReportStep
		var act, level, state string
		if err := rows.Scan(&act, &level, &state, &s.Opinion, &s.At, &s.By); err != nil {
			return nil, err
		}
		s.Action, s.Level, s.State = invest.ReportAction(act), invest.ReportLevel(level), invest.ReportState(state)
		ss = append(ss, s)
	}
	return ss, rows.Err()
}
