package store

import (
	"context"
	"database/sql"
	"fmt"
	"math"
	"slices"
	"strings"

	"github.com/qiangxian/qiangxian/internal/invest"
)

// The investment ledger (issue 16): every imported version of a project and
// of the funds of a project's month, the current ones being those without
// superseded_by, and, rebuilt from the current ledger in the same
// transaction as every import, the grouped facts that InvestMetrics reads
// (invest_funds_facts, invest_cohort_facts, invest_places).

const investProjectColumns = `project_id, revision_id, name, county, zone, investor, investor_code, investor_loc, origin,
	signed, event, amount, contract_start, actual_start, contract_prod, actual_prod, terminated, termination_reason,
	increase_of, relocation, stage, industry, chain_node, search`

const investFundsColumns = `revision_id, project_id, month, amount, source, evidence, payer_loc`

func init() {
	// The ledger goes into backups after the revisions it refers to.
	dumpTables = append(dumpTables,
		dumpTable{"invest_projects", "id, superseded_by, " + investProjectColumns + ", moved_from", "iisissssssiisiiiiiissbsssss", "id", true},
		dumpTable{"invest_investors", "project_id, revision_id, position, investor, code, location, share", "siisssf", "project_id, revision_id, position", false},
		dumpTable{"invest_stage_changes", "id, project_id, from_stage, to_stage, day, note, recorded_at, recorded_by", "isssists", "id", true},
		dumpTable{"invest_funds", "id, superseded_by, " + investFundsColumns, "iiisiisss", "id", true},
		dumpTable{"invest_funds_facts", "county, zone, origin, month, counted, amount", "ssiibi", "county, zone, origin, month, counted", false},
		dumpTable{"invest_signed_facts", "county, zone, origin, month, increase, relocation, projects, amount", "ssiibbii",
			"county, zone, origin, month, increase, relocation", false},
		dumpTable{"invest_cohort_facts", "county, zone, origin, event, signed_year, month, increase_signed, amount", "ssisiiii",
			"county, zone, origin, event, signed_year, month, increase_signed", false},
		dumpTable{"invest_overdue_facts", "county, zone, origin, month, count", "ssiii", "county, zone, origin, month", false},
		dumpTable{"invest_facts_horizon", "overdue_months, month", "ii", "overdue_months", false},
		dumpTable{"invest_places", "county, zone", "ss", "county, zone", false})
}

// InvestFunds is a funds row as imported: the project's 项目编号 and the
// row (whose Project index the store ignores).
type InvestFunds struct {
	ProjectID string
	invest.Funds
}

// ImportInvestProjects records projects (new ones, and new versions of known
// ones by 项目编号) as one revision, all or nothing, with its audit row.
// Capital increases must come with their place and investor resolved
// (invest.ResolveIncreases); the caller checks the table (ingest).
func (db *DB) ImportInvestProjects(ctx context.Context, actor Actor, note RevisionNote, ps []invest.Project) (rev Revision, err error) {
	defer wrap(&err, "ImportInvestProjects(%s)", note.Source)
	if len(ps) == 0 {
		return rev, refuse(ErrInvalid, "store.invest.noProjects")
	}
	seen := map[string]bool{}
	for i := range ps {
		if id := ps[i].ID; id == "" || seen[id] || ps[i].County == "" {
			return rev, refuse(ErrInvalid, "store.invest.projectID", i+1, "项目编号")
		}
		seen[ps[i].ID] = true
	}
	if note.Kind == "" {
		note.Kind = "invest-projects"
	}
	err = db.change(ctx, actor, func(t *txn) error {
		var err error
		rev, err = t.importInvestProjects(note, ps)
		return err
	})
	return rev, err
}

// importInvestProjects is ImportInvestProjects inside t.
func (t *txn) importInvestProjects(note RevisionNote, ps []invest.Project) (rev Revision, err error) {
	defer t.largeWrite(len(ps))()
	if rev, err = t.newRevision(note); err != nil {
		return rev, err
	}
	if err := t.insertBatch("invest_projects", splitColumns(investProjectColumns), len(ps), func(i int, dst []any) []any {
		p := &ps[i]
		stage := p.Stage
		if stage == "" {
			stage = invest.StageOf(p, 99991231)
		}
		return append(dst, p.ID, rev.ID, p.Name, p.County, p.Zone, p.Investor, p.InvestorCode, p.InvestorLoc,
			int(invest.Classify(p.County, p.InvestorLoc)), int(p.Signed), p.Event, int64(p.Amount), int(p.ContractStart),
			int(p.ActualStart), int(p.ContractProd), int(p.ActualProd), int(p.Terminated), p.TerminationWhy,
			p.IncreaseOf, p.Relocation, string(stage), p.Industry, p.ChainNode, searchText(p))
	}); err != nil {
		return rev, err
	}
	if err := t.insertBatch("invest_investors", []string{"project_id", "revision_id", "position", "investor", "code", "location", "share"},
		len(ps), func(i int, dst []any) []any {
			p := &ps[i]
			return append(dst, p.ID, rev.ID, 1, p.Investor, p.InvestorCode, p.InvestorLoc, 1.0)
		}); err != nil {
		return rev, err
	}
	if _, err := t.Exec(`UPDATE invest_projects SET superseded_by = $1
		WHERE superseded_by IS NULL AND revision_id < $1 AND EXISTS (SELECT 1 FROM invest_projects n
			WHERE n.revision_id = $1 AND n.project_id = invest_projects.project_id)`, rev.ID); err != nil {
		return rev, err
	}
	// The versions of projects whose county changed record the one
	// before (migration 0024), for the office's review of moves.
	if _, err := t.Exec(`UPDATE invest_projects SET moved_from = (SELECT o.county FROM invest_projects o
		WHERE o.project_id = invest_projects.project_id AND o.revision_id < $1 AND o.county <> invest_projects.county
		ORDER BY o.revision_id DESC LIMIT 1)
		WHERE revision_id = $1 AND EXISTS (SELECT 1 FROM invest_projects o WHERE o.project_id = invest_projects.project_id
			AND o.revision_id < $1 AND o.county <> invest_projects.county)`, rev.ID); err != nil {
		return rev, err
	}
	if err := t.setProjectFundsAmounts(rev.ID); err != nil {
		return rev, err
	}
	texts := make(map[string]string, len(ps))
	for i := range ps {
		texts[ps[i].ID] = searchText(&ps[i])
	}
	if err := t.indexSearch(rev.ID, texts); err != nil {
		return rev, err
	}
	if err := t.rebuildProjectCounts(); err != nil {
		return rev, err
	}
	l, err := t.investLedger()
	if err != nil {
		return rev, err
	}
	if err := checkIncreases(l); err != nil {
		return rev, err
	}
	if err := t.investLedgerChanged(rev.ID, l); err != nil {
		return rev, err
	}
	return rev, t.audit("import", "invest_projects", fmt.Sprint(rev.ID), map[string]any{"projects": len(ps), "source": note.Source, "note": note.Note})
}

// checkIncreases refuses a ledger in which an increase names no current
// original project.
func checkIncreases(l *invest.Ledger) error {
	ids := make(map[string]bool, len(l.Projects))
	for i := range l.Projects {
		if !l.Projects[i].IsIncrease() {
			ids[l.Projects[i].ID] = true
		}
	}
	for i := range l.Projects {
		if p := &l.Projects[i]; p.IsIncrease() && !ids[p.IncreaseOf] {
			return refuse(ErrInvalid, "store.invest.increaseOf", p.ID, p.IncreaseOf)
		}
	}
	return nil
}

// ImportInvestFunds records funds rows as one revision, all or nothing: they
// replace the current rows of every (project, month) they hold. Every
// project must be in the ledger.
func (db *DB) ImportInvestFunds(ctx context.Context, actor Actor, note RevisionNote, fs []InvestFunds) (rev Revision, err error) {
	defer wrap(&err, "ImportInvestFunds(%s)", note.Source)
	if len(fs) == 0 {
		return rev, refuse(ErrInvalid, "store.invest.noFunds")
	}
	for i := range fs {
		if fs[i].Source.String() == "" || fs[i].Month == 0 {
			return rev, refuse(ErrInvalid, "store.invest.fundsRow", i+1)
		}
	}
	if note.Kind == "" {
		note.Kind = "invest-funds"
	}
	err = db.change(ctx, actor, func(t *txn) error {
		var err error
		rev, err = t.importInvestFunds(note, fs)
		return err
	})
	return rev, err
}

// importInvestFunds is ImportInvestFunds inside t.
func (t *txn) importInvestFunds(note RevisionNote, fs []InvestFunds) (rev Revision, err error) {
	defer t.largeWrite(len(fs))()
	before, eff, err := t.ledgerBefore()
	if err != nil {
		return rev, err
	}
	if rev, err = t.newRevision(note); err != nil {
		return rev, err
	}
	evidence := func(f *InvestFunds) string {
		if f.Evidence {
			return "有"
		}
		return ""
	}
	if err := t.insertBatch("invest_funds", splitColumns(investFundsColumns), len(fs), func(i int, dst []any) []any {
		f := &fs[i]
		return append(dst, rev.ID, f.ProjectID, int(f.Month), int64(f.Amount), f.Source.String(), evidence(f), f.PayerLoc)
	}); err != nil {
		return rev, err
	}
	if _, err := t.Exec(`UPDATE invest_funds SET superseded_by = $1
		WHERE superseded_by IS NULL AND revision_id < $1 AND EXISTS (SELECT 1 FROM invest_funds n
			WHERE n.revision_id = $1 AND n.project_id = invest_funds.project_id AND n.month = invest_funds.month)`, rev.ID); err != nil {
		return rev, err
	}
	refresh := func() error {
		return t.refreshProjectFunds(`SELECT project_id FROM invest_funds WHERE revision_id = $1`, rev.ID)
	}
	if len(fs) > 10_000 {
		refresh = func() error { return t.refreshProjectFunds("") }
	}
	if err := refresh(); err != nil {
		return rev, err
	}
	var l *invest.Ledger
	if before != nil {
		l, err = t.ledgerWithFunds(before, eff, rev.ID, fs)
	}
	if l == nil && err == nil {
		l, err = t.investLedger()
	}
	if err != nil {
		return rev, err
	}
	if err := t.investLedgerChanged(rev.ID, l); err != nil {
		return rev, err
	}
	return rev, t.audit("import", "invest_funds", fmt.Sprint(rev.ID), map[string]any{"rows": len(fs), "source": note.Source, "note": note.Note})
}

// InvestLedger returns the current ledger: every project's latest version
// (by 项目编号) and the current funds rows, in import order.
func (db *DB) InvestLedger(ctx context.Context) (l *invest.Ledger, err error) {
	defer wrap(&err, "InvestLedger")
	tx, err := db.sql.BeginTx(ctx, &sql.TxOptions{ReadOnly: true}) // a snapshot, without SQLite's write lock
	if err != nil {
		return nil, err
	}
	defer tx.Rollback()
	t := &txn{Tx: tx, ctx: ctx, db: db}
	// The current ledger is the ledger as of the latest revision that
	// changed it, mostly kept or stored whole; the caller gets its own copy
	// of the rows.
	eff, err := t.effectiveLedgerRevision(math.MaxInt64)
	if err != nil || eff == 0 {
		return t.investLedger()
	}
	kept, err := db.keptLedger(t, eff)
	if err != nil {
		return nil, err
	}
	return &invest.Ledger{Projects: slices.Clone(kept.Projects), Funds: slices.Clone(kept.Funds)}, nil
}

// InvestLedgerAsOf returns the ledger as it stood at revision rev: the
// versions of projects and funds rows recorded by then and not yet
// superseded. An evaluation run reads the ledger's metrics so, as of the
// revision it records. The ledger is shared with other callers of the same
// effective revision (invest_ledger_cache.go): read it, do not change its
// rows. The latest is read first from its stored snapshot
// (invest_ledger_snapshot.go), an older one from the rows.
func (db *DB) InvestLedgerAsOf(ctx context.Context, rev int64) (l *invest.Ledger, err error) {
	defer wrap(&err, "InvestLedgerAsOf(%d)", rev)
	if rev <= 0 {
		return nil, refuse(ErrInvalid, "store.invest.revision", rev)
	}
	tx, err := db.sql.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return nil, err
	}
	defer tx.Rollback()
	t := &txn{Tx: tx, ctx: ctx, db: db}
	eff, err := t.effectiveLedgerRevision(rev)
	if err != nil {
		return nil, err
	}
	if eff == 0 {
		return t.investLedgerAsOf(rev)
	}
	return db.keptLedger(t, eff)
}

// keptLedger returns the ledger as of eff, an effective revision, inside t:
// the one kept in memory, else the stored snapshot of eff
// (invest_ledger_snapshot.go), else the rows; kept in memory then.
func (db *DB) keptLedger(t *txn, eff int64) (*invest.Ledger, error) {
	if l := db.ledgers.get(eff); l != nil {
		return l, nil
	}
	l, err := t.ledgerSnapshot(eff)
	if err == nil && l == nil {
		l, err = t.investLedgerAsOf(eff)
	}
	if err != nil {
		return nil, err
	}
	db.ledgers.put(eff, l)
	return db.ledgers.get(eff), nil
}

// investLedger reads the current ledger inside t.
func (t *txn) investLedger() (*invest.Ledger, error) { return t.investLedgerAsOf(0) }

// investLedgerAsOf reads the ledger as of revision rev inside t; 0 is the
// current ledger.
func (t *txn) investLedgerAsOf(rev int64) (*invest.Ledger, error) {
	current := `superseded_by IS NULL`
	var args []any
	if rev > 0 {
		current = `revision_id <= $1 AND (superseded_by IS NULL OR superseded_by > $1)`
		args = []any{rev}
	}
	rows, err := t.QueryContext(t.ctx, `SELECT project_id, name, county, zone, investor, investor_code, investor_loc,
		signed, event, amount, contract_start, actual_start, contract_prod, actual_prod, terminated, termination_reason,
		increase_of, relocation, stage, industry, chain_node FROM invest_projects WHERE `+current+` ORDER BY project_id`, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	l := &invest.Ledger{}
	index := map[string]int{}
	for rows.Next() {
		var p invest.Project
		var stage string
		if err := rows.Scan(&p.ID, &p.Name, &p.County, &p.Zone, &p.Investor, &p.InvestorCode, &p.InvestorLoc, &p.Signed,
			&p.Event, &p.Amount, &p.ContractStart, &p.ActualStart, &p.ContractProd, &p.ActualProd, &p.Terminated,
			&p.TerminationWhy, &p.IncreaseOf, &p.Relocation, &stage, &p.Industry, &p.ChainNode); err != nil {
			return nil, err
		}
		p.Stage = invest.Stage(stage)
		index[p.ID] = len(l.Projects)
		l.Projects = append(l.Projects, p)
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	rows.Close()
	frows, err := t.QueryContext(t.ctx, `SELECT project_id, month, amount, source, evidence, payer_loc
		FROM invest_funds WHERE `+current+` ORDER BY id`, args...)
	if err != nil {
		return nil, err
	}
	defer frows.Close()
	var id, source, evidence string
	for frows.Next() {
		var f invest.Funds
		if err := frows.Scan(&id, &f.Month, &f.Amount, &source, &evidence, &f.PayerLoc); err != nil {
			return nil, err
		}
		i, ok := index[id]
		if !ok {
			return nil, refuse(ErrInvalid, "store.invest.fundsUnknown", id)
		}
		f.Project, f.Evidence = i, strings.TrimSpace(evidence) != ""
		f.Source, _ = invest.ParseSource(source)
		l.Funds = append(l.Funds, f)
	}
	if err := frows.Err(); err != nil {
		return nil, err
	}
	frows.Close()
	return l, t.addVerifications(l, index, rev)
}

// rebuildInvestFacts replaces the grouped facts with those of l.
func (t *txn) rebuildInvestFacts(l *invest.Ledger) error {
	for _, table := range []string{"invest_funds_facts", "invest_signed_facts", "invest_cohort_facts", "invest_overdue_facts",
		"invest_facts_horizon", "invest_places"} {
		if _, err := t.Exec(`DELETE FROM ` + table); err != nil {
			return err
		}
	}
	ff := invest.FundsFacts(l)
	if err := t.insertBatch("invest_funds_facts", []string{"county", "zone", "origin", "month", "counted", "amount"}, len(ff),
		func(i int, dst []any) []any {
			f := &ff[i]
			return append(dst, f.County, f.Zone, int(f.Origin), int(f.Month), f.Counted, int64(f.Amount))
		}); err != nil {
		return err
	}
	sf := invest.SignedFacts(l)
	if err := t.insertBatch("invest_signed_facts", []string{"county", "zone", "origin", "month", "increase", "relocation", "projects", "amount"},
		len(sf), func(i int, dst []any) []any {
			f := &sf[i]
			return append(dst, f.County, f.Zone, int(f.Origin), int(f.Month), f.Increase, f.Relocation, f.Projects, int64(f.Amount))
		}); err != nil {
		return err
	}
	cf := invest.CohortFundsFacts(l)
	if err := t.insertBatch("invest_cohort_facts", []string{"county", "zone", "origin", "event", "signed_year", "month", "increase_signed", "amount"},
		len(cf), func(i int, dst []any) []any {
			f := &cf[i]
			return append(dst, f.County, f.Zone, int(f.Origin), f.Event, f.SignedYear, int(f.Month), int(f.IncreaseSigned), int64(f.Amount))
		}); err != nil {
		return err
	}
	of, horizon := invest.OverdueFacts(l, invest.DefaultOverdueMonths)
	if err := t.insertBatch("invest_overdue_facts", []string{"county", "zone", "origin", "month", "count"}, len(of),
		func(i int, dst []any) []any {
			f := &of[i]
			return append(dst, f.County, f.Zone, int(f.Origin), int(f.Month), f.Count)
		}); err != nil {
		return err
	}
	if _, err := t.Exec(`INSERT INTO invest_facts_horizon (overdue_months, month) VALUES ($1, $2)`,
		invest.DefaultOverdueMonths, int(horizon)); err != nil {
		return err
	}
	places := map[[2]string]bool{}
	var list [][2]string
	for i := range l.Projects {
		k := [2]string{l.Projects[i].County, l.Projects[i].Zone}
		if !places[k] {
			places[k] = true
			list = append(list, k)
		}
	}
	if len(list) == 0 {
		return nil
	}
	return t.insertBatch("invest_places", []string{"county", "zone"}, len(list), func(i int, dst []any) []any {
		return append(dst, list[i][0], list[i][1])
	})
}
