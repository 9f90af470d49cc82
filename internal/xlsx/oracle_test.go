package xlsx

import (
	"bytes"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"

	"github.com/qiangxian/qiangxian/internal/locale"
	"github.com/qiangxian/qiangxian/internal/table"
)

// excelizeRead is the reader as it was before it parsed the sheet's XML
// itself: excelize's row iterator, and for every blank cell excelize's
// formula and type lookups. Tests compare the two on well-formed workbooks.
func excelizeRead(data []byte, name, sheet string) (t *table.Table, err error) {
	defer func() {
		if p := recover(); p != nil {
			t, err = nil, &table.Error{File: name, Msg: locale.M("xlsx.notworkbook", fmt.Sprint(p))}
		}
	}()
	f, err := excelize.OpenReader(bytes.NewReader(data), excelize.Options{UnzipSizeLimit: 1 << 30, UnzipXMLSizeLimit: 64 << 20})
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
	} else if !slices.Contains(sheets, sheet) {
		quoted := make([]string, len(sheets))
		for i, s := range sheets {
			quoted[i] = strconv.Quote(s)
		}
		return nil, &table.Error{File: name, Msg: locale.M("xlsx.nosheet", sheet, strings.Join(quoted, ", "))}
	}
	it, err := f.Rows(sheet)
	if err != nil {
		return nil, &table.Error{File: name, Sheet: sheet, Msg: locale.M("xlsx.sheetread", err.Error())}
	}
	d := &sheetData{lim: table.DefaultLimits()}
	n := 0
	for it.Next() {
		n++
		row, err := it.Columns(excelize.Options{RawCellValue: true})
		if err != nil {
			return nil, &table.Error{File: name, Sheet: sheet, Msg: locale.M("xlsx.sheetread", err.Error())}
		}
		if len(row) > 0 {
			d.rows = append(d.rows, row)
			d.lines = append(d.lines, n)
		}
	}
	if err := it.Close(); err != nil {
		return nil, &table.Error{File: name, Sheet: sheet, Msg: locale.M("xlsx.sheetread", err.Error())}
	}
	// The formula cells without a saved result, found as the old reader
	// found them: asking about every blank cell of a data row.
	for k, row := range d.rows {
		if k == 0 || len(d.rows) == 0 || d.lines[0] != 1 {
			continue
		}
		for c := range row {
			if row[c] != "" {
				continue
			}
			ref, _ := excelize.CoordinatesToCellName(c+1, d.lines[k])
			fm, _ := f.GetCellFormula(sheet, ref)
			if typ, _ := f.GetCellType(sheet, ref); fm != "" && (typ == excelize.CellTypeUnset || typ == excelize.CellTypeNumber) {
				d.uncalc = append(d.uncalc, formulaCell{line: d.lines[k], col: c + 1, text: fm})
			}
		}
	}
	return build(name, sheet, d, nil)
}
