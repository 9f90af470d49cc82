package store

import (
	"context"
	"database/sql"
	"errors"
	"strings"
	"time"

	"github.com/qiangxian/qiangxian/internal/invest"
)

// The ledger's monthly reporting (issue 17; migration 0013): month tasks
// with deadlines, county reports reviewed up to the province, whose pass
// puts them into the ledger in the same transaction.

func init() {
	dumpTables = append(dumpTables,
		dumpTable{"invest_months", "month, deadline, reopened_till, published, created_by", "ittbs", "month", false},
		dumpTable{"invest_reports", "id, " + investReportColumns, "iisssssits", "id", true},
		dumpTable{"invest_report_steps", "id, report_id, action, level, state, opinion, done_at, by_user", "iissssts", "id", true},
		dumpTable{"invest_contacts", "id, investor_code, investor, county, day, note, noted_at, by_user", "isssists", "id", true})
}

const investReportColumns = `month, county, state, level, projects, funds, revision, updated_at, updated_by`

// InvestMonthTask is a month's reporting task.
type InvestMonthTask struct {
	Month        invest.Month
	Deadline     time.Time
	ReopenedTill time.Time // the deadline itself until the province reopens the month
	Published    bool
	CreatedBy    string
}

// Window is the task's reporting window.
func (m InvestMonthTask) Window() invest.MonthWindow {
	return invest.MonthWindow{Deadline: m.Deadline, ReopenedTill: m.ReopenedTill}
}

// PutInvestMonth opens month for reporting with its deadline, or moves the
// deadline of an open one; audited.
func (db *DB) PutInvestMonth(ctx context.Context, actor Actor, month invest.Month, deadline time.Time) (err error) {
	defer wrap(&err, "PutInvestMonth(%v)", month)
	if month == 0 || deadline.IsZero() {
		return refuse(ErrInvalid, "store.monthTask")
	}
	deadline = deadline.UTC().Truncate(time.Microsecond)
	return db.change(ctx, actor, func(t *txn) error {
		res, err := t.Exec(`UPDATE invest_months SET deadline = $2, reopened_till = $2 WHERE month = $1`, int(month), deadline)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n == 0 {
			if _, err := t.Exec(`INSERT INTO invest_months (month, deadline, reopened_till, published, created_by)
				VALUES ($1, $2, $2, FALSE, $3)`, int(month), deadline, t.actor.Username); err != nil {
				return err
			}
		}
		return t.audit("deadline", "invest_month", month.String(), map[string]any{"deadline": deadline})
	})
}

// InvestMonths returns the month tasks, the newest first.
func (db *DB) InvestMonths(ctx context.Context) (ms []InvestMonthTask, err error) {
	defer wrap(&err, "InvestMonths")
	rs, err := db.sql.QueryContext(ctx, `SELECT month, deadline, reopened_till, published, created_by FROM invest_months ORDER BY month DESC`)
	if err != nil {
		return nil, err
	}
	defer rs.Close()
	for rs.Next() {
		var m InvestMonthTask
		if err := rs.Scan(&m.Month, &m.Deadline, &m.ReopenedTill, &m.Published, &m.CreatedBy); err != nil {
			return nil, err
		}
		ms = append(ms, m)
	}
	return ms, rs.Err()
}

func (t *txn) investMonth(month invest.Month) (m InvestMonthTask, err error) {
	err = t.QueryRow(`SELECT month, deadline, reopened_till, published, created_by FROM invest_months WHERE month = $1`,
		int(month)).Scan(&m.Month, &m.Deadline, &m.ReopenedTill, &m.Published, &m.CreatedBy)
	if errors.Is(err, sql.ErrNoRows) {
		return m, refuse(ErrNotFound, "store.invest.noTask", month)
	}
	return m, err
}

// ReopenInvestMonth opens a locked month again until till, for the reason
// given; audited.
func (db *DB) ReopenInvestMonth(ctx context.Context, actor Actor, month invest.Month, till time.Time, reason string) (err error) {
	defer wrap(&err, "ReopenInvestMonth(%v)", month)
	if strings.TrimSpace(reason) == "" {
		return refuse(ErrInvalid, "store.reopenReason")
	}
	return db.change(ctx, actor, func(t *txn) error {
		if _, err := t.investMonth(month); err != nil {
			return err
		}
		if !till.After(t.now) {
			return refuse(ErrInvalid, "store.reopenUntil")
		}
		if _, err := t.Exec(`UPDATE invest_months SET reopened_till = $2 WHERE month = $1`, int(month), till.UTC().Truncate(time.Microsecond)); err != nil {
			return err
		}
		return t.audit("reopen", "invest_month", month.String(), map[string]any{"till": till.UTC(), "reason": reason})
	})
}

// PublishInvestMonth publishes month: the public summary shows it.
func (db *DB) PublishInvestMonth(ctx context.Context, actor Actor, month invest.Month) (err error) {
	defer wrap(&err, "PublishInvestMonth(%v)", month)
	return db.change(ctx, actor, func(t *txn) error {
		if _, err := t.investMonth(month); err != nil {
			return err
		}
		if _, err := t.Exec(`UPDATE invest_months SET published = TRUE WHERE month = $1`, int(month)); err != nil {
			return err
		}
		return t.audit("publish", "invest_month", month.String(), nil)
	})
}

// InvestPublishedThrough returns the latest published month, and whether
// any month task exists at all (a ledger imported without the workflow has
// none).
func (db *DB) InvestPublishedThrough(ctx context.Context) (m invest.Month, anyTask bool, err error) {
	defer wrap(&err, "InvestPublishedThrough")
	var n int
	var v sql.NullInt64
	err = db.sql.QueryRowContext(ctx, `SELECT COUNT(*), MAX(CASE WHEN published THEN month END) FROM invest_months`).Scan(&n, &v)
	return invest.Month(v.Int64), n > 0, err
}
