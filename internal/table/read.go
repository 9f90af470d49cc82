package table

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/qiangxian/qiangxian/internal/locale"
)

// Read parses a CSV table within DefaultLimits; see ReadWith.
func Read(file string, r io.Reader) (*Table, error) {
	return ReadWith(file, r, DefaultLimits())
}

// ReadWith parses a CSV table, streaming, within lim: a file over a limit
// is refused where it goes over, so memory stays bounded by the limits
// whatever the file holds (a 63 MiB header line of commas is refused after
// lim.Columns fields). A UTF-8 byte-order mark is skipped; a file in
// GB18030 (or GBK, its subset) is detected and converted, and Encoding
// says so. Rows with a different number of fields than the header are
// errors, as is a table without a header row.
func ReadWith(file string, r io.Reader, lim Limits) (*Table, error) {
	t := &Table{File: file}
	src, enc, err := decode(file, r, lim)
	if err != nil {
		return nil, err
	}
	t.Encoding = enc
	g := &guard{src: src, lim: lim, line: 1, field: 1}
	cr := csv.NewReader(g)
	cr.FieldsPerRecord = -1
	cr.ReuseRecord = true
	var errs Errors
	for {
		rec, err := cr.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			var le *limitError
			var pe *csv.ParseError
			switch {
			case errors.As(err, &le):
				return nil, Errors{{File: file, Line: le.line, Col: le.col, Msg: le.msg}}
			case errors.As(err, &pe):
				return nil, Errors{{File: file, Line: pe.Line, Msg: locale.M("table.syntax", pe.Err.Error())}}
			}
			return nil, err
		}
		line, _ := cr.FieldPos(0)
		if e := checkFields(file, cr, rec, lim, enc); e != nil {
			return nil, Errors{e}
		}
		if t.Header == nil {
			t.Header = make([]string, len(rec))
			for i := range rec {
				t.Header[i] = strings.TrimSpace(rec[i])
			}
			continue
		}
		if len(rec) != len(t.Header) {
			if len(rec) == 1 && strings.TrimSpace(rec[0]) == "" {
				continue // a blank line
			}
			errs = append(errs, &Error{File: file, Line: line, Col: min(len(rec), len(t.Header)) + 1,
				Msg: locale.M("table.syntax", fmt.Sprintf("%d fields, header has %d", len(rec), len(t.Header)))})
			if len(errs) >= maxErrors {
				return nil, errs
			}
			continue
		}
		switch {
		case len(t.Rows) >= lim.Rows:
			return nil, Errors{{File: file, Line: line, Msg: locale.M("limit.rows", lim.Rows)}}
		case (len(t.Rows)+2)*len(t.Header) > lim.Cells: // the header and this row included
			return nil, Errors{{File: file, Line: line, Msg: locale.M("limit.cells", lim.Cells)}}
		}
		t.Rows = append(t.Rows, copyRecord(rec))
		t.Lines = append(t.Lines, line)
	}
	if t.Header == nil {
		return nil, Errors{{File: file, Line: 1, Msg: locale.M("table.empty")}}
	}
	seen := map[string]int{}
	for i, h := range t.Header {
		if j, dup := seen[h]; dup && h != "" {
			errs = append(errs, &Error{File: file, Line: 1, Col: i + 1, Msg: locale.M("table.dupcol", t.Header[j])})
		}
		seen[h] = i
	}
	if err := errs.Err(); err != nil {
		return nil, err
	}
	return t, nil
}

// maxErrors stops a reader listing problems: a file that is wrong
// everywhere says so in its first hundred.
const maxErrors = 100

// copyRecord copies a reused record into one string, as csv.Reader does
// for a fresh record, so a row costs one allocation for its text.
func copyRecord(rec []string) []string {
	n := 0
	for _, f := range rec {
		n += len(f)
	}
	var b strings.Builder
	b.Grow(n)
	for _, f := range rec {
		b.WriteString(f)
	}
	all := b.String()
	out := make([]string, len(rec))
	for i, f := range rec {
		out[i], all = all[:len(f)], all[len(f):]
	}
	return out
}

// checkFields refuses a field over the cell limit and text that is not
// UTF-8 (or, in a converted file, that did not convert).
func checkFields(file string, cr *csv.Reader, rec []string, lim Limits, enc string) *Error {
	for i, f := range rec {
		line, _ := cr.FieldPos(i)
		switch {
		case len(f) > lim.CellBytes:
			return &Error{File: file, Line: line, Col: i + 1, Msg: locale.M("limit.cell", lim.CellBytes)}
		case !utf8.ValidString(f) || enc != "" && strings.ContainsRune(f, utf8.RuneError):
			return &Error{File: file, Line: line, Col: i + 1, Msg: locale.M("table.utf8")}
		}
	}
	return nil
}

// limitError is a limit that the guard found exceeded, at a place.
type limitError struct {
	line, col int
	msg       locale.Message
}

func (e *limitError) Error() string { return e.msg.In(locale.EN) }

// guard passes a CSV stream through, counting as it goes: the whole
// file's bytes, a record's bytes and fields (commas outside quotes), so
// that csv.Reader never gets to build a record larger than the limits.
type guard struct {
	src io.Reader
	lim Limits
	// line is the physical line, field the field of the current record
	// and recBytes its length so far.
	line, field, recBytes int
	quoted                bool
	err                   error
}

func (g *guard) Read(p []byte) (int, error) {
	if g.err != nil {
		return 0, g.err
	}
	n, err := g.src.Read(p)
	for i := 0; i < n; i++ {
		g.recBytes++
		switch p[i] {
		case '"':
			g.quoted = !g.quoted
		case ',':
			if !g.quoted {
				g.field++
			}
		case '\n':
			g.line++
			if !g.quoted {
				g.field, g.recBytes = 1, 0
			}
		}
		var msg locale.Message
		col := 0
		switch {
		case g.field > g.lim.Columns:
			msg, col = locale.M("limit.cols", g.lim.Columns), g.field
		case g.recBytes > g.lim.RowBytes:
			msg = locale.M("limit.row", g.lim.RowBytes)
		default:
			continue
		}
		g.err = &limitError{line: g.line, col: col, msg: msg}
		return i, g.err
	}
	return n, err
}
