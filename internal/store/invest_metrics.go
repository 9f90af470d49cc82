package store

import (
	"context"
	"database/sql"
	"errors"

	"github.com/qiangxian/qiangxian/internal/invest"
)

// InvestMetrics computes the ledger's metrics for o, as invest.Compute does
// on the same ledger, from the grouped facts and the current projects:
// the SQL groups by (county, zone, origin), invest.Fold applies the rules
// of the level. Each query reads the facts of the months concerned and
// the projects an index leads to, not the million funds rows.
func (db *DB) InvestMetrics(ctx context.Context, o invest.Options) ([]invest.Row, error) {
	ts, err := db.InvestTallies(ctx, o)
	if err != nil {
		return nil, err
	}
	return invest.Fold(ts, o), nil
}

// InvestTallies reads the facts InvestMetrics folds: the ledger's tallies
// by county, zone and origin for o's period, cohort and overdue months.
// They do not depend on o.Level or o.Scope, so that one read serves every
// level (invest.Fold each).
func (db *DB) InvestTallies(ctx context.Context, o invest.Options) (ts *invest.Tallies, err error) {
	defer wrap(&err, "InvestTallies")
	// One read-only transaction, so that all queries see the same ledger;
	// on SQLite it is a deferred one, which takes no write lock.
	tx, err := db.sql.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return nil, err
	}
	defer tx.Rollback()
	ts = invest.NewTallies()
	// scanKey reads the first three columns as a key and the rest into dst.
	scanKey := func(rs *sql.Rows, dst ...any) (*invest.Tally, error) {
		var k invest.Key
		var origin int
		if err := rs.Scan(append([]any{&k.County, &k.Zone, &origin}, dst...)...); err != nil {
			return nil, err
		}
		k.Origin = invest.Origin(origin)
		return ts.At(k), nil
	}

	// The places.
	if err := eachRow(ctx, tx, `SELECT county, zone FROM invest_places`, func(rs *sql.Rows) error {
		var c, z string
		if err := rs.Scan(&c, &z); err != nil {
			return err
		}
		ts.AddPlace(c, z)
		return nil
	}); err != nil {
		return nil, err
	}

	// Rules 3 and 4: funds of the period and of the same period a year
	// earlier, from the monthly facts: one range from the earlier period's
	// start to the end (an OR of two ranges would make SQLite leave the
	// covering index), the months between the two periods in neither sum.
	prevFrom, prevTo := int(o.From.AddYears(-1)), int(o.To.AddYears(-1))
	if err := eachRow(ctx, tx, `SELECT county, zone, origin,
			CAST(SUM(CASE WHEN month >= $1 AND counted THEN amount ELSE 0 END) AS BIGINT),
			CAST(SUM(CASE WHEN month >= $1 AND NOT counted THEN amount ELSE 0 END) AS BIGINT),
			CAST(SUM(CASE WHEN month <= $4 AND counted THEN amount ELSE 0 END) AS BIGINT)
		FROM invest_funds_facts
		WHERE month >= $3 AND month <= $2
		GROUP BY county, zone, origin`, func(rs *sql.Rows) error {
		var f, x, p int64
		t, err := scanKey(rs, &f, &x, &p)
		if err == nil {
			t.Funds += invest.Amount(f)
			t.Excluded += invest.Amount(x)
			t.FundsPrev += invest.Amount(p)
		}
		return err
	}, int(o.From), int(o.To), prevFrom, prevTo); err != nil {
		return nil, err
	}

	// Rule 2: projects signed in the period, and increases, from the
	// monthly facts.
	if err := eachRow(ctx, tx, `SELECT county, zone, origin,
			CAST(SUM(CASE WHEN NOT increase AND NOT relocation THEN projects ELSE 0 END) AS BIGINT),
			CAST(SUM(CASE WHEN increase OR NOT relocation THEN amount ELSE 0 END) AS BIGINT)
		FROM invest_signed_facts WHERE month >= $1 AND month <= $2
		GROUP BY county, zone, origin`, func(rs *sql.Rows) error {
		var n, a int64
		t, err := scanKey(rs, &n, &a)
		if err == nil {
			t.SignedCount += n
			t.SignedAmount += invest.Amount(a)
		}
		return err
	}, int(o.From), int(o.To)); err != nil {
		return nil, err
	}

	if err := investOverdue(ctx, tx, o, scanKey); err != nil {
		return nil, err
	}

	if o.HasCohort() {
		if err := investCohort(ctx, tx, o, scanKey); err != nil {
			return nil, err
		}
	}
	return ts, nil
}

// investCohort adds rule 5's facts of o's cohort to the tallies.
func investCohort(ctx context.Context, tx *sql.Tx, o invest.Options, scanKey func(*sql.Rows, ...any) (*invest.Tally, error)) error {
	last := int(o.To.Last())
	// The cohort's condition on a project row p, with its two parameters.
	cond, a1, a2 := `p.event = $2 AND $3 = 0`, any(o.Cohort), any(0)
	factCond, key := `f.event = $2`, any(o.Cohort)
	if o.Cohort == "" {
		cond, a1, a2 = `p.signed >= $2 AND p.signed <= $3`, o.CohortYear*10000+101, o.CohortYear*10000+1231
		factCond, key = `f.signed_year = $2`, o.CohortYear
	}
	// The cohort's projects and their dates (invest.cohortProject).
	err := eachRow(ctx, tx, `SELECT p.county, p.zone, p.origin, COUNT(*), CAST(SUM(p.amount) AS BIGINT),
			SUM(CASE WHEN p.actual_start <> 0 AND p.actual_start <= $1 THEN 1 ELSE 0 END),
			SUM(CASE WHEN p.actual_prod <> 0 AND p.actual_prod <= $1 THEN 1 ELSE 0 END),
			SUM(CASE WHEN p.contract_start <> 0 AND p.contract_start <= $1 THEN 1 ELSE 0 END),
			SUM(CASE WHEN p.contract_start <> 0 AND p.contract_start <= $1
				AND p.actual_start <> 0 AND p.actual_start <= p.contract_start
				AND (p.contract_prod = 0 OR p.contract_prod > $1 OR (p.actual_prod <> 0 AND p.actual_prod <= p.contract_prod))
				THEN 1 ELSE 0 END)
		FROM invest_projects p WHERE p.superseded_by IS NULL AND p.increase_of = '' AND `+cond+`
		GROUP BY p.county, p.zone, p.origin`, func(rs *sql.Rows) error {
		var n, amount, started, completed, due, onTime int64
		t, err := scanKey(rs, &n, &amount, &started, &completed, &due, &onTime)
		if err == nil {
			t.CohortProjects += n
			t.CohortAmount += invest.Amount(amount)
			t.Started += started
			t.Completed += completed
			t.OnTimeDue += due
			t.OnTime += onTime
		}
		return err
	}, last, a1, a2)
	if err != nil {
		return err
	}
	// Capital increases on them signed by the end: from the few increases
	// to their originals (CROSS JOIN keeps SQLite to that order).
	// (The day of signing is tested in the sum, so that the planner takes
	// the increases' index rather than the one by day of signing.)
	err = eachRow(ctx, tx, `SELECT p.county, p.zone, p.origin,
			CAST(SUM(CASE WHEN i.signed <> 0 AND i.signed <= $1 THEN i.amount ELSE 0 END) AS BIGINT)
		FROM invest_projects i CROSS JOIN invest_projects p
		WHERE i.superseded_by IS NULL AND i.increase_of <> ''
			AND p.project_id = i.increase_of AND p.superseded_by IS NULL AND p.increase_of = '' AND `+cond+`
		GROUP BY p.county, p.zone, p.origin`, func(rs *sql.Rows) error {
		var amount int64
		t, err := scanKey(rs, &amount)
		if err == nil {
			t.CohortAmount += invest.Amount(amount)
		}
		return err
	}, last, a1, a2)
	if err != nil {
		return err
	}
	// Their counted funds up to the end, and those of the increases.
	return eachRow(ctx, tx, `SELECT f.county, f.zone, f.origin, CAST(SUM(f.amount) AS BIGINT)
		FROM invest_cohort_facts f
		WHERE `+factCond+` AND f.month <= $3 AND (f.increase_signed = 0 OR f.increase_signed <= $1)
		GROUP BY f.county, f.zone, f.origin`, func(rs *sql.Rows) error {
		var amount int64
		t, err := scanKey(rs, &amount)
		if err == nil {
			t.CohortFunds += invest.Amount(amount)
		}
		return err
	}, last, key, int(o.To))
}

// eachRow runs query and calls fn on each row.
func eachRow(ctx context.Context, tx *sql.Tx, query string, fn func(*sql.Rows) error, args ...any) error {
	rs, err := tx.QueryContext(ctx, query, args...)
	if err != nil {
		return err
	}
	defer rs.Close()
	for rs.Next() {
		if err := fn(rs); err != nil {
			return err
		}
	}
	return rs.Err()
}

// investOverdue adds rule 6's overdue projects to the tallies: from the
// monthly facts for the default months, else from the projects.
func investOverdue(ctx context.Context, tx *sql.Tx, o invest.Options, scanKey func(*sql.Rows, ...any) (*invest.Tally, error)) error {
	add := func(rs *sql.Rows) error {
		var n int64
		t, err := scanKey(rs, &n)
		if err == nil {
			t.Overdue += n
		}
		return err
	}
	var horizon int
	err := tx.QueryRowContext(ctx, `SELECT month FROM invest_facts_horizon WHERE overdue_months = $1`, o.OverdueMonths).Scan(&horizon)
	switch {
	case errors.Is(err, sql.ErrNoRows):
	case err != nil:
		return err
	case horizon == 0:
		return nil // no project with a date
	default:
		return eachRow(ctx, tx, `SELECT county, zone, origin, count FROM invest_overdue_facts WHERE month = $1`,
			add, min(int(o.To), horizon))
	}
	// Those never started and those started after the end, each a range of
	// invest_projects_start (invest.IsOverdue).
	last := int(o.To.Last())
	for _, notStarted := range []string{`actual_start = 0`, `actual_start > $1`} {
		if err := eachRow(ctx, tx, `SELECT county, zone, origin, COUNT(*)
			FROM invest_projects WHERE superseded_by IS NULL AND increase_of = '' AND `+notStarted+`
				AND (terminated = 0 OR terminated > $1)
				AND ((contract_start <> 0 AND contract_start < $1) OR (contract_start = 0 AND signed <> 0 AND signed < $2))
			GROUP BY county, zone, origin`, add, last, int(o.OverdueCutoff())); err != nil {
			return err
		}
	}
	return nil
}
