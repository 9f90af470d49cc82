package invest

import (
	"testing"

	"github.com/qiangxian/qiangxian/internal/table"
)

// d parses a day for a test ledger; "" is no day.
func d(s string) Day {
	if s == "" {
		return 0
	}
	v, ok := ParseDay(s)
	if !ok {
		panic("bad test day " + s)
	}
	return v
}

// m parses a month for a test.
func m(s string) Month {
	v, ok := ParseMonth(s)
	if !ok {
		panic("bad test month " + s)
	}
	return v
}

// yi is an amount of 亿元.
func yi(v float64) Amount {
	a, ok := ParseAmount(FormatYi(v))
	if !ok {
		panic("bad test amount")
	}
	return a
}

// FormatYi is only for tests: v in shortest form.
func FormatYi(v float64) string { return table.FormatNumber(v) }

// cells returns the metrics of unit as column → cell, failing when the
// unit has no row.
func cells(t *testing.T, rows []Row, unit string) map[string]string {
	t.Helper()
	for i := range rows {
		if rows[i].Unit == unit {
			out := map[string]string{}
			cs := rows[i].Cells(false)
			for j, c := range Columns {
				out[c] = cs[j]
			}
			return out
		}
	}
	t.Fatalf("no row for %s in %v", unit, rows)
	return nil
}

// check compares the named columns of unit's row with want.
func check(t *testing.T, rows []Row, unit string, want map[string]string) {
	t.Helper()
	got := cells(t, rows, unit)
	for c, w := range want {
		if got[c] != w {
			t.Errorf("%s %s = %q, want %q", unit, c, got[c], w)
		}
	}
}

// units lists the rows' units.
func units(rows []Row) []string {
	var us []string
	for _, r := range rows {
		us = append(us, r.Unit)
	}
	return us
}

// ledger builds a ledger from projects and funds rows naming projects by
// 项目编号, resolving capital increases.
func ledger(ps []Project, fs []fundsRow) *Ledger {
	index := map[string]int{}
	for i := range ps {
		index[ps[i].ID] = i
	}
	ResolveIncreases(ps, index)
	l := &Ledger{Projects: ps}
	for _, f := range fs {
		src, ok := ParseSource(f.source)
		if !ok {
			panic("bad test source " + f.source)
		}
		l.Funds = append(l.Funds, Funds{Project: index[f.id], Month: m(f.month), Amount: yi(f.amount), Source: src,
			Evidence: f.evidence != "", PayerLoc: f.payer})
	}
	return l
}

type fundsRow struct {
	id, month string
	amount    float64
	source    string
	evidence  string
	payer     string
}

func opts(level Level, from, to string) Options {
	return Options{Level: level, Scope: ScopePrefecture, From: m(from), To: m(to), OverdueMonths: DefaultOverdueMonths}
}
