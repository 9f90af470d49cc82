package xlsx

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"strings"
	"testing"

	"github.com/qiangxian/qiangxian/internal/locale"
	"github.com/qiangxian/qiangxian/internal/table"
	"github.com/qiangxian/qiangxian/internal/table/tabletest"
)

// peakBound is what any hostile workbook may cost the reader: the files
// below would take from gigabytes to 256 GiB read naively.
const peakBound = 64 << 20

// limits returns the default limits changed by edit.
func limits(edit func(*table.Limits)) table.Limits {
	l := table.DefaultLimits()
	if edit != nil {
		edit(&l)
	}
	return l
}

// TestHostileWorkbooks reads workbooks built to exhaust a naive reader and
// checks that each is refused with a message naming its place, with the
// heap's peak growth under peakBound. The figures (peak, time to refusal)
// are logged for docs/PERFORMANCE.md: go test -v -run HostileWorkbooks.
func TestHostileWorkbooks(t *testing.T) {
	cases := []struct {
		name string
		book tabletest.Workbook
		lim  table.Limits
		want string // the error, in English, from its start
	}{
		{
			// The 68 KB file of issue 11: a header cell at XFD (column
			// 16,384) and a million one-cell rows, 16,384 × 10⁶ cells to
			// a reader that pads every row to the widest.
			name: "header at XFD and a million one-cell rows",
			book: tabletest.Workbook{Sheet: tabletest.XFDSheet(1_000_000)},
			lim:  limits(nil),
			want: "h.xlsx:s!XFD1: more than 4096 columns",
		},
		{
			// The same with columns allowed up to XFD: 16,384 cells a row;
			// 244 rows hold 3,997,696 ≤ 4,000,000 cells, row 245 makes
			// 4,014,080, so it is refused there.
			name: "a million rows padded to XFD",
			book: tabletest.Workbook{Sheet: tabletest.XFDSheet(1_000_000)},
			lim:  limits(func(l *table.Limits) { l.Columns = 16384 }),
			want: "h.xlsx:s!245: the table has more than 4000000 cells",
		},
		{
			// 64 MiB of whitespace that deflates ~1,000 to 1: refused from
			// the zip directory, before inflating a byte.
			name: "whitespace bomb",
			book: tabletest.Workbook{Sheet: tabletest.PaddedSheet(64 << 20)},
			lim:  limits(nil),
			want: "h.xlsx: the workbook part xl/worksheets/sheet1.xml expands 1",
		},
		{
			// With the ratio check off, the scanner refuses the padding
			// after 8 × 32 KiB + 4 KiB = 266,240 bytes of it.
			name: "whitespace bomb without the ratio check",
			book: tabletest.Workbook{Sheet: tabletest.PaddedSheet(64 << 20)},
			lim:  limits(func(l *table.Limits) { l.Ratio = 1 << 30 }),
			want: "h.xlsx:s!1: the XML holds a text or tag longer than 266240 bytes",
		},
		{
			name: "padding inside an attribute",
			book: tabletest.Workbook{Sheet: func(w io.Writer) {
				io.WriteString(w, `<sheetData><row r="1" x="`)
				tabletest.Spaces(w, 8<<20)
				io.WriteString(w, `">`+tabletest.Inline("A1", "a")+`</row></sheetData>`)
			}},
			lim:  limits(func(l *table.Limits) { l.Ratio = 1 << 30 }),
			want: "h.xlsx:s: the XML holds a text or tag longer than 266240 bytes",
		},
		{
			// A classic zip bomb: 257 MiB of zeros in a part of 257 KB.
			name: "zip bomb",
			book: tabletest.Workbook{Sheet: smallSheet, Extra: map[string]int64{"xl/media/bomb.bin": 257 << 20}},
			lim:  limits(nil),
			want: "h.xlsx: the workbook part xl/media/bomb.bin expands to 269484032 bytes, over the limit of 268435456",
		},
		{
			// Parts of 1 MiB each (too small for the ratio check) that
			// together exceed the archive's limit.
			name: "many parts",
			book: tabletest.Workbook{Sheet: smallSheet, Extra: manyParts(12, 1<<20)},
			lim:  limits(func(l *table.Limits) { l.UnzipBytes = 8 << 20 }),
			want: "h.xlsx: the workbook expands to more than 8388608 bytes",
		},
		{
			// A part whose header says 1,000 bytes and whose data inflate
			// to 10 MiB: archive/zip stops at the declared size.
			name: "a part that lies about its size",
			book: tabletest.Workbook{Sheet: tabletest.PaddedSheet(10 << 20), Lie: 1000},
			lim:  limits(nil),
			want: "h.xlsx:s",
		},
		{
			name: "two hundred thousand shared strings",
			book: tabletest.Workbook{Sheet: smallSheet, SST: func(w io.Writer) {
				for range 200_000 {
					io.WriteString(w, `<si><t>a</t></si>`)
				}
			}},
			lim:  limits(func(l *table.Limits) { l.SharedStrings = 100_000; l.Ratio = 1 << 30 }),
			want: "h.xlsx:s: more than 100000 shared strings",
		},
		{
			name: "a shared string of 100 KiB",
			book: tabletest.Workbook{Sheet: smallSheet, SST: func(w io.Writer) {
				io.WriteString(w, `<si><t>`+strings.Repeat("x", 100<<10)+`</t></si>`)
			}},
			lim:  limits(func(l *table.Limits) { l.Ratio = 1 << 30 }),
			want: "h.xlsx:s: shared string 1 is over the limit of 32768 bytes",
		},
		{
			// 300 strings of 30,000 bytes: 9,000,000 > 4 MiB together.
			name: "shared strings over their total",
			book: tabletest.Workbook{Sheet: smallSheet, SST: func(w io.Writer) {
				for i := range 300 {
					fmt.Fprintf(w, `<si><t>%d%s</t></si>`, i, strings.Repeat("y", 30_000))
				}
			}},
			lim:  limits(func(l *table.Limits) { l.SharedBytes = 4 << 20; l.Ratio = 1 << 30 }),
			want: "h.xlsx:s: the shared strings exceed 4194304 bytes together",
		},
		{
			// Header on row 1, data rows 2 to 1,002: row 1,002 is the
			// 1,001st data row.
			name: "more rows than allowed",
			book: tabletest.Workbook{Sheet: func(w io.Writer) {
				io.WriteString(w, `<sheetData><row r="1">`+tabletest.Inline("A1", "code")+`</row>`)
				for r := 2; r <= 1_002; r++ {
					fmt.Fprintf(w, `<row r="%d"><c r="A%d"><v>%d</v></c></row>`, r, r, r)
				}
				io.WriteString(w, `</sheetData>`)
			}},
			lim:  limits(func(l *table.Limits) { l.Rows = 1000 }),
			want: "h.xlsx:s!1002: more than 1000 data rows",
		},
		{
			name: "a cell of 40,000 bytes",
			book: tabletest.Workbook{Sheet: func(w io.Writer) {
				io.WriteString(w, `<sheetData><row r="1">`+tabletest.Inline("A1", "code")+tabletest.Inline("B1", "note")+`</row>`+
					`<row r="2">`+tabletest.Inline("A2", "620102")+tabletest.Inline("B2", strings.Repeat("长", 40_000/3+1))+`</row></sheetData>`)
			}},
			lim:  limits(nil),
			want: "h.xlsx:s!B2: the cell is over the limit of 32768 bytes",
		},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			data := c.book.Build(t)
			var err error
			peak, took := tabletest.PeakHeap(func() {
				_, err = ReadTableFromWith(bytes.NewReader(data), "h.xlsx", "", c.lim)
			})
			t.Logf("%d-byte file: refused in %v, heap peak +%.1f MiB: %v", len(data), took, float64(peak)/(1<<20), err)
			if err == nil || !strings.HasPrefix(err.Error(), c.want) {
				t.Errorf("error %v, want one starting %q", err, c.want)
			}
			var te *table.Error
			if !errors.As(err, &te) || te.File != "h.xlsx" {
				t.Errorf("error %T is not located in h.xlsx", err)
			}
			if peak > peakBound {
				t.Errorf("heap grew by %d bytes, over %d", peak, peakBound)
			}
		})
	}
}

func smallSheet(w io.Writer) {
	io.WriteString(w, `<sheetData><row r="1">`+tabletest.Inline("A1", "code")+`</row><row r="2"><c r="A2" t="s"><v>0</v></c></row></sheetData>`)
}

func manyParts(n int, size int64) map[string]int64 {
	m := map[string]int64{}
	for i := range n {
		m[fmt.Sprintf("xl/media/p%d.bin", i)] = size
	}
	return m
}

// TestLegacyWorkbook: an .xls (or WPS .et) saved under any name is told
// to be saved as .xlsx, in Chinese by default.
func TestLegacyWorkbook(t *testing.T) {
	data := append(append([]byte{}, ole2Magic...), make([]byte, 4096)...)
	_, err := ReadTableFrom(bytes.NewReader(data), "report.xlsx", "")
	var te *table.Error
	if !errors.As(err, &te) {
		t.Fatalf("error %v is not a table error", err)
	}
	if got := te.Format(locale.ZH); !strings.Contains(got, "请在 Excel 或 WPS 中另存为 .xlsx") || !strings.HasPrefix(got, "report.xlsx: ") {
		t.Errorf("zh %q", got)
	}
	for _, name := range []string{"a.xls", "B.XLS", "c.et"} {
		if !IsLegacy(name) {
			t.Errorf("%s is not legacy", name)
		}
	}
	if IsLegacy("d.xlsx") || IsLegacy("e.csv") {
		t.Error("xlsx or csv taken for legacy")
	}
}

// TestTitledSheetPadding: a sheet whose row 1 is a one-cell title takes
// the width of its header rows below; padded to it, 10,000 one-cell rows
// (FAN is column 4,096) would be 10,000 × 4,096 cells, so it is refused at the row that goes
// over the cell limit: 1,000,000 / 4,096 = 244 rows fit (row 1 included),
// the 245th row of the sheet's list, line 245, does not.
func TestTitledSheetPadding(t *testing.T) {
	data := tabletest.Workbook{Sheet: func(w io.Writer) {
		io.WriteString(w, `<sheetData><row r="1">`+tabletest.Inline("A1", "标题")+`</row><row r="2">`+
			tabletest.Inline("A2", "地区")+tabletest.Inline("FAN2", "x")+`</row>`)
		for r := 3; r <= 10_002; r++ {
			fmt.Fprintf(w, `<row r="%d"><c r="A%d"><v>1</v></c></row>`, r, r)
		}
		io.WriteString(w, `</sheetData>`)
	}}.Build(t)
	_, err := ReadTableFromWith(bytes.NewReader(data), "t.xlsx", "", limits(func(l *table.Limits) { l.Cells = 1_000_000 }))
	if want := "t.xlsx:s!245: the table has more than 1000000 cells"; err == nil || !strings.HasPrefix(err.Error(), want) {
		t.Errorf("error %v, want %q", err, want)
	}
}
