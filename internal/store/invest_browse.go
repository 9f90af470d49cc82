package store

import (
	"context"
	"database/sql"
	"fmt"
	"strings"

	"github.com/qiangxian/qiangxian/internal/invest"
)

// The ledger as the pages browse it (issue 17): one page of current
// projects with filters, one project with its funds rows, and the monthly
// funds of the summary.

// InvestProjectFilter selects current projects. Empty fields select all.
type InvestProjectFilter struct {
	County     string // one county
	Prefecture string // the counties of a prefecture (6-digit code, 620600)
	Stage      invest.Stage
	Query      string // part of the 项目编号, name or investor
	Year       int    // signed in that year
	// TalksCounty is the county whose projects before a contract (线索,
	// 洽谈) are shown; the others' are left out ("*": all are shown).
	TalksCounty string
	OverFunded  bool // only projects whose counted funds exceed their 协议投资额
	Limit       int  // at most 200; 0 means 50
	Offset      int
}

// InvestProjectRow is a project of the list with its counted funds in
// place (rule 3's sources with evidence) and all its funds rows' sum.
type InvestProjectRow struct {
	invest.Project
	Counted invest.Amount
	All     invest.Amount
}

// InvestFundsRow is a stored funds row of a project.
type InvestFundsRow struct {
	Month    invest.Month
	Amount   invest.Amount
	Source   string
	Evidence string
	PayerLoc string
	Revision int64
}

const investProjectSelect = `project_id, name, county, zone, investor, investor_code, investor_loc, signed, event, amount,
	contract_start, actual_start, contract_prod, actual_prod, terminated, termination_reason, increase_of, relocation, stage`

// asciiLower lowers the ASCII letters of s alone, as SQLite's LIKE folds
// case, so that a search reads the same on both databases.
func asciiLower(s string) string {
	b := []byte(s)
	for i, c := range b {
		if 'A' <= c && c <= 'Z' {
			b[i] = c + 'a' - 'A'
		}
	}
	return string(b)
}

// searchText is what a search of the ledger reads of p: its 项目编号,
// name and investor, ASCII-lowered, joined by a unit separator (which no
// query holds, so a match never straddles two fields).
func searchText(p *invest.Project) string {
	return asciiLower(p.ID + "\x1f" + p.Name + "\x1f" + p.Investor)
}

func scanInvestProject(rs interface{ Scan(...any) error }, p *invest.Project, extra ...any) error {
	var stage string
	err := rs.Scan(append([]any{&p.ID, &p.Name, &p.County, &p.Zone, &p.Investor, &p.InvestorCode, &p.InvestorLoc, &p.Signed,
		&p.Event, &p.Amount, &p.ContractStart, &p.ActualStart, &p.ContractProd, &p.ActualProd, &p.Terminated,
		&p.TerminationWhy, &p.IncreaseOf, &p.Relocation, &stage}, extra...)...)
	p.Stage = invest.Stage(stage)
	return err
}

// InvestProjects returns one page of the current projects that f selects,
// newest 项目编号 first, and how many f selects in all.
func (db *DB) InvestProjects(ctx context.Context, f InvestProjectFilter) (rows []InvestProjectRow, total int, err error) {
	defer wrap(&err, "InvestProjects")
	tx, err := db.sql.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return nil, 0, err
	}
	defer tx.Rollback()
	t := &txn{Tx: tx, ctx: ctx, db: db}
	where := []string{"p.superseded_by IS NULL"}
	var args []any
	arg := func(v any) string {
		args = append(args, v)
		return fmt.Sprintf("$%d", len(args))
	}
	// Without a search or the over-funded filter, the count is read from
	// the projects counted by county, stage and year (invest_counts.go)
	// under the same conditions, instead of counting the projects.
	counts := strings.TrimSpace(f.Query) == "" && !f.OverFunded
	var cwhere []string
	var cargs []any
	carg := func(v any) string {
		cargs = append(cargs, v)
		return fmt.Sprintf("$%d", len(cargs))
	}
	both := func(c func(arg func(any) string) string) {
		where = append(where, c(arg))
		cwhere = append(cwhere, c(carg))
	}
	if f.County != "" {
		both(func(arg func(any) string) string { return "p.county = " + arg(f.County) })
	}
	if f.Prefecture != "" && len(f.Prefecture) == 6 {
		both(func(arg func(any) string) string {
			return "p.county >= " + arg(f.Prefecture[:4]+"00") + " AND p.county <= " + arg(f.Prefecture[:4]+"99")
		})
	}
	if f.Stage != "" {
		both(func(arg func(any) string) string { return "p.stage = " + arg(string(f.Stage)) })
	}
	if f.Year != 0 {
		where = append(where, "p.signed >= "+arg(f.Year*10000)+" AND p.signed <= "+arg(f.Year*10000+1231))
		cwhere = append(cwhere, "p.signed_year = "+carg(f.Year))
	}
	if q := strings.TrimSpace(f.Query); q != "" {
		// A substring of the 项目编号, name or investor, ASCII letters in
		// either case: instr over the precomputed search text (migration
		// 0022; PostgreSQL gets instr there too) of the projects the
		// trigram index leaves (invest_search.go).
		c, err := t.searchCondition(asciiLower(q), arg)
		if err != nil {
			return nil, 0, err
		}
		where = append(where, c)
	}
	if f.TalksCounty != "*" {
		both(func(arg func(any) string) string {
			return "(p.stage NOT IN ('线索', '洽谈') OR p.county = " + arg(f.TalksCounty) + ")"
		})
	}
	if f.OverFunded {
		// The projects in the partial index of counted funds above the
		// amount (migration 0024), which are few; a project without funds
		// has none counted and is never above its amount.
		where = append(where, "p.project_id IN (SELECT s.project_id FROM invest_project_funds s WHERE s.counted > s.amount)")
	}
	const from = `invest_projects p`
	cond := strings.Join(where, " AND ")
	count, countArgs := `SELECT COUNT(*) FROM `+from+` WHERE `+cond, args
	if counts {
		count, countArgs = `SELECT COALESCE(SUM(p.projects), 0) FROM invest_project_counts p`, cargs
		if len(cwhere) > 0 {
			count += ` WHERE ` + strings.Join(cwhere, " AND ")
		}
	}
	if err := t.QueryRowContext(ctx, count, countArgs...).Scan(&total); err != nil {
		return nil, 0, err
	}
	limit := f.Limit
	if limit <= 0 {
		limit = 50
	}
	limit = min(limit, 200)
	// The page's 项目编号 (a deep page skips the ids alone, not whole
	// rows), then their rows and their funds from the current state: a
	// join of 50 rows, not of the whole selection.
	q := `SELECT ` + prefixed("p.", investProjectSelect) + `, COALESCE(s.counted, 0), COALESCE(s.total, 0)
		FROM (SELECT p.project_id FROM ` + from + ` WHERE ` + cond + ` ORDER BY p.project_id DESC LIMIT ` + arg(limit) + ` OFFSET ` + arg(max(f.Offset, 0)) + `) k
		JOIN invest_projects p ON p.project_id = k.project_id AND p.superseded_by IS NULL
		LEFT JOIN invest_project_funds s ON s.project_id = p.project_id ORDER BY p.project_id DESC`
	rs, err := t.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, 0, err
	}
	defer rs.Close()
	for rs.Next() {
		var r InvestProjectRow
		if err := scanInvestProject(rs, &r.Project, &r.Counted, &r.All); err != nil {
			return nil, 0, err
		}
		rows = append(rows, r)
	}
	return rows, total, rs.Err()
}

// InvestProject returns the current version of a project and its current
// funds rows by month; ErrNotFound when there is none.
func (db *DB) InvestProject(ctx context.Context, id string) (p invest.Project, funds []InvestFundsRow, err error) {
	defer wrap(&err, "InvestProject(%s)", id)
	tx, err := db.sql.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return p, nil, err
	}
	defer tx.Rollback()
	row := tx.QueryRowContext(ctx, `SELECT `+investProjectSelect+` FROM invest_projects
		WHERE project_id = $1 AND superseded_by IS NULL`, id)
	if err := scanInvestProject(row, &p); err == sql.ErrNoRows {
		return p, nil, ErrNotFound
	} else if err != nil {
		return p, nil, err
	}
	rs, err := tx.QueryContext(ctx, `SELECT month, amount, source, evidence, payer_loc, revision_id FROM invest_funds
		WHERE project_id = $1 AND superseded_by IS NULL ORDER BY month, id`, id)
	if err != nil {
		return p, nil, err
	}
	defer rs.Close()
	for rs.Next() {
		var f InvestFundsRow
		if err := rs.Scan(&f.Month, &f.Amount, &f.Source, &f.Evidence, &f.PayerLoc, &f.Revision); err != nil {
			return p, nil, err
		}
		funds = append(funds, f)
	}
	return p, funds, rs.Err()
}

// InvestMonthFunds is the counted funds of one month from investors of
// one origin, summed over the counties of a prefecture.
type InvestMonthFunds struct {
	Prefecture string
	Origin     invest.Origin
	Month      invest.Month
	Amount     invest.Amount
}

// InvestMonthlyFunds returns the counted funds in place of each
// prefecture, origin and month from..to, from the grouped facts.
func (db *DB) InvestMonthlyFunds(ctx context.Context, from, to invest.Month) (out []InvestMonthFunds, err error) {
	defer wrap(&err, "InvestMonthlyFunds")
	rs, err := db.sql.QueryContext(ctx, `SELECT SUBSTR(county, 1, 4), origin, month, CAST(SUM(amount) AS BIGINT)
		FROM invest_funds_facts WHERE month >= $1 AND month <= $2 AND counted
		GROUP BY SUBSTR(county, 1, 4), origin, month ORDER BY 1, 3, 2`, int(from), int(to))
	if err != nil {
		return nil, err
	}
	defer rs.Close()
	for rs.Next() {
		var m InvestMonthFunds
		var o int
		if err := rs.Scan(&m.Prefecture, &o, &m.Month, &m.Amount); err != nil {
			return nil, err
		}
		m.Prefecture += "00"
		m.Origin = invest.Origin(o)
		out = append(out, m)
	}
	return out, rs.Err()
}

// InvestLastMonth returns the latest month with any funds in place, 0
// when the ledger has none.
func (db *DB) InvestLastMonth(ctx context.Context) (m invest.Month, err error) {
	defer wrap(&err, "InvestLastMonth")
	var v sql.NullInt64
	err = db.sql.QueryRowContext(ctx, `SELECT MAX(month) FROM invest_funds_facts`).Scan(&v)
	return invest.Month(v.Int64), err
}

// InvestProjectsMatching returns the current projects whose 项目编号 is one
// of ids or whose 投资方代码 is one of codes: what a report's rows may
// replace, extend (increases, funds) or duplicate, without reading the
// whole ledger.
func (db *DB) InvestProjectsMatching(ctx context.Context, ids, codes []string) (ps []invest.Project, err error) {
	defer wrap(&err, "InvestProjectsMatching")
	if len(ids)+len(codes) == 0 {
		return nil, nil
	}
	var args []any
	list := func(vs []string) string {
		if len(vs) == 0 {
			return "NULL"
		}
		ph := make([]string, len(vs))
		for i, v := range vs {
			args = append(args, v)
			ph[i] = fmt.Sprintf("$%d", len(args))
		}
		return strings.Join(ph, ", ")
	}
	// Two indexed lookups joined, not one OR, which would scan the table.
	q := `SELECT ` + investProjectSelect + ` FROM invest_projects WHERE superseded_by IS NULL AND project_id IN (` + list(ids) + `)
		UNION SELECT ` + investProjectSelect + ` FROM invest_projects WHERE superseded_by IS NULL AND investor_code <> ''
			AND investor_code IN (` + list(codes) + `)
		ORDER BY 1`
	rs, err := db.sql.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, err
	}
	defer rs.Close()
	for rs.Next() {
		var p invest.Project
		if err := scanInvestProject(rs, &p); err != nil {
			return nil, err
		}
		ps = append(ps, p)
	}
	return ps, rs.Err()
}
