package ledgerio

import (
	"github.com/qiangxian/qiangxian/internal/invest"
	"github.com/qiangxian/qiangxian/internal/table"
)

// ReadFunds reads the funds table against the projects' index (项目编号 →
// position): every row's 项目编号 must be known.
func ReadFunds(t *table.Table, index map[string]int) ([]invest.Funds, error) {
	r := &reader{t: t}
	r.col = columns(t, FundsColumns, []string{ColPayerLoc}, &r.errs)
	if len(r.errs) > 0 {
		return nil, r.errs
	}
	cID := r.col[ColID]
	cMonth := r.col[ColMonth]
	cFunds := r.col[ColFunds]
	cSource := r.col[ColSource]
	cEvidence := r.col[ColEvidence]
	cPayerLoc := r.col[ColPayerLoc]
	fs := make([]invest.Funds, len(t.Rows))
	var lastID string
	var lastIndex int
	var lastOK bool
	for i := range t.Rows {
		f := &fs[i]
		// Funds rows usually come grouped by project: look the 项目编号 up
		// only when it changes.
		if id := r.cell(i, cID); i == 0 || id != lastID {
			lastID = id
			lastIndex, lastOK = index[id]
		}
		if lastOK {
			f.Project = lastIndex
		} else {
			r.fail(i, cID, "invest.unknownid", lastID)
		}
		f.Month = r.month(i, cMonth)
		switch s := r.cell(i, cFunds); {
		case s == "":
			r.fail(i, cFunds, "invest.noamount")
		default:
			a, ok := invest.ParseAmount(s)
			if !ok {
				r.fail(i, cFunds, "invest.amount", s)
			}
			f.Amount = a
		}
		s := r.cell(i, cSource)
		src, ok := invest.ParseSource(s)
		if !ok {
			r.fail(i, cSource, "invest.source", s)
		}
		f.Source = src
		f.Evidence = r.cell(i, cEvidence) != ""
		f.PayerLoc = r.location(i, cPayerLoc)
	}
	if len(r.errs) > 0 {
		return fs, sorted(r.errs)
	}
	return fs, nil
}

// month reads a month cell: YYYY-MM strictly, or in a workbook also a date
// cell (the month it falls in).
func (r *reader) month(row int, name int) invest.Month {
	s := r.cell(row, name)
	if m, ok := invest.ParseMonth(s); ok {
		return m
	}
	if r.t.Sheet != "" {
		if d, ok := serialDay(s); ok {
			return d.Month()
		}
	}
	r.fail(row, name, "invest.month", s)
	return 0
}

// ReadLedger reads the projects and funds tables together; the error lists
// every problem of both, the projects' first.
func ReadLedger(projects, funds *table.Table) (*invest.Ledger, error) {
	var errs table.Errors
	ps, index, err := ReadProjects(projects)
	if err != nil {
		errs = append(errs, err.(table.Errors)...)
	}
	if index == nil {
		index = map[string]int{}
	}
	fs, err := ReadFunds(funds, index)
	if err != nil {
		errs = append(errs, err.(table.Errors)...)
	}
	if len(errs) > 0 {
		return nil, errs
	}
	return &invest.Ledger{Projects: ps, Funds: fs}, nil
}
