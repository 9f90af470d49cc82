// Package xlsx reads a sheet of an Excel workbook into a table.Table, so that
// workbooks and CSV files go through the same checks and errors name the
// cell (FILE:Sheet!B7), and writes workbooks with numbers at full precision.
package xlsx

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"slices"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"

	"github.com/qiangxian/qiangxian/internal/locale"
	"github.com/qiangxian/qiangxian/internal/table"
)

func init() {
	locale.Register(map[string][2]string{
		"xlsx.notworkbook": {"不是可读取的 Excel 工作簿（.xlsx）：%s", "not a readable Excel workbook (.xlsx): %s"},
		"xlsx.nosheet":     {"没有名为 %q 的工作表；工作簿中的工作表：%s", "no sheet named %q; the workbook has: %s"},
		"xlsx.empty":       {"工作表为空：没有表头", "the sheet is empty: no header row"},
		"xlsx.noheader":    {"第 1 行应为表头，但为空", "row 1 should hold the header but is empty"},
		"xlsx.extracell":   {"该单元格在表头之外（没有列名），却有内容 %q", "this cell has a value (%q) but no column name in the header"},
		"xlsx.nocache": {"公式 %q 没有保存计算结果；请在 Excel 或 WPS 中打开并保存后重试",
			"formula %q has no saved result; open and save the workbook in Excel or WPS, then retry"},
		"xlsx.sheetread": {"无法读取工作表：%s", "cannot read the sheet: %s"},
	})
}

// ReadTable reads sheet of the workbook at path within the default
// limits; sheet "" is the first sheet.
func ReadTable(path, sheet string) (*table.Table, error) {
	return ReadTableWith(path, sheet, table.DefaultLimits())
}

// ReadTableWith reads sheet of the workbook at path within lim.
func ReadTableWith(path, sheet string, lim table.Limits) (*table.Table, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return nil, err
	}
	if st.Size() > lim.FileBytes {
		return nil, &table.Error{File: path, Msg: locale.M("limit.file", lim.FileBytes)}
	}
	return read(f, st.Size(), path, sheet, lim)
}

// ReadTableFrom reads sheet of the workbook in r within the default limits;
// see ReadTableFromWith.
func ReadTableFrom(r io.Reader, name, sheet string) (*table.Table, error) {
	return ReadTableFromWith(r, name, sheet, table.DefaultLimits())
}

// ReadTableFromWith reads sheet of the workbook in r; name is the file name
// used in errors; sheet "" is the first sheet. Row 1 is the header; cells
// are the stored (raw) values, so numbers parse exactly with
// table.ParseNumber, and a formula gives its saved result. Blank rows are
// skipped, short rows padded, and Lines holds each row's number in the
// sheet. Cells formatted as dates are marked in Dates; merged cells over
// data rows are refused. Memory stays within what lim allows whatever the
// file claims: a file over a limit is refused at the place it goes over.
func ReadTableFromWith(r io.Reader, name, sheet string, lim table.Limits) (*table.Table, error) {
	// A zip archive is read from its end: it must be at hand whole.
	data, err := io.ReadAll(io.LimitReader(r, lim.FileBytes+1))
	if err != nil {
		return nil, &table.Error{File: name, Msg: locale.M("xlsx.notworkbook", err.Error())}
	}
	if int64(len(data)) > lim.FileBytes {
		return nil, &table.Error{File: name, Msg: locale.M("limit.file", lim.FileBytes)}
	}
	return read(bytes.NewReader(data), int64(len(data)), name, sheet, lim)
}

// read streams the sheet's XML once: values, and the formula cells that
// have no saved result, come from the same pass. (Asking excelize about
// each blank cell made it build the whole sheet's model: 1.6 s and 370 MB
// for 180,000 cells with 1 % blank.)
func read(ra io.ReaderAt, size int64, name, sheet string, lim table.Limits) (t *table.Table, err error) {
	// The reader parses untrusted XML and zip structures; a panic deep
	// inside must reach the user as "not a workbook", not crash the server.
	defer func() {
		if p := recover(); p != nil {
			t, err = nil, &table.Error{File: name, Msg: locale.M("xlsx.notworkbook", fmt.Sprint(p))}
		}
	}()
	var head [8]byte
	if n, _ := ra.ReadAt(head[:], 0); isOLE2(head[:n]) {
		return nil, LegacyError(name)
	}
	wb, err := openWorkbook(ra, size, lim)
	var le *limitError
	if errors.As(err, &le) {
		return nil, &table.Error{File: name, Msg: le.msg}
	}
	if err != nil {
		return nil, &table.Error{File: name, Msg: locale.M("xlsx.notworkbook", err.Error())}
	}
	if len(wb.sheets) == 0 {
		return nil, &table.Error{File: name, Msg: locale.M("xlsx.notworkbook", "no sheets")}
	}
	ws := wb.sheets[0]
	if sheet != "" {
		i := slices.IndexFunc(wb.sheets, func(s wbSheet) bool { return s.name == sheet })
		if i < 0 {
			quoted := make([]string, len(wb.sheets))
			for i, s := range wb.sheets {
				quoted[i] = strconv.Quote(s.name)
			}
			return nil, &table.Error{File: name, Msg: locale.M("xlsx.nosheet", sheet, strings.Join(quoted, ", "))}
		}
		ws = wb.sheets[i]
	}
	d, err := readSheetOf(wb, ws)
	if err != nil {
		e := &table.Error{File: name, Sheet: ws.name, Msg: locale.M("xlsx.sheetread", err.Error())}
		var se *sheetError
		if errors.As(err, &se) {
			e.Line, e.Col = se.line, se.col
		}
		if errors.As(err, &le) {
			e.Msg = le.msg
			if e.Line == 0 {
				e.Line, e.Col = le.line, le.col
			}
		}
		return nil, e
	}
	shared := &sharedFormulas{ra: ra, size: size, sheet: ws.name, lim: lim,
		small: wb.parts[strings.ToLower(ws.part)].UncompressedSize64 <= excelizePartBytes}
	defer shared.close()
	return build(name, ws.name, d, shared)
}

// readSheetOf reads the shared strings and the sheet ws.
func readSheetOf(wb *workbook, ws wbSheet) (*sheetData, error) {
	if ws.part == "" {
		return nil, fmt.Errorf("the workbook names no part for sheet %q", ws.name)
	}
	dateStyle, err := wb.readDateStyles()
	if err != nil {
		return nil, err
	}
	var sst []string
	if wb.sst != "" {
		rc, err := wb.open(wb.sst)
		if err != nil {
			return nil, err
		}
		sst, err = readSharedStrings(rc, wb.lim)
		rc.Close()
		if err != nil {
			return nil, fmt.Errorf("shared strings: %w", err)
		}
	}
	rc, err := wb.open(ws.part)
	if err != nil {
		return nil, err
	}
	defer rc.Close()
	return readSheet(rc, sst, wb.lim, dateStyle)
}

// build turns the rows into a table: header from row 1, every data row as
// wide as the header.
func build(name, sheet string, d *sheetData, shared *sharedFormulas) (*table.Table, error) {
	rows, nums := d.rows, d.lines
	empty := true
	for _, r := range rows {
		empty = empty && blank(r)
	}
	if empty {
		return nil, &table.Error{File: name, Sheet: sheet, Msg: locale.M("xlsx.empty")}
	}
	if nums[0] != 1 || blank(rows[0]) {
		return nil, &table.Error{File: name, Sheet: sheet, Line: 1, Msg: locale.M("xlsx.noheader")}
	}
	header := rows[0]
	for len(header) > 0 && strings.TrimSpace(header[len(header)-1]) == "" {
		header = header[:len(header)-1]
	}
	if w := titledWidth(rows); w > len(header) {
		header = append(slices.Clip(header), make([]string, w-len(header))...)
	}
	t := &table.Table{File: name, Sheet: sheet, Header: make([]string, len(header)),
		Rows: make([][]string, 0, len(rows)-1), Lines: make([]int, 0, len(rows)-1)}
	var errs table.Errors
	seen := map[string]int{}
	for i, h := range header {
		h = strings.TrimSpace(h)
		t.Header[i] = h
		if _, dup := seen[h]; dup && h != "" {
			errs = append(errs, &table.Error{File: name, Sheet: sheet, Line: 1, Col: i + 1, Msg: locale.M("table.dupcol", h)})
		}
		seen[h] = i
	}
	width := len(header)
	if width > 0 && len(rows) > d.lim.Cells/width {
		// Padded to the header, the rows would hold more cells than the
		// limit: refuse at the first row over it (rows already counted
		// each row at least as wide as row 1, not as a titled sheet's).
		k := d.lim.Cells / width
		return nil, &table.Error{File: name, Sheet: sheet, Line: nums[k], Msg: locale.M("limit.cells", d.lim.Cells)}
	}
	for _, m := range d.merges {
		// A merge over figures hides all but its first; merged title and
		// header rows (a statistics bureau's table) lie above the first
		// number of the sheet and lose nothing.
		header := d.firstNumber > 0 && m.to.line < d.firstNumber
		if m.to.line >= 2 && !header && m.from.col <= width && m.from.line <= nums[len(nums)-1] {
			ref := table.ColumnLetters(m.from.col) + strconv.Itoa(m.from.line) + ":" + table.ColumnLetters(m.to.col) + strconv.Itoa(m.to.line)
			errs = append(errs, &table.Error{File: name, Sheet: sheet, Line: m.from.line, Col: m.from.col, Msg: locale.M("xlsx.merged", ref)})
		}
	}
	uncalc, dates := d.uncalc, d.dates
	for len(dates) > 0 && dates[0].line == 1 {
		dates = dates[1:]
	}
	for len(uncalc) > 0 && uncalc[0].line == 1 {
		uncalc = uncalc[1:] // the header's are not data
	}
	for k, row := range rows[1:] {
		line := nums[k+1]
		for c := width; c < len(row); c++ {
			if strings.TrimSpace(row[c]) != "" {
				errs = append(errs, &table.Error{File: name, Sheet: sheet, Line: line, Col: c + 1, Msg: locale.M("xlsx.extracell", row[c])})
			}
		}
		for ; len(uncalc) > 0 && uncalc[0].line == line; uncalc = uncalc[1:] {
			if fm := formulaText(uncalc[0], width, d.masters, shared); fm != "" {
				errs = append(errs, &table.Error{File: name, Sheet: sheet, Line: line, Col: uncalc[0].col, Msg: locale.M("xlsx.nocache", "="+fm)})
			}
		}
		if len(row) > width {
			row = row[:width:width]
		}
		for len(row) < width {
			row = append(row, "")
		}
		if blank(row) {
			continue // blank rows separate nothing in a data table
		}
		for ; len(dates) > 0 && dates[0].line == line; dates = dates[1:] {
			if dates[0].col <= width {
				if t.Dates == nil {
					t.Dates = map[table.Cell]bool{}
				}
				t.Dates[table.Cell{Row: len(t.Rows), Col: dates[0].col - 1}] = true
			}
		}
		t.Rows = append(t.Rows, row)
		t.Lines = append(t.Lines, line)
	}
	if err := errs.Err(); err != nil {
		return nil, err
	}
	return t, nil
}

// titledWidth recognises a statistics bureau's sheet, whose row 1 is a
// title in one cell above a header over the next rows, and returns the
// width of its first rows, which the table takes (the header rows are
// then the first rows of the table: ingest folds them); 0 otherwise.
func titledWidth(rows [][]string) int {
	if filled(rows[0]) != 1 || len(rows) < 2 {
		return 0
	}
	width, wide := 0, false
	for _, r := range rows[1:min(len(rows), 11)] {
		wide = wide || filled(r) >= 2
		for w := len(r); w > width; w-- {
			if strings.TrimSpace(r[w-1]) != "" {
				width = w
			}
		}
	}
	if !wide {
		return 0
	}
	return width
}

func filled(row []string) int {
	n := 0
	for _, v := range row {
		if strings.TrimSpace(v) != "" {
			n++
		}
	}
	return n
}

// formulaText returns the formula of a cell without a saved result in a
// data row, or "" when that is no error. A formula whose result is an empty
// string is saved with type "str"; one that was never calculated (files
// written by scripts) has no type and no value, and reading it as blank
// would silently lose a figure.
func formulaText(f formulaCell, width int, masters map[int]bool, shared *sharedFormulas) string {
	switch {
	case f.col > width:
		return "" // a cell beyond the header is not read
	case f.shared && masters[f.si]:
		return shared.text(f.col, f.line)
	case f.shared:
		return "" // a group without its defining cell has no formula
	}
	return f.text
}

// sharedFormulas gives the formulas of cells in shared formula groups. Such
// a cell stores no text: its formula is the group's first with the
// references moved. excelize knows how to move them; it loads the whole
// sheet for that, which is slow, but only happens on the way to an error.
type sharedFormulas struct {
	ra    io.ReaderAt
	size  int64
	sheet string
	lim   table.Limits
	small bool // the sheet is small enough for excelize's model of it
	f     *excelize.File
	err   error
}

// excelizePartBytes bounds the sheet that excelize is asked to load
// whole: its model takes tens of times the XML's size.
const excelizePartBytes = 16 << 20

func (s *sharedFormulas) text(col, line int) string {
	if !s.small {
		return "(shared formula)" // still refused, without its text
	}
	if s.f == nil && s.err == nil {
		s.f, s.err = excelize.OpenReader(io.NewSectionReader(s.ra, 0, s.size),
			excelize.Options{UnzipSizeLimit: s.lim.UnzipBytes, UnzipXMLSizeLimit: excelizePartBytes})
	}
	if s.err != nil {
		return ""
	}
	ref, err := excelize.CoordinatesToCellName(col, line)
	if err != nil {
		return ""
	}
	fm, _ := s.f.GetCellFormula(s.sheet, ref)
	return fm
}

func (s *sharedFormulas) close() {
	if s.f != nil {
		s.f.Close()
	}
}

func blank(row []string) bool {
	for _, v := range row {
		if strings.TrimSpace(v) != "" {
			return false
		}
	}
	return true
}
