package xlsx

import (
	"bytes"
	"io"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/qiangxian/qiangxian/internal/locale"
	"github.com/qiangxian/qiangxian/internal/table"
	"github.com/qiangxian/qiangxian/internal/table/tabletest"
)

// TestMergedCells: a merged range that covers data rows is refused at its
// first cell, since the cells it hides read as blank (the second county
// would get nothing); a merge within the header row is harmless, and so
// is one within title and header rows above the sheet's first number.
func TestMergedCells(t *testing.T) {
	rows := `<sheetData><row r="1">` + tabletest.Inline("A1", "代码") + tabletest.Inline("B1", "名称") + tabletest.Inline("C1", "gdp") + `</row>` +
		`<row r="2">` + tabletest.Inline("A2", "620102") + tabletest.Inline("B2", "城关区") + num("C2", "10") + `</row>` +
		`<row r="3">` + tabletest.Inline("A3", "620103") + tabletest.Inline("B3", "七里河区") + `</row></sheetData>`
	for _, c := range []struct {
		name, merges, want string
	}{
		{"over data rows", `<mergeCells count="1"><mergeCell ref="C2:C3"/></mergeCells>`,
			"m.xlsx:s!C2: merged cells C2:C3 cover data rows: unmerge them and fill in each cell's own value"},
		{"in the header", `<mergeCells count="1"><mergeCell ref="A1:B1"/></mergeCells>`, ""},
		{"right of the table", `<mergeCells count="1"><mergeCell ref="E2:F3"/></mergeCells>`, ""},
		// C2 holds the sheet's first number: row 2 is data.
		{"over the first number's row", `<mergeCells count="1"><mergeCell ref="A1:A2"/></mergeCells>`,
			"m.xlsx:s!A1: merged cells A1:A2 cover data rows: unmerge them and fill in each cell's own value"},
	} {
		t.Run(c.name, func(t *testing.T) {
			data := tabletest.Workbook{Sheet: func(w io.Writer) { io.WriteString(w, rows+c.merges) }}.Build(t)
			_, err := ReadTableFrom(bytes.NewReader(data), "m.xlsx", "")
			switch {
			case c.want == "" && err != nil:
				t.Errorf("refused: %v", err)
			case c.want != "" && (err == nil || err.Error() != c.want):
				t.Errorf("error %v, want %q", err, c.want)
			}
		})
	}
}

// TestBureauHeaderMerges: a statistics bureau's sheet merges its title
// (A1:C1) and its two-row header (A2:A3); the first number is on row 4,
// so those merges hide nothing and the sheet is read, header rows and all
// (ingest folds them).
func TestBureauHeaderMerges(t *testing.T) {
	sheet := `<sheetData><row r="1">` + tabletest.Inline("A1", "2022年各县区主要指标") + `</row>` +
		`<row r="2">` + tabletest.Inline("A2", "地区") + tabletest.Inline("B2", "地区生产总值") + `</row>` +
		`<row r="3">` + tabletest.Inline("B3", "（亿元）") + `</row>` +
		`<row r="4">` + tabletest.Inline("A4", "城关区") + num("B4", "10.5") + `</row></sheetData>` +
		`<mergeCells count="2"><mergeCell ref="A1:C1"/><mergeCell ref="A2:A3"/></mergeCells>`
	data := tabletest.Workbook{Sheet: func(w io.Writer) { io.WriteString(w, sheet) }}.Build(t)
	tb, err := ReadTableFrom(bytes.NewReader(data), "b.xlsx", "")
	if err != nil {
		t.Fatal(err)
	}
	want := [][]string{{"地区", "地区生产总值"}, {"", "（亿元）"}, {"城关区", "10.5"}}
	if d := cmp.Diff(want, tb.Rows); d != "" {
		t.Errorf("rows (-want +got):\n%s", d)
	}
}

// TestDateCells: a number cell whose style shows a date (built-in format
// 14, a custom yyyy/mm/dd, or 年月日) is marked, and refused as a figure
// with its place; a number in a number format (2 = 0.00) is not.
func TestDateCells(t *testing.T) {
	styles := `<numFmts count="2"><numFmt numFmtId="164" formatCode="yyyy/mm/dd"/><numFmt numFmtId="165" formatCode="0.0&quot;万元&quot;"/></numFmts>` +
		`<cellStyleXfs count="1"><xf numFmtId="14"/></cellStyleXfs>` +
		`<cellXfs count="5"><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="164"/><xf numFmtId="2"/><xf numFmtId="165"/></cellXfs>`
	sheet := `<sheetData><row r="1">` + tabletest.Inline("A1", "代码") + tabletest.Inline("B1", "a") + tabletest.Inline("C1", "b") + tabletest.Inline("D1", "c") + tabletest.Inline("E1", "d") + `</row>` +
		`<row r="2">` + tabletest.Inline("A2", "620102") + `<c r="B2" s="1"><v>45000</v></c><c r="C2" s="2"><v>45001</v></c>` +
		`<c r="D2" s="3"><v>1.5</v></c><c r="E2" s="4"><v>2.5</v></c></row></sheetData>`
	data := tabletest.Workbook{Sheet: func(w io.Writer) { io.WriteString(w, sheet) }, Styles: styles}.Build(t)
	tb, err := ReadTableFrom(bytes.NewReader(data), "d.xlsx", "")
	if err != nil {
		t.Fatal(err)
	}
	want := map[table.Cell]bool{{Row: 0, Col: 1}: true, {Row: 0, Col: 2}: true}
	if d := cmp.Diff(want, tb.Dates); d != "" {
		t.Errorf("dates (-want +got):\n%s", d)
	}
	var errs table.Errors
	tb.Number(0, 1, &errs)
	if v := tb.Number(0, 3, &errs); v != 1.5 {
		t.Errorf("D2 = %v, want 1.5", v)
	}
	if len(errs) != 1 || errs[0].Format(locale.ZH) != "d.xlsx:s!B2: 日期格式的单元格不能作为数值（45000）" {
		t.Errorf("errors %v", errs)
	}
}

func TestIsDateFormat(t *testing.T) {
	for code, want := range map[string]bool{
		"yyyy/mm/dd": true, "m/d/yy h:mm": true, "[h]:mm:ss": true, `yyyy"年"m"月"`: true, "yyyy年m月d日": true,
		"0.00": false, "#,##0_);[Red](#,##0)": false, `0.0"万元"`: false, "General": false, "@": false,
		`[$¥-804]#,##0.00`: false, `0.00\h`: false, "0.00E+00": false,
	} {
		if got := isDateFormat(code); got != want {
			t.Errorf("isDateFormat(%q) = %v, want %v", code, got, want)
		}
	}
}

// TestNumberFormsInWorkbooks: the texts a hand-made workbook may store in
// a number cell go through the same strict parse as CSV cells.
func TestNumberFormsInWorkbooks(t *testing.T) {
	forms := []struct{ text, why string }{
		{"2E-06", ""}, {"-1.0000000000000001E-2", ""}, {"0x1p-2", "table.numhex"}, {"1_000", "table.numsep"},
		{"INF", "table.numinf"}, {"1E+309", "table.numbig"}, {"1E-400", "table.numtiny"},
	}
	var b strings.Builder
	b.WriteString(`<sheetData><row r="1">` + tabletest.Inline("A1", "x") + `</row>`)
	for _, f := range forms {
		b.WriteString(`<row><c><v>` + f.text + `</v></c></row>`)
	}
	b.WriteString(`</sheetData>`)
	data := tabletest.Workbook{Sheet: func(w io.Writer) { io.WriteString(w, b.String()) }}.Build(t)
	tb, err := ReadTableFrom(bytes.NewReader(data), "n.xlsx", "")
	if err != nil {
		t.Fatal(err)
	}
	for i, f := range forms {
		if _, why, _ := tb.CellNumber(i, 0); why != f.why {
			t.Errorf("%s: %q, want %q", f.text, why, f.why)
		}
	}
}
