package xlsx

import (
	"bytes"
	"errors"
	"io"
	"testing"

	"github.com/qiangxian/qiangxian/internal/table"
	"github.com/qiangxian/qiangxian/internal/table/tabletest"
)

// FuzzReadTable feeds arbitrary bytes to the reader: it must never panic,
// every error must be located in the file, and every table it returns must
// be well formed.
func FuzzReadTable(f *testing.F) {
	var good bytes.Buffer
	if err := Write(&good, []Sheet{{Name: "数据", Rows: [][]any{{"a", "b"}, {1.5, "x"}, {nil, 2}}}}); err != nil {
		f.Fatal(err)
	}
	f.Add(good.Bytes())
	f.Add(rawWorkbook(f, rawSheet{"s", `<row r="1">` + is("A1", "a") + `</row><row r="3">` + num("B3", "1E-2") + `</row>`}))
	f.Add(rawWorkbook(f, rawSheet{"s", `<row r="5">` + num("A5", "1") + `</row><row r="2">` + num("A2", "2") + `</row>`}))
	f.Add(tabletest.Workbook{Sheet: func(w io.Writer) {
		io.WriteString(w, `<sheetData><row r="1">`+is("A1", "a")+`</row><row r="2"><c r="A2" s="1"><v>45000</v></c></row></sheetData>`+
			`<mergeCells count="1"><mergeCell ref="A1:B2"/></mergeCells>`)
	}, Styles: `<numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy"/></numFmts><cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="164"/></cellXfs>`,
		SST: func(w io.Writer) { io.WriteString(w, `<si><t>x</t></si>`) }}.Build(f))
	f.Add(tabletest.Workbook{Sheet: tabletest.XFDSheet(3)}.Build(f))
	f.Add([]byte("a,b\n1,2\n"))
	f.Add([]byte("PK\x03\x04"))
	f.Add([]byte{})
	f.Fuzz(func(t *testing.T, data []byte) {
		tb, err := ReadTableFrom(bytes.NewReader(data), "fuzz.xlsx", "")
		if err != nil {
			var one *table.Error
			var many table.Errors
			switch {
			case errors.As(err, &one):
				if one.File != "fuzz.xlsx" {
					t.Errorf("error names file %q", one.File)
				}
			case errors.As(err, &many):
				if len(many) == 0 || many[0].File != "fuzz.xlsx" {
					t.Errorf("errors %v do not name the file", many)
				}
			default:
				t.Errorf("error %T %v is not a located table error", err, err)
			}
			return
		}
		if tb.Sheet == "" || len(tb.Rows) != len(tb.Lines) {
			t.Fatalf("sheet %q, %d rows, %d lines", tb.Sheet, len(tb.Rows), len(tb.Lines))
		}
		prev := 1
		for i, r := range tb.Rows {
			if len(r) != len(tb.Header) {
				t.Errorf("row %d has %d cells, header %d", i, len(r), len(tb.Header))
			}
			if tb.Lines[i] <= prev {
				t.Errorf("line %d after %d", tb.Lines[i], prev)
			}
			prev = tb.Lines[i]
		}
	})
}
