package xlsx

import (
	"bytes"
	"fmt"
	"io"
	"strconv"
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

	width int    // widest row so far, to size the next one
	vbuf  []byte // scratch for the <v> and <f> of one cell
	fbuf  []byte
	rich  richText
}

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
}

func (e *sheetError) Error() string { return e.msg }

// readSheet reads a worksheet's XML, resolving shared strings from sst.
// Values are the stored (raw) texts, as excelize's row iterator with
// RawCellValue gives them.
func readSheet(src io.Reader, sst []string) (*sheetData, error) {
	s := newScanner(src)
	d := &sheetData{}
	line := 0            // the current row's number, 0 before the first row
	col := 0             // the last cell's column in the current row
	var row []string     // the current row's cells
	inSheetData := false // an end of file inside sheetData is a truncated sheet
	flush := func() {
		if len(row) > 0 {
			d.rows = append(d.rows, row)
			d.lines = append(d.lines, line)
			d.width = max(d.width, len(row))
		}
		row = nil
	}
	for {
		k, err := s.next()
		if err != nil {
			return nil, &sheetError{line: line, msg: err.Error()}
		}
		switch k {
		case tokEOF:
			if inSheetData {
				return nil, &sheetError{line: line, msg: s.failEOF().Error()}
			}
			flush()
			return d, nil
		case tokEnd:
			if string(s.name) == "sheetData" {
				flush()
				return d, nil
			}
		case tokStart:
			switch string(s.name) {
			case "sheetData":
				inSheetData = true
			case "row":
				flush()
				if line, err = rowNumber(s, line); err != nil {
					return nil, err
				}
				col = 0
			case "c":
				if line == 0 {
					// A cell outside any row belongs to no line.
					if err := s.skipElement(); err != nil {
						return nil, &sheetError{msg: err.Error()}
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
		return nil, 0, &sheetError{line: line, col: col, msg: err.Error()}
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
	if col <= len(row) {
		return fail(fmt.Errorf("cells of row %d are out of order", line))
	}
	if hasF && typ == typeNumber && val == "" {
		d.uncalc = append(d.uncalc, formulaCell{line: line, col: col, text: string(d.fbuf), shared: shared, si: si})
	}
	if row == nil {
		row = make([]string, 0, max(d.width, col))
	}
	for len(row) < col-1 {
		row = append(row, "")
	}
	return append(row, val), col, nil
}

// cellColumn returns the column of a cell reference such as B7 or $B$7.
func cellColumn(ref []byte) (int, bool) {
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
			return 0, false
		}
	}
	if i == start {
		return 0, false
	}
	if i < len(ref) && ref[i] == '$' {
		i++
	}
	start = i
	for ; i < len(ref) && ref[i] >= '0' && ref[i] <= '9'; i++ {
		if row = row*10 + int(ref[i]-'0'); row > maxRows {
			return 0, false
		}
	}
	return col, i > start && i == len(ref) && row >= 1
}
