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
		if e := checkFields(file, cr, rec, lim, enc != "" || g.invalid); e != nil {
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
		t.Rows = append(t.Rows, rec)
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

// checkFields refuses a field over the cell limit and, when suspect is
// set (the guard saw bytes that are not UTF-8, or the file was converted),
// text that is not UTF-8 or did not convert.
func checkFields(file string, cr *csv.Reader, rec []string, lim Limits, suspect bool) *Error {
	for i, f := range rec {
		var key string
		switch {
		case len(f) > lim.CellBytes:
			key = "limit.cell"
		case suspect && (!utf8.ValidString(f) || strings.ContainsRune(f, utf8.RuneError)):
			key = "table.utf8"
		default:
			continue
		}
		line, _ := cr.FieldPos(i)
		msg := locale.M(key)
		if key == "limit.cell" {
			msg = locale.M(key, lim.CellBytes)
		}
		return &Error{File: file, Line: line, Col: i + 1, Msg: msg}
	}
	return nil
}

// limitError is a limit that the guard found exceeded, at a place.
type limitError struct {
	line, col int
	msg       locale.Message
}

func (e *limitError) Error() string { return e.msg.In(locale.EN) }

// guard passes a CSV stream through, counting as it goes: a record's
// bytes and fields (commas outside quotes), so that csv.Reader never gets
// to build a record larger than the limits. A record too long is placed
// at the line it starts on; a field too many at its own line.
type guard struct {
	src io.Reader
	lim Limits
	// line is the physical line, field the field of the current record,
	// recLine the line it starts on and recBytes its length before the
	// bytes of the current read.
	line, field, recLine, recBytes int
	quoted                         bool
	// invalid is set once a read held bytes that are not UTF-8 (or a
	// character cut by the read's end): from then on every field is
	// checked, which costs more than checking whole reads.
	invalid bool
	carry   []byte // the start of a character cut by the last read's end
	err     error
}

// checkUTF8 checks a read for UTF-8, carrying a character cut at its end
// over to the next read; last says no read follows.
func (g *guard) checkUTF8(b []byte, last bool) {
	if g.invalid {
		return
	}
	if len(g.carry) > 0 {
		k := 0
		for k < len(b) && k < 3 && !utf8.RuneStart(b[k]) {
			k++
		}
		var buf [8]byte
		if !utf8.Valid(append(append(buf[:0], g.carry...), b[:k]...)) {
			g.invalid = true
			return
		}
		b, g.carry = b[k:], g.carry[:0]
	}
	body := trimPartialRune(b)
	if !utf8.Valid(body) || last && len(body) < len(b) {
		g.invalid = true
		return
	}
	g.carry = append(g.carry, b[len(body):]...)
}

// csvSpecial marks the bytes the guard looks at.
var csvSpecial = [256]bool{'"': true, ',': true, '\n': true}

func (g *guard) Read(p []byte) (int, error) {
	if g.err != nil {
		return 0, g.err
	}
	if g.recLine == 0 {
		g.recLine = g.line
	}
	n, err := g.src.Read(p)
	g.checkUTF8(p[:n], err != nil)
	start := 0 // where the current record's bytes begin in p
	for i := 0; i < n; i++ {
		if !csvSpecial[p[i]] {
			continue
		}
		switch p[i] {
		case '"':
			g.quoted = !g.quoted
		case ',':
			if g.quoted {
				continue
			}
			if g.field++; g.field > g.lim.Columns {
				g.err = &limitError{line: g.line, col: g.field, msg: locale.M("limit.cols", g.lim.Columns)}
				return i, g.err
			}
		case '\n':
			g.line++
			if g.quoted {
				continue
			}
			if g.recBytes+i+1-start > g.lim.RowBytes {
				g.err = &limitError{line: g.recLine, msg: locale.M("limit.row", g.lim.RowBytes)}
				return start, g.err
			}
			g.field, g.recBytes, g.recLine, start = 1, 0, g.line, i+1
		}
	}
	if g.recBytes += n - start; g.recBytes > g.lim.RowBytes {
		g.err = &limitError{line: g.recLine, msg: locale.M("limit.row", g.lim.RowBytes)}
		return start, g.err
	}
	return n, err
}
