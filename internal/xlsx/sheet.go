package xlsx

import (
	"bytes"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/qiangxian/qiangxian/internal/locale"
	"github.com/qiangxian/qiangxian/internal/table"
)

// Sheet size limits of the file format (Excel 2007 and later).
const (
	maxRows = 1 << 20
	maxCols = 1 << 14
)

// sheetData is what a sheet's XML holds for a table: the rows that have a
// cell with a value or a formula, each cut after its last such cell, and
// their row numbers.
type sheetData struct {
	rows  [][]string
	lines []int
	// uncalc lists, in sheet order, the formula cells of number type
	// without a saved value: formulas never calculated (files written by
	// scripts), which must not read as blank.
	uncalc []formulaCell
	// masters holds, for each shared formula index, the first cell that
	// defines the formula (ref attribute); cells of the group refer to it.
	masters map[int]bool
	// dates lists, in sheet order, the number cells whose style is a date
	// format; merges the merged ranges (up to maxMerges).
	dates  []place
	merges []cellRange
	// firstNumber is the row of the first number cell (0 before one):
	// the rows above it are title and header rows, which may be merged.
	firstNumber int

	lim         table.Limits
	dateStyle   []bool // by style index: a date or time number format
	headerWidth int    // row 1's width without trailing blanks, once read
	cells       int    // cells held so far, each row counted at least header wide
	vbuf        []byte // scratch for the <v> and <f> of one cell
	fbuf        []byte
	rich        richText
}

// place is a cell: its row number and 1-based column.
type place struct{ line, col int }

// cellRange is a rectangle of cells, corners included.
type cellRange struct{ from, to place }

// maxMerges bounds the merged ranges kept: one is enough to refuse.
const maxMerges = 100

// formulaCell is a formula cell without a saved result. A cell of a shared
// formula group stores no text of its own (shared true, si its group).
type formulaCell struct {
	line, col int
	text      string
	shared    bool
	si        int
}

// sheetError is a sheet that cannot be read, at a row (0 when unknown) and
// column.
type sheetError struct {
	line, col int
	msg       string
	cause     error // a limitError, when a limit was hit
}

func (e *sheetError) Error() string { return e.msg }

func (e *sheetError) Unwrap() error { return e.cause }

// readSheet reads a worksheet's XML, resolving shared strings from sst.
// Values are the stored (raw) texts, as excelize's row iterator with
// RawCellValue gives them.
func readSheet(src io.Reader, sst []string, lim table.Limits, dateStyle []bool) (*sheetData, error) {
	s := newScanner(src, lim)
	d := &sheetData{lim: lim, dateStyle: dateStyle}
	line := 0            // the current row's number, 0 before the first row
	col := 0             // the last cell's column in the current row
	var row []string     // the current row's cells
	inSheetData := false // an end of file inside sheetData is a truncated sheet
	done := false        // sheetData has ended: only merged ranges follow
	flush := func() error {
		if len(row) > 0 {
			if err := d.count(line, row); err != nil {
				return err
			}
			d.rows = append(d.rows, row)
			d.lines = append(d.lines, line)
		}
		row = nil
		return nil
	}
	for {
		k, err := s.next()
		if err != nil {
			return nil, &sheetError{line: line, msg: err.Error(), cause: err}
		}
		switch k {
		case tokEOF:
			if inSheetData && !done {
				return nil, &sheetError{line: line, msg: s.failEOF().Error(), cause: s.failEOF()}
			}
			return d, flush()
		case tokEnd:
			if string(s.name) == "sheetData" && !done {
				if err := flush(); err != nil {
					return nil, err
				}
				done = true
			}
		case tokStart:
			if done {
				if string(s.name) == "mergeCell" {
					d.addMerge(s)
				}
				continue
			}
			switch string(s.name) {
			case "sheetData":
				inSheetData = true
			case "row":
				if err := flush(); err != nil {
					return nil, err
				}
				if line, err = rowNumber(s, line); err != nil {
					return nil, err
				}
				col = 0
			case "c":
				if line == 0 {
					// A cell outside any row belongs to no line.
					if err := s.skipElement(); err != nil {
						return nil, &sheetError{msg: err.Error(), cause: err}
					}
					continue
				}
				if row, col, err = d.readCell(s, sst, line, col, row); err != nil {
					return nil, err
				}
			}
		}
	}
}

// rowNumber reads the r attribute of a row that follows row prev: rows
// without one follow on, and numbers must increase. (excelize's iterator
// would merge a row numbered out of order into the one before it.)
func rowNumber(s *scanner, prev int) (int, error) {
	n := prev + 1
	if r, ok := s.attr("r"); ok {
		v, err := strconv.Atoi(string(r))
		if err != nil || v < 1 {
			return 0, &sheetError{line: prev, msg: fmt.Sprintf("invalid row number %q", r)}
		}
		if v <= prev {
			return 0, &sheetError{line: v, msg: fmt.Sprintf("row %d comes after row %d", v, prev)}
		}
		n = v
	}
	if n > maxRows {
		return 0, &sheetError{msg: fmt.Sprintf("row %d is beyond the last row of a sheet (%d)", n, maxRows)}
	}
	return n, nil
}

// Cell types (the t attribute) that matter for a raw value.
const (
	typeNumber = iota // "" or "n": the only type a formula without a result has
	typeShared        // "s": an index into the shared strings
	typeInline        // "inlineStr": the text is in <is>
	typeOther         // "str", "b", "e", "d": the value as stored
)

// readCell reads a <c> element of row line whose start tag was just read;
// prev is the column of the row's previous cell. A cell that has a value or
// a formula is placed in row at its column.
func (d *sheetData) readCell(s *scanner, sst []string, line, prev int, row []string) ([]string, int, error) {
	col := prev + 1
	if r, ok := s.attr("r"); ok {
		c, ok := cellColumn(r)
		if !ok {
			return nil, 0, &sheetError{line: line, msg: fmt.Sprintf("invalid cell reference %q", r)}
		}
		col = c
	}
	if col > maxCols {
		return nil, 0, &sheetError{line: line, msg: fmt.Sprintf("a cell of row %d is beyond the last column of a sheet", line)}
	}
	style := -1
	if v, ok := s.attr("s"); ok {
		if n, err := strconv.Atoi(string(v)); err == nil {
			style = n
		}
	}
	typ := typeNumber
	if t, _ := s.attr("t"); len(t) > 0 {
		switch string(t) {
		case "n":
		case "s":
			typ = typeShared
		case "inlineStr":
			typ = typeInline
		default:
			typ = typeOther
		}
	}
	fail := func(err error) ([]string, int, error) {
		return nil, 0, &sheetError{line: line, col: col, msg: err.Error(), cause: err}
	}
	var (
		hasF, hasIS, shared, master bool
		si                          int
		is                          string
	)
	d.vbuf = d.vbuf[:0]
	for depth := 0; ; {
		k, err := s.next()
		if err != nil {
			return fail(err)
		}
		if k == tokEOF {
			return fail(s.failEOF())
		}
		if k == tokEnd {
			if depth == 0 {
				break
			}
			depth--
		}
		if k != tokStart {
			continue
		}
		// excelize reads <v>, <f> and <is> at any depth in the cell; the
		// last of each wins.
		switch string(s.name) {
		case "v":
			d.vbuf, err = s.readContent(d.vbuf[:0])
		case "f":
			hasF = true
			t, _ := s.attr("t")
			ref, _ := s.attr("ref")
			siText, hasSi := s.attr("si")
			n, siErr := strconv.Atoi(string(siText))
			shared = string(t) == "shared" && hasSi && siErr == nil
			si, master = n, shared && len(ref) > 0
			d.fbuf, err = s.readContent(d.fbuf[:0])
		case "is":
			hasIS = true
			is, err = d.rich.read(s)
		default:
			depth++
		}
		if err != nil {
			return fail(err)
		}
	}
	if master {
		if d.masters == nil {
			d.masters = map[int]bool{}
		}
		d.masters[si] = true
	}
	var val string
	switch {
	case typ == typeShared && len(d.vbuf) > 0:
		i, err := strconv.Atoi(string(bytes.TrimSpace(d.vbuf)))
		if err != nil || i < 0 || i >= len(sst) {
			return fail(fmt.Errorf("shared string %q does not exist", d.vbuf))
		}
		val = sst[i]
	case typ == typeInline && hasIS:
		val = is
	default:
		val = string(d.vbuf)
	}
	if val == "" && !hasF {
		return row, col, nil // an empty or only formatted cell
	}
	switch {
	case col > d.lim.Columns:
		return nil, 0, &sheetError{line: line, col: col, cause: &limitError{msg: locale.M("limit.cols", d.lim.Columns)}}
	case len(val) > d.lim.CellBytes:
		return nil, 0, &sheetError{line: line, col: col, cause: &limitError{msg: locale.M("limit.cell", d.lim.CellBytes)}}
	}
	if col <= len(row) {
		return fail(fmt.Errorf("cells of row %d are out of order", line))
	}
	if typ == typeNumber && val != "" && d.firstNumber == 0 {
		d.firstNumber = line
	}
	if typ == typeNumber && val != "" && style >= 0 && style < len(d.dateStyle) && d.dateStyle[style] {
		d.dates = append(d.dates, place{line, col})
	}
	if hasF && typ == typeNumber && val == "" {
		d.uncalc = append(d.uncalc, formulaCell{line: line, col: col, text: string(d.fbuf), shared: shared, si: si})
	}
	// A row is made as wide as the header, which the table pads it to
	// anyway (and count charges for), or as its cell: never as wide as the
	// widest row so far, so a sparse row of one cell far to the right
	// costs that row, not every row after it.
	if row == nil {
		row = make([]string, 0, max(d.headerWidth, col))
	}
	for len(row) < col-1 {
		row = append(row, "")
	}
	return append(row, val), col, nil
}

// count adds a row about to be kept to the cells held, and refuses the
// sheet at that row when it goes over the limits. Every row after the
// header counts at least the header's width, as the table pads it so.
func (d *sheetData) count(line int, row []string) error {
	if line == 1 {
		w := len(row)
		for w > 0 && strings.TrimSpace(row[w-1]) == "" {
			w--
		}
		d.headerWidth = w
	}
	d.cells += max(len(row), d.headerWidth)
	switch {
	case len(d.rows) > d.lim.Rows: // the rows before this one, the header among them
		return &sheetError{line: line, cause: &limitError{msg: locale.M("limit.rows", d.lim.Rows)}}
	case d.cells > d.lim.Cells:
		return &sheetError{line: line, cause: &limitError{msg: locale.M("limit.cells", d.lim.Cells)}}
	}
	return nil
}

// addMerge keeps the merged range of a mergeCell tag.
func (d *sheetData) addMerge(s *scanner) {
	ref, _ := s.attr("ref")
	a, b, ok := bytes.Cut(ref, []byte(":"))
	if !ok || len(d.merges) >= maxMerges {
		return
	}
	from, ok1 := cellPlace(a)
	to, ok2 := cellPlace(b)
	if ok1 && ok2 {
		d.merges = append(d.merges, cellRange{from, to})
	}
}

// cellColumn returns the column of a cell reference such as B7 or $B$7.
func cellColumn(ref []byte) (int, bool) {
	p, ok := cellPlace(ref)
	return p.col, ok
}

// cellPlace returns the row and column of a cell reference.
func cellPlace(ref []byte) (place, bool) {
	i, col, row := 0, 0, 0
	if i < len(ref) && ref[i] == '$' {
		i++
	}
	start := i
	for ; i < len(ref); i++ {
		c := ref[i] | 0x20 // lower case
		if c < 'a' || c > 'z' {
			break
		}
		if col = col*26 + int(c-'a'+1); col > maxCols {
			return place{}, false
		}
	}
	if i == start {
		return place{}, false
	}
	if i < len(ref) && ref[i] == '$' {
		i++
	}
	start = i
	for ; i < len(ref) && ref[i] >= '0' && ref[i] <= '9'; i++ {
		if row = row*10 + int(ref[i]-'0'); row > maxRows {
			return place{}, false
		}
	}
	return place{row, col}, i > start && i == len(ref) && row >= 1
}
