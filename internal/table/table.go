// Package table reads CSV tables (RFC 4180, UTF-8, header row) and reports
// problems at their place: FILE:LINE:COLUMN, where LINE counts physical
// lines (the header is line 1) and COLUMN is the 1-based field number.
package table

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/qiangxian/qiangxian/internal/locale"
)

func init() {
	locale.Register(map[string][2]string{
		"table.empty":      {"表格为空：没有表头", "the table is empty: no header row"},
		"table.norows":     {"表格没有数据行", "the table has no data rows"},
		"table.syntax":     {"CSV 格式错误：%s", "CSV syntax error: %s"},
		"table.number":     {"应为数值，实际为 %q", "expected a number, found %q"},
		"table.missingcol": {"缺少列 %q", "missing column %q"},
		"table.dupcol":     {"列名 %q 重复", "column %q appears twice"},
	})
}

// Table is a parsed CSV file, or a sheet of a workbook read into the same
// shape (then Sheet is set and errors name cells as Sheet!B7).
type Table struct {
	File   string
	Sheet  string // "" for CSV
	Header []string
	Rows   [][]string // every row has len(Header) fields
	Lines  []int      // physical line on which each row starts
	// Dates marks the cells of a workbook that are formatted as dates:
	// the file stores them as day counts, which are no figures.
	Dates map[Cell]bool
	// Encoding is "" for UTF-8, or the encoding the file was converted
	// from ("GB18030"), for a notice to the user.
	Encoding string
}

// Cell is a place in Rows: the 0-based row and field.
type Cell struct{ Row, Col int }

// Error is a problem at a place in a file. Line or Col may be 0 when the
// problem concerns a whole line or the whole file.
type Error struct {
	File  string
	Sheet string // set for workbooks: the place is then Sheet!<column letters><Line>
	Line  int
	Col   int
	Msg   locale.Message
}

// Format renders the error as FILE:LINE:COLUMN: message in lang, or for a
// workbook as FILE:SHEET!B7: message.
func (e *Error) Format(lang locale.Lang) string {
	var b strings.Builder
	b.WriteString(e.File)
	if e.Sheet != "" {
		b.WriteString(":" + e.Sheet)
		if e.Line > 0 {
			b.WriteString("!")
			if e.Col > 0 {
				b.WriteString(ColumnLetters(e.Col))
			}
			fmt.Fprintf(&b, "%d", e.Line)
		}
	} else if e.Line > 0 {
		fmt.Fprintf(&b, ":%d", e.Line)
		if e.Col > 0 {
			fmt.Fprintf(&b, ":%d", e.Col)
		}
	}
	b.WriteString(": ")
	b.WriteString(e.Msg.In(lang))
	return b.String()
}

func (e *Error) Error() string { return e.Format(locale.EN) }

// Errors is a list of located problems, reported together.
type Errors []*Error

func (es Errors) Error() string {
	lines := make([]string, len(es))
	for i, e := range es {
		lines[i] = e.Error()
	}
	return strings.Join(lines, "\n")
}

// Err returns es as an error, or nil when it is empty.
func (es Errors) Err() error {
	if len(es) == 0 {
		return nil
	}
	return es
}

// Col returns the 0-based index of the named column, or -1.
func (t *Table) Col(name string) int {
	for i, h := range t.Header {
		if h == name {
			return i
		}
	}
	return -1
}

// At returns the location of row r, field c (both 0-based).
func (t *Table) At(r, c int) (line, col int) { return t.Lines[r], c + 1 }

// Errorf returns an error located at row r, field c (0-based; c < 0 for the
// whole row).
func (t *Table) Errorf(r, c int, msg locale.Message) *Error {
	e := &Error{File: t.File, Sheet: t.Sheet, Msg: msg}
	if r < 0 {
		e.Line = 1
	} else {
		e.Line = t.Lines[r]
	}
	if c >= 0 {
		e.Col = c + 1
	}
	return e
}

// MissingColumn returns the error for a required column that is absent.
func (t *Table) MissingColumn(name string) *Error {
	return &Error{File: t.File, Sheet: t.Sheet, Line: 1, Msg: locale.M("table.missingcol", name)}
}

// ColumnLetters returns the spreadsheet name of 1-based column n: 1 → A,
// 27 → AA.
func ColumnLetters(n int) string {
	var b []byte
	for n > 0 {
		n--
		b = append([]byte{byte('A' + n%26)}, b...)
		n /= 26
	}
	return string(b)
}

// FormatNumber writes v with the fewest digits that read back as the same
// float64; NaN is the empty string.
func FormatNumber(v float64) string {
	if v != v {
		return ""
	}
	return strconv.FormatFloat(v, 'g', -1, 64)
}
