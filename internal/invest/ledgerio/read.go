package ledgerio

import (
	"cmp"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/qiangxian/qiangxian/internal/invest"
	"github.com/qiangxian/qiangxian/internal/locale"
	"github.com/qiangxian/qiangxian/internal/table"
)

// columns finds the required and optional columns of t, reporting the
// missing required ones.
func columns(t *table.Table, required, optional []string, errs *table.Errors) map[string]int {
	col := map[string]int{}
	for _, name := range required {
		if col[name] = t.Col(name); col[name] < 0 {
			*errs = append(*errs, t.MissingColumn(name))
		}
	}
	for _, name := range optional {
		col[name] = t.Col(name)
	}
	return col
}

// sorted returns es in the order of the file: by line, then column.
func sorted(es table.Errors) table.Errors {
	slices.SortStableFunc(es, func(a, b *table.Error) int {
		return cmp.Or(cmp.Compare(a.Line, b.Line), cmp.Compare(a.Col, b.Col))
	})
	return es
}

// reader reads the cells of one table, collecting located errors.
type reader struct {
	t    *table.Table
	col  map[string]int
	errs table.Errors
}

// cell returns the trimmed cell of row in column c ("" when c < 0, an
// absent optional column).
func (r *reader) cell(row int, c int) string {
	if c < 0 {
		return ""
	}
	return strings.TrimSpace(r.t.Rows[row][c])
}

func (r *reader) fail(row int, c int, key string, args ...any) {
	r.errs = append(r.errs, r.t.Errorf(row, c, locale.M(key, args...)))
}

// day reads a date cell: YYYY-MM-DD strictly, or in a workbook also a date
// cell, which the workbook reader gives as Excel's serial day number.
func (r *reader) day(row int, name int) invest.Day {
	s := r.cell(row, name)
	if s == "" {
		return 0
	}
	if d, ok := invest.ParseDay(s); ok {
		return d
	}
	if r.t.Sheet != "" {
		if d, ok := serialDay(s); ok {
			return d
		}
	}
	r.fail(row, name, "invest.date", s)
	return 0
}

// serialDay reads Excel's serial day number (1900 date system).
func serialDay(s string) (invest.Day, bool) {
	n, err := strconv.Atoi(s)
	if err != nil || n <= 60 || n >= 2958466 {
		return 0, false
	}
	return invest.DayOf(time.Date(1899, 12, 30, 0, 0, 0, 0, time.UTC).AddDate(0, 0, n)), true
}

// location reads a 投资方所在地 or 出资方所在地: "" (unknown), a 6-digit
// division code, or two letters for 境外 (returned in capitals).
func (r *reader) location(row int, name int) string {
	s := r.cell(row, name)
	if s == "" || isDivision(s) {
		return s
	}
	if len(s) == 2 && isLetter(s[0]) && isLetter(s[1]) {
		return strings.ToUpper(s)
	}
	r.fail(row, name, "invest.loc", s)
	return ""
}

func isDivision(s string) bool {
	if len(s) != 6 {
		return false
	}
	for i := 0; i < 6; i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

func isLetter(c byte) bool { return c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' }

// flag reads the 迁建 flag: 是/否, 1/0, true/false (any case); empty is no.
func (r *reader) flag(row int, name int) bool {
	switch s := r.cell(row, name); strings.ToLower(s) {
	case "", "否", "0", "false":
		return false
	case "是", "1", "true":
		return true
	default:
		r.fail(row, name, "invest.flag", s)
		return false
	}
}
