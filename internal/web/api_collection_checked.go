package web

import (
	"context"
	"net/http"
	"strings"

	"github.com/qiangxian/qiangxian/internal/ingest"
	"github.com/qiangxian/qiangxian/internal/locale"
	"github.com/qiangxian/qiangxian/internal/store"
	"github.com/qiangxian/qiangxian/internal/table"
	"github.com/qiangxian/qiangxian/internal/workflow"
)

// checked is the outcome of a checked import: a revision when the figures
// went in, or the held import when soft rules flagged some of them.
type checked struct {
	Revision *store.Revision
	Held     *store.PendingImport
}

// checkedImport is the collection's import: the table is checked cell by
// cell as every import is (ingest.CheckWide: unknown units, text in number
// cells, indicators of other departments), then by the check rules. A hard
// finding rejects the whole table like a bad cell (table.Errors, 422),
// located at its cell; soft findings hold it (store.HoldImport) until
// every flagged cell is explained; a table without findings is imported at
// once as one revision.
func (s *Server) checkedImport(r *http.Request, t *table.Table, period, note string) (checked, error) {
	return s.checkedImportOpts(r, t, ingest.Options{Note: store.RevisionNote{Kind: "import", Source: t.File, Note: note}, Period: period})
}

// checkedImportOpts is checkedImport with every import option (e.g. the
// status the figures are recorded with).
func (s *Server) checkedImportOpts(r *http.Request, t *table.Table, opts ingest.Options) (checked, error) {
	ctx, c := r.Context(), callerOf(r)
	t, err := s.resolveNames(r, t)
	if err != nil {
		return checked{}, err
	}
	if err := s.checkColumns(r, t); err != nil {
		return checked{}, err
	}
	rn, note := opts.Note, opts.Note.Note
	rows, err := ingest.CheckWide(ctx, s.db, c.principal(), t, opts)
	if err != nil {
		return checked{}, err
	}
	findings, err := s.evaluate(ctx, rows)
	if err != nil {
		return checked{}, err
	}
	hard, soft := workflow.Split(findings)
	at := cellLocator(t, s.indicatorIndex(ctx))
	if len(hard) > 0 {
		errs := make(table.Errors, 0, len(hard))
		for _, f := range hard {
			row, col := at(f.Unit, f.Indicator)
			e := &table.Error{File: t.File, Sheet: t.Sheet, Msg: f.Msg}
			if row >= 0 {
				e = t.Errorf(row, col, f.Msg)
			}
			errs = append(errs, e)
		}
		return checked{}, errs
	}
	if len(soft) == 0 {
		rev, err := s.db.ImportObservations(ctx, c.actor(), rn, rows)
		if err != nil {
			return checked{}, err
		}
		return checked{Revision: &rev}, nil
	}
	held := store.PendingImport{Department: c.user.Department, Period: rows[0].Period, Source: t.File, Note: note, Rows: rows}
	for _, f := range soft {
		sf := storeFinding(f)
		if row, col := at(f.Unit, f.Indicator); row >= 0 {
			sf.Place = strings.TrimSuffix(t.Errorf(row, col, locale.Message{}).Format(locale.ZH), ": ")
		}
		held.Findings = append(held.Findings, sf)
	}
	p, err := s.db.HoldImport(ctx, c.actor(), held)
	if err != nil {
		return checked{}, err
	}
	return checked{Held: &p}, nil
}

// evaluate applies the enabled check rules to rows, period by period.
func (s *Server) evaluate(ctx context.Context, rows []store.Observation) ([]workflow.Finding, error) {
	rules, err := s.db.CheckRules(ctx)
	if err != nil {
		return nil, err
	}
	byPeriod := map[string][]workflow.Figure{}
	var periods []string
	for _, o := range rows {
		if _, ok := byPeriod[o.Period]; !ok {
			periods = append(periods, o.Period)
		}
		byPeriod[o.Period] = append(byPeriod[o.Period], workflow.Figure{Unit: o.Unit, Indicator: o.Indicator, Value: o.Value})
	}
	var out []workflow.Finding
	for _, p := range periods {
		in, err := s.db.CheckInput(ctx, p, byPeriod[p])
		if err != nil {
			return nil, err
		}
		out = append(out, workflow.Evaluate(rules, in)...)
	}
	return out, nil
}

// storeFinding is a finding as a held import keeps it, in both languages.
func storeFinding(f workflow.Finding) store.Finding {
	v := f.Value
	return store.Finding{RuleID: f.RuleID, RuleName: f.RuleName, Severity: f.Severity, Unit: f.Unit, Indicator: f.Indicator,
		Value: &v, MessageZH: f.Msg.In(locale.ZH), MessageEN: f.Msg.In(locale.EN)}
}

// indicatorIndex maps every way a column may name an indicator (its code,
// its Chinese name) to its code; errors leave it empty (cells are then
// reported without a place).
func (s *Server) indicatorIndex(ctx context.Context) map[string]string {
	inds, _ := s.db.Indicators(ctx, "")
	m := make(map[string]string, 2*len(inds))
	for _, i := range inds {
		m[i.Code], m[i.NameZH] = i.Code, i.Code
	}
	return m
}

// cellLocator finds the cell of a unit's figure of an indicator in t, as
// the import reads it (the 代码 column, headers by code, name or
// "名称（code）"); -1 when it is not there.
func cellLocator(t *table.Table, index map[string]string) func(unit, indicator string) (row, col int) {
	codeCol := -1
	for _, n := range []string{"代码", "单位代码", "code", "unit"} {
		if codeCol = t.Col(n); codeCol >= 0 {
			break
		}
	}
	cols := map[string]int{}
	for j, h := range t.Header {
		h = strings.TrimSpace(h)
		if i := strings.LastIndexAny(h, "（("); i >= 0 && (strings.HasSuffix(h, "）") || strings.HasSuffix(h, ")")) {
			if code, ok := index[strings.TrimLeft(strings.TrimRight(h[i:], "）)"), "（(")]; ok {
				cols[code] = j
				continue
			}
		}
		if code, ok := index[h]; ok {
			cols[code] = j
		}
	}
	rows := map[string]int{}
	if codeCol >= 0 {
		for i, row := range t.Rows {
			if u := strings.TrimSpace(row[codeCol]); u != "" {
				if _, dup := rows[u]; !dup {
					rows[u] = i
				}
			}
		}
	}
	return func(unit, indicator string) (int, int) {
		r, okR := rows[unit]
		c, okC := cols[indicator]
		if !okR || !okC {
			return -1, -1
		}
		return r, c
	}
}
