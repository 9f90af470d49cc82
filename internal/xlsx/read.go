// Package xlsx reads a sheet of an Excel workbook into a table.Table, so that
// workbooks and CSV files go through the same checks and errors name the
// cell (FILE:Sheet!B7), and writes workbooks with numbers at full precision.
package xlsx

import (
	"fmt"
	"io"
	"os"
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

// Limits on what a workbook may expand to. A workbook is a zip archive, and
// a small hostile file could otherwise claim gigabytes.
const (
	unzipLimit    = 1 << 30
	unzipXMLLimit = 64 << 20
)

// ReadTable reads sheet of the workbook at path; sheet "" is the first sheet.
func ReadTable(path, sheet string) (*table.Table, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return ReadTableFrom(f, path, sheet)
}

// ReadTableFrom reads sheet of the workbook in r; name is the file name used
// in errors; sheet "" is the first sheet. Row 1 is the header; cells are the
// stored (raw) values, so numbers parse exactly with table.ParseNumber, and a
// formula gives its saved result. Blank rows are skipped, short rows padded,
// and Lines holds each row's number in the sheet.
func ReadTableFrom(r io.Reader, name, sheet string) (t *table.Table, err error) {
	// excelize parses untrusted XML and zip structures; a panic deep inside
	// it must reach the user as "not a workbook", not crash the server.
	defer func() {
		if p := recover(); p != nil {
			t, err = nil, &table.Error{File: name, Msg: locale.M("xlsx.notworkbook", fmt.Sprint(p))}
		}
	}()
	f, err := excelize.OpenReader(r, excelize.Options{UnzipSizeLimit: unzipLimit, UnzipXMLSizeLimit: unzipXMLLimit})
	if err != nil {
		return nil, &table.Error{File: name, Msg: locale.M("xlsx.notworkbook", err.Error())}
	}
	defer f.Close()
	sheets := f.GetSheetList()
	if len(sheets) == 0 {
		return nil, &table.Error{File: name, Msg: locale.M("xlsx.notworkbook", "no sheets")}
	}
	if sheet == "" {
		sheet = sheets[0]
	} else if !contains(sheets, sheet) {
		quoted := make([]string, len(sheets))
		for i, s := range sheets {
			quoted[i] = strconv.Quote(s)
		}
		return nil, &table.Error{File: name, Msg: locale.M("xlsx.nosheet", sheet, strings.Join(quoted, ", "))}
	}
	rows, nums, err := readRows(f, sheet)
	if err != nil {
		return nil, &table.Error{File: name, Sheet: sheet, Msg: locale.M("xlsx.sheetread", err.Error())}
	}
	return build(f, name, sheet, rows, nums)
}

// readRows returns the sheet's rows that have a cell (excelize yields a
// cell for a value or a formula) and their row numbers. The row number is
// the iterator's count, as excelize's GetRows uses it, so it increases even
// in a malformed sheet.
func readRows(f *excelize.File, sheet string) (rows [][]string, nums []int, err error) {
	it, err := f.Rows(sheet)
	if err != nil {
		return nil, nil, err
	}
	n := 0
	for it.Next() {
		n++
		row, err := it.Columns(excelize.Options{RawCellValue: true})
		if err != nil {
			it.Close()
			return nil, nil, err
		}
		if len(row) > 0 {
			rows = append(rows, row)
			nums = append(nums, n)
		}
	}
	if err := it.Close(); err != nil {
		return nil, nil, err
	}
	return rows, nums, nil
}

// build turns the rows into a table: header from row 1, every data row as
// wide as the header.
func build(f *excelize.File, name, sheet string, rows [][]string, nums []int) (*table.Table, error) {
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
	t := &table.Table{File: name, Sheet: sheet, Header: make([]string, len(header))}
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
	for k, row := range rows[1:] {
		line := nums[k+1]
		for c := width; c < len(row); c++ {
			if strings.TrimSpace(row[c]) != "" {
				errs = append(errs, &table.Error{File: name, Sheet: sheet, Line: line, Col: c + 1, Msg: locale.M("xlsx.extracell", row[c])})
			}
		}
		cells := make([]string, width)
		copy(cells, row)
		for c, v := range cells {
			if v != "" {
				continue
			}
			ref, err := excelize.CoordinatesToCellName(c+1, line)
			if err != nil {
				continue
			}
			// A formula whose result is an empty string is saved with
			// type "str"; one that was never calculated (files written by
			// scripts) has no type and no value, and reading it as blank
			// would silently lose a figure.
			fm, _ := f.GetCellFormula(sheet, ref)
			if typ, _ := f.GetCellType(sheet, ref); fm != "" && (typ == excelize.CellTypeUnset || typ == excelize.CellTypeNumber) {
				errs = append(errs, &table.Error{File: name, Sheet: sheet, Line: line, Col: c + 1, Msg: locale.M("xlsx.nocache", "="+fm)})
			}
		}
		if blank(cells) {
			continue // blank rows separate nothing in a data table
		}
		t.Rows = append(t.Rows, cells)
		t.Lines = append(t.Lines, line)
	}
	if err := errs.Err(); err != nil {
		return nil, err
	}
	return t, nil
}

func blank(row []string) bool {
	for _, v := range row {
		if strings.TrimSpace(v) != "" {
			return false
		}
	}
	return true
}

func contains(list []string, s string) bool {
	for _, v := range list {
		if v == s {
			return true
		}
	}
	return false
}
