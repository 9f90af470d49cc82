package store

import (
	"context"
	"database/sql"
	"fmt"
	"strconv"

	"github.com/qiangxian/qiangxian/internal/invest"
)

// KeySchedule is the scheduling view (调度) of the key projects that a
// FollowupFilter selects on a day: how many there are, how many have a
// 包抓 leader, how many are behind schedule, and one page of those.
type KeySchedule struct {
	Key    int          // key projects
	Led    int          // of which with a 包抓 leader
	Behind int          // of which behind schedule
	Page   []KeyProject // behind schedule, the earliest missed date first, then by 项目编号
}

// FollowupSchedule returns the key projects of FollowupKeyProjects (the
// current signed original projects that f selects with a 协议投资额 of at
// least min, not terminated) as scheduled on today: their counts and limit
// of those behind schedule from offset (all of them, offset ignored, when
// limit <= 0), the most days late first, then by 项目编号.
//
// Behind schedule is followup.BehindSchedule in SQL, so that a province of
// 75,000 key projects is counted and ordered in the database instead of
// read into Go: a 合同开工日期 before today without an 实际开工日期, or a
// 合同投产日期 before today without an 实际投产日期 (0 is no date; key
// projects are neither terminated nor capital increases). Days late count
// from the missed start's date, else from the missed production's, so
// that ordering by that date is ordering by days late.
// TestFollowupSchedule holds the two to the same selection and order.
func (db *DB) FollowupSchedule(ctx context.Context, f FollowupFilter, min invest.Amount, today invest.Day, limit, offset int) (
	out KeySchedule, err error) {
	defer wrap(&err, "FollowupSchedule")
	var args []any
	arg := func(v any) string {
		args = append(args, v)
		return fmt.Sprintf("$%d", len(args))
	}
	// The day, the amount and the page are written into the statement as
	// integers rather than passed: PostgreSQL plans a prepared statement
	// once for any parameters after five runs, and the plan it kept after
	// a deep page made the first page take 140 ms instead of 37.
	key := f.keyWhere(arg, min)
	t := strconv.Itoa(int(today))
	// The day a key project is late from on today, NULL when it is not
	// behind schedule.
	missed := "CASE WHEN p.contract_start <> 0 AND p.contract_start < " + t + " AND p.actual_start = 0 THEN p.contract_start" +
		" WHEN p.contract_prod <> 0 AND p.contract_prod < " + t + " AND p.actual_prod = 0 THEN p.contract_prod END"
	// The key projects are read once, from the index of migration 0025
	// alone, into k: both counts (one pass, c) and the page's choice and
	// order come from it, and only the page's rows from the table. The
	// leaders are few beside the ledger: counted from followup_projects to
	// their current versions (CROSS JOIN keeps SQLite from scanning the
	// ledger for each, as in FollowupRecords).
	with := `WITH k AS MATERIALIZED (SELECT p.project_id AS id, ` + missed + ` AS missed FROM invest_projects p WHERE ` + key + `),
		c AS (SELECT COUNT(*) AS n, COUNT(missed) AS behind FROM k)`
	counts := `c.n, c.behind, (SELECT COUNT(*) FROM followup_projects f
		CROSS JOIN invest_projects p WHERE p.project_id = f.project_id AND f.leader <> '' AND ` + key + `)`
	// By 项目编号 in byte order, as Go compares them: SQLite's default
	// collation; PostgreSQL's is the database's locale (C.UTF-8 in tests,
	// zh_CN.UTF-8 on many servers), which may order differently and,
	// being compared through the C library, took 28 ms to sort the
	// province's 44,000 projects behind schedule against a few for "C".
	byID := "id"
	if db.dialect == Postgres {
		byID = `id COLLATE "C"`
	}
	page := "" // all of them, for the meeting papers
	if limit > 0 {
		page = " LIMIT " + strconv.Itoa(limit) + " OFFSET " + strconv.Itoa(max(offset, 0))
	}
	tx, err := db.sql.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return out, err
	}
	defer tx.Rollback()
	rs, err := tx.QueryContext(ctx, with+`, s AS (SELECT id, missed FROM k WHERE missed IS NOT NULL ORDER BY missed, `+byID+page+`)
		SELECT `+prefixed("p.", investProjectSelect)+`, COALESCE(f.leader, ''), COALESCE(f.leader_dept, ''), `+counts+`
		FROM s CROSS JOIN c CROSS JOIN invest_projects p LEFT JOIN followup_projects f ON f.project_id = p.project_id
		WHERE p.project_id = s.id AND p.superseded_by IS NULL ORDER BY s.missed, s.`+byID, args...)
	if err != nil {
		return out, err
	}
	defer rs.Close()
	for rs.Next() {
		var k KeyProject
		if err := scanInvestProject(rs, &k.Project, &k.Leader, &k.LeaderDept, &out.Key, &out.Behind, &out.Led); err != nil {
			return out, err
		}
		out.Page = append(out.Page, k)
	}
	if err := rs.Err(); err != nil || len(out.Page) > 0 {
		return out, err
	}
	// An empty page (nothing behind schedule, or an offset past the end)
	// has no row to carry the counts.
	err = tx.QueryRowContext(ctx, with+` SELECT `+counts+` FROM c`, args...).Scan(&out.Key, &out.Behind, &out.Led)
	return out, err
}
