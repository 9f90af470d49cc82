package xlsx

import (
	"archive/zip"
	"bytes"
	"fmt"
	"math"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/qiangxian/qiangxian/internal/locale"
	"github.com/qiangxian/qiangxian/internal/table"
)

// rawSheet is a sheet of a hand-built workbook: its name and the XML inside
// <sheetData>.
type rawSheet struct{ name, data string }

// rawWorkbook builds a minimal .xlsx by hand, so that tests control the
// stored XML exactly: number texts as Excel writes them, formulas with and
// without saved results, inline strings, booleans, error values.
func rawWorkbook(t testing.TB, sheets ...rawSheet) []byte {
	t.Helper()
	const (
		ns  = `xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"`
		rel = `http://schemas.openxmlformats.org/officeDocument/2006/relationships`
		pkg = `xmlns="http://schemas.openxmlformats.org/package/2006/relationships"`
	)
	var types, list, rels strings.Builder
	files := map[string]string{}
	var order []string
	for i, s := range sheets {
		part := fmt.Sprintf("worksheets/sheet%d.xml", i+1)
		fmt.Fprintf(&types, `<Override PartName="/xl/%s" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`, part)
		fmt.Fprintf(&list, `<sheet name="%s" sheetId="%d" r:id="rId%d"/>`, s.name, i+1, i+1)
		fmt.Fprintf(&rels, `<Relationship Id="rId%d" Type="%s/worksheet" Target="%s"/>`, i+1, rel, part)
		files["xl/"+part] = `<worksheet ` + ns + `><sheetData>` + s.data + `</sheetData></worksheet>`
		order = append(order, "xl/"+part)
	}
	files["[Content_Types].xml"] = `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
		`<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
		`<Default Extension="xml" ContentType="application/xml"/>` +
		`<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>` +
		types.String() + `</Types>`
	files["_rels/.rels"] = `<Relationships ` + pkg + `><Relationship Id="rId1" Type="` + rel + `/officeDocument" Target="xl/workbook.xml"/></Relationships>`
	files["xl/workbook.xml"] = `<workbook ` + ns + ` xmlns:r="` + rel + `"><sheets>` + list.String() + `</sheets></workbook>`
	files["xl/_rels/workbook.xml.rels"] = `<Relationships ` + pkg + `>` + rels.String() + `</Relationships>`
	order = append([]string{"[Content_Types].xml", "_rels/.rels", "xl/workbook.xml", "xl/_rels/workbook.xml.rels"}, order...)
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, name := range order {
		w, err := zw.Create(name)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := w.Write([]byte(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + files[name])); err != nil {
			t.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func is(ref, text string) string {
	return fmt.Sprintf(`<c r="%s" t="inlineStr"><is><t>%s</t></is></c>`, ref, text)
}

func num(ref, text string) string { return fmt.Sprintf(`<c r="%s"><v>%s</v></c>`, ref, text) }

func TestReadTableFromCells(t *testing.T) {
	tenth := 0.1 // a variable, so that 0.1 + 0.2 is computed in float64
	data := `<row r="1">` + is("A1", "code") + is("B1", " name ") + is("C1", "x") + is("D1", "y") + `</row>` +
		`<row r="2">` + num("A2", "620102") + is("B2", "城关区") + num("C2", "1.0000000000000001E-2") +
		`<c r="D2"><f>C2*30</f><v>0.30000000000000004</v></c></row>` +
		`<row r="4">` + num("A4", "9007199254740993") + `</row>` +
		`<row r="5">` + is("A5", "620103") + `<c r="B5" t="b"><v>1</v></c><c r="C5" t="e"><v>#DIV/0!</v></c>` +
		`<c r="D5" t="str"><f>IF(1,"","x")</f><v></v></c></row>` +
		`<row r="6">` + is("A6", " ") + `</row>` +
		`<row r="9">` + num("C9", "-2.5E-300") + `</row>` +
		`<row r="12">` + is("B12", "") + `</row>`
	got, err := ReadTableFrom(bytes.NewReader(rawWorkbook(t, rawSheet{"数据", data}, rawSheet{"other", ""})), "in.xlsx", "")
	if err != nil {
		t.Fatal(err)
	}
	want := &table.Table{
		File:   "in.xlsx",
		Sheet:  "数据",
		Header: []string{"code", "name", "x", "y"},
		Rows: [][]string{
			{"620102", "城关区", "1.0000000000000001E-2", "0.30000000000000004"},
			{"9007199254740993", "", "", ""},
			{"620103", "1", "#DIV/0!", ""},
			{"", "", "-2.5E-300", ""},
		},
		Lines: []int{2, 4, 5, 9},
	}
	if d := cmp.Diff(want, got); d != "" {
		t.Fatalf("table (-want +got):\n%s", d)
	}
	for _, c := range []struct {
		cell string
		want float64
	}{{"1.0000000000000001E-2", 0.01}, {"0.30000000000000004", tenth + 0.2}, {"-2.5E-300", -2.5e-300}} {
		if v, ok := table.ParseNumber(c.cell); !ok || v != c.want {
			t.Errorf("ParseNumber(%q) = %v, %v; want %v", c.cell, v, ok, c.want)
		}
	}
	if e := got.Errorf(2, 2, locale.M("table.number", "#DIV/0!")).Error(); !strings.HasPrefix(e, "in.xlsx:数据!C5: ") {
		t.Errorf("located error = %q, want it at in.xlsx:数据!C5", e)
	}
}

func TestReadTableFromSheetByName(t *testing.T) {
	wb := rawWorkbook(t,
		rawSheet{"first", `<row r="1">` + is("A1", "a") + `</row><row r="2">` + num("A2", "1") + `</row>`},
		rawSheet{"second", `<row r="1">` + is("A1", "b") + is("B1", "c") + `</row><row r="3">` + num("B3", "7") + `</row>`})
	got, err := ReadTableFrom(bytes.NewReader(wb), "w.xlsx", "second")
	if err != nil {
		t.Fatal(err)
	}
	want := &table.Table{File: "w.xlsx", Sheet: "second", Header: []string{"b", "c"}, Rows: [][]string{{"", "7"}}, Lines: []int{3}}
	if d := cmp.Diff(want, got); d != "" {
		t.Errorf("(-want +got):\n%s", d)
	}
}

func TestReadTableFromErrors(t *testing.T) {
	header := `<row r="1">` + is("A1", "a") + is("B1", "b") + `</row>`
	tests := []struct {
		name  string
		data  []byte
		sheet string
		en    string // the whole error in English
		zh    string // a part of the Chinese message
	}{
		{"csv", []byte("a,b\n1,2\n"), "", "f.xlsx: not a readable Excel workbook (.xlsx): ", "不是可读取的 Excel 工作簿"},
		{"no bytes", nil, "", "f.xlsx: not a readable Excel workbook (.xlsx): ", "不是可读取的"},
		{"missing sheet", rawWorkbook(t, rawSheet{"数据", header}, rawSheet{"说明", ""}), "Data",
			`f.xlsx: no sheet named "Data"; the workbook has: "数据", "说明"`, `没有名为 "Data" 的工作表`},
		{"empty sheet", rawWorkbook(t, rawSheet{"s", `<row r="3">` + is("A3", "  ") + `</row>`}), "",
			"f.xlsx:s: the sheet is empty: no header row", "工作表为空"},
		{"no header", rawWorkbook(t, rawSheet{"s", `<row r="2">` + is("A2", "a") + `</row>`}), "",
			"f.xlsx:s!1: row 1 should hold the header but is empty", "第 1 行应为表头"},
		{"duplicate column", rawWorkbook(t, rawSheet{"s", `<row r="1">` + is("A1", "a") + is("B1", "a ") + `</row>`}), "",
			`f.xlsx:s!B1: column "a" appears twice`, `列名 "a" 重复`},
		{"cell beyond header", rawWorkbook(t, rawSheet{"s", header + `<row r="3">` + num("A3", "1") + num("D3", "5") + `</row>`}), "",
			`f.xlsx:s!D3: this cell has a value ("5") but no column name in the header`, "表头之外"},
		{"formula without result", rawWorkbook(t, rawSheet{"s", header + `<row r="2"><c r="B2"><f>SUM(A1:A2)</f></c></row>`}), "",
			`f.xlsx:s!B2: formula "=SUM(A1:A2)" has no saved result; open and save the workbook in Excel or WPS, then retry`, "没有保存计算结果"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tb, err := ReadTableFrom(bytes.NewReader(tt.data), "f.xlsx", tt.sheet)
			if err == nil {
				t.Fatalf("no error; read %+v", tb)
			}
			var e *table.Error
			switch x := err.(type) {
			case *table.Error:
				e = x
			case table.Errors:
				e = x[0]
			default:
				t.Fatalf("error %T %v is not located", err, err)
			}
			if en := e.Format(locale.EN); !strings.HasPrefix(en, tt.en) {
				t.Errorf("English: %q\nwant prefix %q", en, tt.en)
			}
			if zh := e.Format(locale.ZH); !strings.Contains(zh, tt.zh) {
				t.Errorf("Chinese: %q\nwant it to contain %q", zh, tt.zh)
			}
		})
	}
}

func TestReadTableMissingFile(t *testing.T) {
	if _, err := ReadTable(t.TempDir()+"/none.xlsx", ""); err == nil {
		t.Fatal("reading a missing file gave no error")
	}
}

func TestWriteReadRoundTrip(t *testing.T) {
	tenth := 0.1
	floats := []float64{0.1, tenth + 0.2, 1.0 / 3, 417.7, 107.85, -2.5, 1e-20, 123456789012345678, 1e300,
		math.SmallestNonzeroFloat64, math.MaxFloat64, 5e-7, 1e21, 0}
	rows := [][]any{{"代码", "名称", "值"}}
	for i, v := range floats {
		rows = append(rows, []any{fmt.Sprintf("%06d", i), "县 " + fmt.Sprint(i), v})
	}
	rows = append(rows, []any{"620102", nil, math.NaN()}, []any{"x", 42, int64(9007199254740993)})
	dir := t.TempDir()
	path := dir + "/out.xlsx"
	sheets := []Sheet{
		{Name: "示例数据", Rows: rows, Widths: []float64{10, 0, 14}, BoldHeader: true, FreezeHeader: true},
		{Name: "说明", Rows: [][]any{{"说明"}, {"示例数据"}}},
	}
	if err := WriteFile(path, sheets); err != nil {
		t.Fatal(err)
	}
	got, err := ReadTable(path, "")
	if err != nil {
		t.Fatal(err)
	}
	if got.Sheet != "示例数据" || len(got.Rows) != len(rows)-1 {
		t.Fatalf("sheet %q with %d rows, want 示例数据 with %d", got.Sheet, len(got.Rows), len(rows)-1)
	}
	for i, v := range floats {
		r := got.Rows[i]
		if r[0] != fmt.Sprintf("%06d", i) {
			t.Errorf("row %d code %q: leading zeros lost", i, r[0])
		}
		back, ok := table.ParseNumber(r[2])
		if !ok || math.Float64bits(back) != math.Float64bits(v) {
			t.Errorf("%v written, read %q = %v", v, r[2], back)
		}
	}
	n := len(floats)
	if d := cmp.Diff([][]string{{"620102", "", ""}, {"x", "42", "9007199254740993"}}, got.Rows[n:]); d != "" {
		t.Errorf("blank and integer cells (-want +got):\n%s", d)
	}
	if d := cmp.Diff([]int{2, 3}, got.Lines[:2]); d != "" {
		t.Errorf("lines (-want +got):\n%s", d)
	}
	notes, err := ReadTable(path, "说明")
	if err != nil {
		t.Fatal(err)
	}
	if d := cmp.Diff([][]string{{"示例数据"}}, notes.Rows); d != "" {
		t.Errorf("second sheet (-want +got):\n%s", d)
	}
}
