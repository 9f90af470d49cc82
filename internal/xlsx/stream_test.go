package xlsx

import (
	"archive/zip"
	"bytes"
	"errors"
	"io"
	"math"
	"math/rand/v2"
	"strings"
	"testing"
	"testing/iotest"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/qiangxian/qiangxian/internal/locale"
	"github.com/qiangxian/qiangxian/internal/table"
)

// withParts returns the workbook wb with parts added or replaced.
func withParts(tb testing.TB, wb []byte, parts map[string]string) []byte {
	tb.Helper()
	zr, err := zip.NewReader(bytes.NewReader(wb), int64(len(wb)))
	if err != nil {
		tb.Fatal(err)
	}
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	put := func(name string, data []byte) {
		w, err := zw.Create(name)
		if err == nil {
			_, err = w.Write(data)
		}
		if err != nil {
			tb.Fatal(err)
		}
	}
	for _, f := range zr.File {
		if _, ok := parts[f.Name]; ok {
			continue
		}
		rc, err := f.Open()
		if err != nil {
			tb.Fatal(err)
		}
		data, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			tb.Fatal(err)
		}
		put(f.Name, data)
	}
	for name, data := range parts {
		put(name, []byte(data))
	}
	if err := zw.Close(); err != nil {
		tb.Fatal(err)
	}
	return buf.Bytes()
}

// english renders a reading error in English, whatever its type.
func english(err error) string {
	switch e := err.(type) {
	case nil:
		return ""
	case *table.Error:
		return e.Format(locale.EN)
	case table.Errors:
		lines := make([]string, len(e))
		for i, x := range e {
			lines[i] = x.Format(locale.EN)
		}
		return strings.Join(lines, "\n")
	}
	return "unlocated: " + err.Error()
}

// sameAsExcelize reads wb with ReadTableFrom and with excelize's iterator
// and lookups, and fails unless both give the same table or error.
func sameAsExcelize(t *testing.T, wb []byte, sheet string) (*table.Table, error) {
	t.Helper()
	got, err := ReadTableFrom(bytes.NewReader(wb), "w.xlsx", sheet)
	want, wantErr := excelizeRead(wb, "w.xlsx", sheet)
	if d := cmp.Diff(english(wantErr), english(err)); d != "" {
		t.Errorf("error (-excelize +streamed):\n%s", d)
	}
	if d := cmp.Diff(want, got); d != "" {
		t.Errorf("table (-excelize +streamed):\n%s", d)
	}
	return got, err
}

// TestReadTableLikeExcelize compares the streaming reader with excelize on
// hand-written sheets that use what the file format allows: shared and
// inline strings with rich text and phonetic runs, _xHHHH_ escapes,
// entities, CDATA, comments, namespace prefixes, cells and rows without
// positions, and formulas with and without saved results.
func TestReadTableLikeExcelize(t *testing.T) {
	const sst = `<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">` +
		`<si><t>plain</t></si><si><r><t>ri</t></r><r><rPr><b/></rPr><t xml:space="preserve">ch </t></r></si>` +
		`<si><t>ピ</t><rPh sb="0" eb="1"><t>pi</t></rPh></si><si><t>a_x000D_b_x005F_x0041_c_xD800_</t></si>` +
		`<si><t/></si><si><t>x&amp;y&#x4E2D;</t></si></sst>`
	header := `<row r="1">` + is("A1", "a") + is("B1", "b") + is("C1", "c") + `</row>`
	tests := []struct{ name, data string }{
		{"shared strings", header + `<row r="2"><c r="A2" t="s"><v>0</v></c><c r="B2" t="s"><v>1</v></c><c r="C2" t="s" s="3"><v> 2 </v></c></row>` +
			`<row r="3"><c r="A3" t="s"><v>3</v></c><c r="B3" t="s"><v>4</v></c><c r="C3" t="s"><v>5</v></c></row>`},
		{"inline rich text", header + `<row r="2"><c r="A2" t="inlineStr"><is><r><t>a</t></r><r><rPr><b/></rPr><t xml:space="preserve"> b</t></r>` +
			`<rPh><t>x</t></rPh></is></c><c r="B2" t="inlineStr"><v>7</v></c><c r="C2" t="inlineStr"><is><t>_x0041__x005f_</t></is></c></row>`},
		{"entities cdata comments", header + `<?pi x?><row r="2"><!-- a comment --><c r="A2" t="inlineStr"><is><t>a&amp;b&#x41;&#66;&lt;&gt;&quot;&apos;` +
			`<![CDATA[<c>&amp;]]></t></is></c><c r="B2"><!-- --><v>1.5</v></c></row>`},
		{"line ends", header + "<row r=\"2\"><c r=\"A2\" t=\"inlineStr\"><is><t>a\r\nb\rc\nd</t></is></c><c r=\"B2\" t=\"str\"><v>x&#13;\r\ny</v></c></row>"},
		{"prefixes", header + `<x:row r="2" xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main">` +
			`<x:c r="A2"><x:v>7</x:v></x:c><x:c r="C2" t="inlineStr"><x:is><x:t>z</x:t></x:is></x:c></x:row>`},
		{"no positions", `<row>` + `<c t="inlineStr"><is><t>a</t></is></c><c t="inlineStr"><is><t>b</t></is></c></row>` +
			`<row><c><v>1</v></c><c><v>2</v></c></row><row r="5"><c r="B5"><v>3</v></c><c><v>4</v></c></row><row><c><v>5</v></c></row>`},
		{"value types", header + `<row r="2"><c r="A2" t="b"><v>0</v></c><c r="B2" t="e"><v>#N/A</v></c><c r="C2" t="d"><v>2024-01-31T00:00:00Z</v></c></row>` +
			`<row r="3"><c r="A3" t="str"><v> padded </v></c><c r="B3" s="2"><v> 12 </v></c><c r="C3" t="n"><v>1E+300</v></c></row>`},
		{"blank and styled rows", header + `<row r="2"/><row r="3"><c r="A3" s="1"/><c r="B3" t="s"/></row><row r="4" spans="1:3" ht="20">` +
			num("C4", "4") + `</row><row r="7"><c r="A7" t="inlineStr"><is><t> </t></is></c></row>`},
		{"references", header + `<row r="2"><c r="b2"><v>1</v></c><c r="$C$2"><v>2</v></c></row><row r="3"><c r="A9"><v>3</v></c></row>`},
		{"value at any depth", header + `<row r="2"><c r="A2"><extLst><v>9</v></extLst></c><c r="B2"><v>1</v><v>2</v></c></row>`},
		{"short and long rows", `<row r="1">` + is("A1", "a") + is("B1", "b") + is("E1", " ") + `</row><row r="2">` + num("A2", "1") + `</row>` +
			`<row r="3">` + num("B3", "2") + is("D3", " ") + `</row>`},
		{"formulas with results", header + `<row r="2"><c r="A2"><f>1+1</f><v>2</v></c><c r="B2" t="str"><f>""</f><v></v></c>` +
			`<c r="C2" t="e"><f>1/0</f><v>#DIV/0!</v></c></row><row r="3"><c r="A3"><f/></c><c r="B3" t="b"><f>TRUE</f></c></row>`},
		{"formula without result", header + `<row r="2"><c r="A2"><f>SUM(B2:C2)</f></c><c r="B2" t="n"><f>1&lt;2</f><v></v></c>` + num("C2", "1") + `</row>` +
			`<row r="3"><c r="D3"><f>1</f></c></row><row r="4"><c r="C4"><f>X4</f></c></row>`},
		{"formula without result in the header", `<row r="1">` + is("A1", "a") + `<c r="B1"><f>"b"</f></c>` + is("C1", "c") + `</row><row r="2">` + num("A2", "1") + `</row>`},
		{"shared formula without results", header + `<row r="2"><c r="A2"><f t="shared" ref="A2:A4" si="0">B2*2</f></c>` + num("B2", "1") + `</row>` +
			`<row r="3"><c r="A3"><f t="shared" si="0"/></c>` + num("B3", "2") + `</row><row r="4"><c r="A4"><f t="shared" si="0"/><v>6</v></c>` +
			`<c r="B4"><f t="shared" si="7"/></c><c r="C4"><f t="array" ref="C4">B4</f></c></row>`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			wb := withParts(t, rawWorkbook(t, rawSheet{"s", tt.data}), map[string]string{"xl/sharedStrings.xml": sst})
			sameAsExcelize(t, wb, "")
		})
	}
}

// TestReadTableWrittenLikeExcelize compares the two readers on workbooks
// that Write makes (shared strings, as Excel writes them) from random
// cells: texts with characters XML escapes, numbers at full precision,
// blanks, short and blank rows.
func TestReadTableWrittenLikeExcelize(t *testing.T) {
	texts := []string{"a&b", "<x>", "_x000D_", "_x005F_x0041_", "l1\r\nl2", "tab\t", " lead", "trail ", "县区", `"q"`, "'", "😀", "]]>", "", "  "}
	rng := rand.New(rand.NewPCG(1, 2))
	for n := range 20 {
		width := 1 + rng.IntN(8)
		rows := [][]any{}
		header := []any{}
		for c := range width {
			header = append(header, "c"+string(rune('A'+c)))
		}
		rows = append(rows, header)
		for range rng.IntN(30) {
			row := make([]any, rng.IntN(width+2))
			for c := range row {
				switch rng.IntN(6) {
				case 0:
					row[c] = texts[rng.IntN(len(texts))]
				case 1:
					row[c] = math.Float64frombits(rng.Uint64())
					if v := row[c].(float64); math.IsInf(v, 0) {
						row[c] = nil
					}
				case 2:
					row[c] = rng.NormFloat64() * 1e3
				case 3:
					row[c] = rng.Int64() - rng.Int64()
				case 4:
					row[c] = nil
				case 5:
					row[c] = math.NaN()
				}
			}
			rows = append(rows, row)
		}
		var buf bytes.Buffer
		if err := Write(&buf, []Sheet{{Name: "数据", Rows: rows}, {Name: "second", Rows: [][]any{{"x"}, {"1"}}}}); err != nil {
			t.Fatal(err)
		}
		t.Run(string(rune('a'+n)), func(t *testing.T) {
			sameAsExcelize(t, buf.Bytes(), "")
			sameAsExcelize(t, buf.Bytes(), "second")
		})
	}
}

// TestReadTableMalformedSheets: sheets that excelize reads into something
// wrong without a word (rows merged, cells moved, values dropped, a
// truncated sheet cut short) are errors located as near as can be.
func TestReadTableMalformedSheets(t *testing.T) {
	header := `<row r="1">` + is("A1", "a") + is("B1", "b") + `</row>`
	tests := []struct{ name, data, en string }{
		{"rows out of order", header + `<row r="5">` + num("A5", "1") + `</row><row r="2">` + num("A2", "2") + `</row>`,
			"w.xlsx:s!2: cannot read the sheet: row 2 comes after row 5"},
		{"same row twice", header + `<row r="2">` + num("A2", "1") + `</row><row r="2">` + num("B2", "2") + `</row>`,
			"w.xlsx:s!2: cannot read the sheet: row 2 comes after row 2"},
		{"invalid row number", header + `<row r="x2">` + num("A2", "1") + `</row>`,
			`w.xlsx:s!1: cannot read the sheet: invalid row number "x2"`},
		{"beyond the last row", header + `<row r="1048577">` + num("A2", "1") + `</row>`,
			"w.xlsx:s: cannot read the sheet: row 1048577 is beyond the last row of a sheet (1048576)"},
		{"cells out of order", header + `<row r="2">` + num("B2", "1") + num("A2", "2") + `</row>`,
			"w.xlsx:s!A2: cannot read the sheet: cells of row 2 are out of order"},
		{"invalid cell reference", header + `<row r="2">` + num("2A", "1") + `</row>`,
			`w.xlsx:s!2: cannot read the sheet: invalid cell reference "2A"`},
		{"beyond the last column", header + `<row r="2">` + num("XFE2", "1") + `</row>`,
			`w.xlsx:s!2: cannot read the sheet: invalid cell reference "XFE2"`},
		{"missing shared string", header + `<row r="2"><c r="A2" t="s"><v>0</v></c></row>`,
			`w.xlsx:s!A2: cannot read the sheet: shared string "0" does not exist`},
		{"truncated", header + `<row r="2"><c r="A2"><v>1`,
			"w.xlsx:s!2: cannot read the sheet: malformed XML at byte "},
		{"unknown entity", header + `<row r="2"><c r="A2" t="str"><v>&nbsp;</v></c></row>`,
			"w.xlsx:s!A2: cannot read the sheet: malformed XML at byte "},
		{"unquoted attribute", header + `<row r=2></row>`,
			"w.xlsx:s!1: cannot read the sheet: malformed XML at byte "},
		{"document type", `<!DOCTYPE x [<!ENTITY a "b">]>` + header,
			"w.xlsx:s: cannot read the sheet: malformed XML at byte "},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ReadTableFrom(bytes.NewReader(rawWorkbook(t, rawSheet{"s", tt.data})), "w.xlsx", "")
			if en := english(err); !strings.HasPrefix(en, tt.en) {
				t.Errorf("error %q\nwant prefix %q", en, tt.en)
			}
		})
	}
}

// TestReadTablePackage: the sheets are found through the relationship
// parts, with absolute or relative targets, in any letter case.
func TestReadTablePackage(t *testing.T) {
	sheet := `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1">` +
		is("A1", "a") + `</row><row r="2">` + num("A2", "1") + `</row></sheetData></worksheet>`
	wb := withParts(t, rawWorkbook(t, rawSheet{"one", ""}, rawSheet{"two", ""}), map[string]string{
		"xl/_rels/workbook.xml.rels": `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
			`<Relationship Id="rId1" Type="http://purl.oclc.org/ooxml/officeDocument/relationships/worksheet" Target="/xl/worksheets/sheet1.xml"/>` +
			`<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="./Data/../Sheets/Two.xml"/>` +
			`</Relationships>`,
		"xl/sheets/two.xml": sheet,
	})
	got, err := ReadTableFrom(bytes.NewReader(wb), "w.xlsx", "two")
	if err != nil {
		t.Fatal(err)
	}
	want := &table.Table{File: "w.xlsx", Sheet: "two", Header: []string{"a"}, Rows: [][]string{{"1"}}, Lines: []int{2}}
	if d := cmp.Diff(want, got); d != "" {
		t.Errorf("(-want +got):\n%s", d)
	}
	if _, err := ReadTableFrom(bytes.NewReader(wb), "w.xlsx", "one"); !strings.HasPrefix(english(err), "w.xlsx:one: the sheet is empty") {
		t.Errorf("sheet one: %v, want it empty", err)
	}
}

// TestReadSheetInPieces: the sheet's XML arrives from the zip reader in
// pieces of any size; a token cut between two pieces reads the same.
func TestReadSheetInPieces(t *testing.T) {
	xml := "<?xml version=\"1.0\"?>\r\n<worksheet><!-- a -- comment --->" + `<sheetData><row r="1">` + is("A1", "a&amp;b") +
		is("B1", "c&#x4E2D;d") + `<c r="C1" t="inlineStr"><is><t><![CDATA[x]]y]]></t></is></c></row>` +
		"<row r='2' spans=\"1:3\">" + num("A2", "1.5") + "<c r=\"B2\" t=\"str\"><v>p\r\nq&lt;</v></c><c r=\"C2\"><f>A2*2</f></c></row>" +
		`<row r="4"><c r="A4" t="inlineStr"><is><r><t>r1</t></r><r><t>r2</t></r></is></c></row></sheetData><ignored></worksheet>`
	whole, err := readSheet(strings.NewReader(xml), nil, table.DefaultLimits(), nil)
	if err != nil {
		t.Fatal(err)
	}
	want := [][]string{{"a&b", "c中d", "x]]y"}, {"1.5", "p\nq<", ""}, {"r1r2"}}
	if d := cmp.Diff(want, whole.rows); d != "" {
		t.Errorf("rows (-want +got):\n%s", d)
	}
	if d := cmp.Diff([]formulaCell{{line: 2, col: 3, text: "A2*2"}}, whole.uncalc, cmp.AllowUnexported(formulaCell{})); d != "" {
		t.Errorf("formulas without results (-want +got):\n%s", d)
	}
	for name, r := range map[string]io.Reader{
		"one byte":   iotest.OneByteReader(strings.NewReader(xml)),
		"half":       iotest.HalfReader(strings.NewReader(xml)),
		"data + EOF": iotest.DataErrReader(strings.NewReader(xml)),
	} {
		got, err := readSheet(r, nil, table.DefaultLimits(), nil)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if d := cmp.Diff(whole, got, cmp.AllowUnexported(sheetData{}, formulaCell{}, richText{}), cmpopts.IgnoreFields(sheetData{}, "vbuf", "fbuf", "rich")); d != "" {
			t.Errorf("%s (-whole +pieces):\n%s", name, d)
		}
	}
	cut := io.MultiReader(strings.NewReader(xml[:200]), iotest.ErrReader(errors.New("zip: checksum error")))
	if _, err := readSheet(cut, nil, table.DefaultLimits(), nil); err == nil || err.Error() != "zip: checksum error" {
		t.Errorf("a failing source gave %v, want its error", err)
	}
}
