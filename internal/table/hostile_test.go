package table

import (
	"bytes"
	"errors"
	"io"
	"strings"
	"testing"

	"golang.org/x/text/encoding/simplifiedchinese"

	"github.com/qiangxian/qiangxian/internal/locale"
	"github.com/qiangxian/qiangxian/internal/table/tabletest"
)

// repeat is a reader of n copies of s, so that a test streams a 63 MiB
// file without holding it.
func repeat(s string, n int) io.Reader {
	return io.LimitReader(&cycle{s: s}, int64(len(s)*n))
}

type cycle struct {
	s string
	i int
}

func (c *cycle) Read(p []byte) (int, error) {
	for k := range p {
		p[k] = c.s[c.i]
		c.i = (c.i + 1) % len(c.s)
	}
	return len(p), nil
}

func lim(edit func(*Limits)) Limits {
	l := DefaultLimits()
	if edit != nil {
		edit(&l)
	}
	return l
}

// TestHostileCSV reads CSV files built to exhaust a naive reader: each is
// refused at its place, with the heap's peak growth under 64 MiB (reading
// the 63 MiB line whole took 5.7 GB). Figures: go test -v -run HostileCSV.
func TestHostileCSV(t *testing.T) {
	cases := []struct {
		name string
		src  func() io.Reader
		lim  Limits
		want string
	}{
		{
			// Issue 11: 63 MiB, one header line of commas. Field 4,097
			// is the first over the limit of 4,096.
			name: "63 MiB header of commas",
			src:  func() io.Reader { return io.MultiReader(repeat(",", 63<<20), strings.NewReader("\n")) },
			lim:  lim(nil),
			want: "c.csv:1:4097: more than 4096 columns",
		},
		{
			name: "just over the column limit",
			src:  func() io.Reader { return strings.NewReader(strings.Repeat("a,", 4096) + "b\n") },
			lim:  lim(nil),
			want: "c.csv:1:4097: more than 4096 columns",
		},
		{
			// The second line: a data row of commas after a good header.
			name: "a data row of commas",
			src: func() io.Reader {
				return io.MultiReader(strings.NewReader("代码,gdp\n620102,1\n"), repeat(",", 8<<20))
			},
			lim:  lim(func(l *Limits) { l.Columns = 100 }),
			want: "c.csv:3:101: more than 100 columns",
		},
		{
			// An unclosed quote: the record that starts on line 2 runs
			// to the end of the file, past 4 MiB.
			name: "an unclosed quoted field of 16 MiB",
			src: func() io.Reader {
				return io.MultiReader(strings.NewReader("a,b\n1,\""), repeat("x\n", 8<<20))
			},
			lim:  lim(nil),
			want: "c.csv:2: the row is over the limit of 4194304 bytes",
		},
		{
			name: "over the file size",
			src:  func() io.Reader { return io.MultiReader(strings.NewReader("a,b\n"), repeat("1,2\n", 1<<20)) },
			lim:  lim(func(l *Limits) { l.FileBytes = 1 << 20 }),
			want: "c.csv: the file is over the limit of 1048576 bytes",
		},
		{
			// Header on line 1, rows on lines 2…: line 1,002 holds the
			// 1,001st row.
			name: "more rows than allowed",
			src:  func() io.Reader { return io.MultiReader(strings.NewReader("a,b\n"), repeat("1,2\n", 1<<20)) },
			lim:  lim(func(l *Limits) { l.Rows = 1000 }),
			want: "c.csv:1002: more than 1000 data rows",
		},
		{
			// 2 columns: 5,000 cells hold the header and 2,499 rows, so
			// line 2,501 (the 2,500th row) makes 5,002.
			name: "more cells than allowed",
			src:  func() io.Reader { return io.MultiReader(strings.NewReader("a,b\n"), repeat("1,2\n", 1<<20)) },
			lim:  lim(func(l *Limits) { l.Cells = 5000 }),
			want: "c.csv:2501: the table has more than 5000 cells",
		},
		{
			name: "a cell of 40,000 bytes",
			src:  func() io.Reader { return strings.NewReader("a,b\n1," + strings.Repeat("x", 40_000) + "\n") },
			lim:  lim(nil),
			want: "c.csv:2:2: the cell is over the limit of 32768 bytes",
		},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var err error
			peak, took := tabletest.PeakHeap(func() { _, err = ReadWith("c.csv", c.src(), c.lim) })
			t.Logf("refused in %v, heap peak +%.1f MiB: %v", took, float64(peak)/(1<<20), err)
			if err == nil || !strings.HasPrefix(err.Error(), c.want) {
				t.Errorf("error %v, want one starting %q", err, c.want)
			}
			if peak > 64<<20 {
				t.Errorf("heap grew by %d bytes", peak)
			}
		})
	}
}

// TestGBKConverted: a CSV saved by Excel or WPS on Chinese Windows (code
// page 936) is read as GB18030 and says so; bytes that are neither UTF-8
// nor GB18030 are refused at their line.
func TestGBKConverted(t *testing.T) {
	text := "代码,名称,gdp\n620102,城关区,1.5\n620103,七里河区,2e-06\n"
	gbk, err := simplifiedchinese.GBK.NewEncoder().String(text)
	if err != nil {
		t.Fatal(err)
	}
	tb, err := Read("g.csv", strings.NewReader(gbk))
	if err != nil {
		t.Fatal(err)
	}
	if tb.Encoding != "GB18030" || tb.Header[1] != "名称" || tb.Rows[1][1] != "七里河区" {
		t.Errorf("encoding %q, header %q, rows %q", tb.Encoding, tb.Header, tb.Rows)
	}
	if got := tb.EncodingNotice().In(locale.ZH); !strings.Contains(got, "GB18030") {
		t.Errorf("notice %q", got)
	}
	utf, err := Read("u.csv", strings.NewReader(text))
	if err != nil || utf.Encoding != "" {
		t.Errorf("UTF-8 read as %q (%v)", utf.Encoding, err)
	}

	for _, c := range []struct{ name, in, want string }{
		// 0xFF is a byte of neither encoding.
		{"neither", "a,b\n1,2\n3,\xff\xfe\n", "x.csv:3: 文件不是 UTF-8 编码（可能是 GBK）"},
		// Past the window that decides the encoding, a UTF-8 file with a
		// GBK cell (城 is C7 BD) is refused at that cell.
		{"late", "a,b\n" + strings.Repeat("1,2\n", 20_000) + "3,\xb3\xc7\n", "x.csv:20002:2: 文件不是 UTF-8 编码（可能是 GBK）"},
	} {
		t.Run(c.name, func(t *testing.T) {
			_, err := Read("x.csv", strings.NewReader(c.in))
			var es Errors
			if !errors.As(err, &es) || !strings.HasPrefix(es[0].Format(locale.ZH), c.want) {
				t.Errorf("error %v, want %q", err, c.want)
			}
		})
	}
}

// TestNumberForms: only plain decimal numbers are figures; each refusal
// says why.
func TestNumberForms(t *testing.T) {
	tests := []struct {
		in   string
		want float64
		why  string
	}{
		{"2e-06", 2e-06, ""}, // COINr's example data
		{"-1.5E+3", -1500, ""},
		{"+.5", 0.5, ""},
		{"5.", 5, ""},
		{" 42 ", 42, ""},
		{"4.9e-324", 5e-324, ""}, // the smallest subnormal is a number
		{"0e-400", 0, ""},        // zero written oddly is still zero
		{"0x1p-2", 0, "table.numhex"},
		{"-0X10", 0, "table.numhex"},
		{"1_000", 0, "table.numsep"},
		{"1,000", 0, "table.numsep"},
		{"Inf", 0, "table.numinf"},
		{"-infinity", 0, "table.numinf"},
		{"NaN", 0, "table.numinf"},
		{"1e309", 0, "table.numbig"}, // over 1.8e308: +Inf
		{"-1e400", 0, "table.numbig"},
		{"1e-400", 0, "table.numtiny"}, // under 4.9e-324: would be 0
		{".", 0, "table.number"},
		{"e5", 0, "table.number"},
		{"1e", 0, "table.number"},
		{"1.2.3", 0, "table.number"},
		{"12%", 0, "table.number"},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			v, why := parseNumber(tt.in)
			if why != tt.why || why == "" && v != tt.want {
				t.Errorf("parseNumber(%q) = %v, %q; want %v, %q", tt.in, v, why, tt.want, tt.why)
			}
			if _, ok := ParseNumber(tt.in); ok != (tt.why == "") {
				t.Errorf("ParseNumber(%q) ok = %v", tt.in, ok)
			}
		})
	}
	tb := &Table{File: "n.csv", Header: []string{"x"}, Rows: [][]string{{"0x1p-2"}}, Lines: []int{2}}
	var errs Errors
	tb.Number(0, 0, &errs)
	if len(errs) != 1 || errs[0].Format(locale.ZH) != `n.csv:2:1: 应为十进制数值，实际为 "0x1p-2"（不接受十六进制数）` {
		t.Errorf("errors %v", errs)
	}
}

// TestBOMAndLimitsTogether: a byte-order mark is skipped before the
// limits count fields.
func TestBOMAndLimitsTogether(t *testing.T) {
	tb, err := ReadWith("b.csv", bytes.NewReader([]byte("\xef\xbb\xbfa,b\n1,2\n")), lim(func(l *Limits) { l.Columns = 2 }))
	if err != nil || tb.Header[0] != "a" {
		t.Fatalf("%v %v", tb, err)
	}
}

// FuzzReadWithLimits reads arbitrary text under tiny limits: whatever it
// returns stays within them, and every refusal is located in the file.
func FuzzReadWithLimits(f *testing.F) {
	f.Add("a,b\n1,2\n")
	f.Add("a,b,c,d,e\n1,2,3,4,5\n")
	f.Add("a\n\"" + strings.Repeat("x", 100))
	f.Add("a,b\n1,2\n1,2\n1,2\n1,2\n1,2\n1,2\n")
	f.Add("\xb4\xfa\xc2\xeb,gdp\n620102,1\n") // 代码 in GBK
	l := Limits{FileBytes: 200, Rows: 5, Columns: 4, Cells: 16, CellBytes: 20, RowBytes: 50,
		PartBytes: 1, UnzipBytes: 1, Ratio: 1, SharedStrings: 1, SharedBytes: 1}
	f.Fuzz(func(t *testing.T, in string) {
		tb, err := ReadWith("f.csv", strings.NewReader(in), l)
		if err != nil {
			var es Errors
			if !errors.As(err, &es) || len(es) == 0 || es[0].File != "f.csv" {
				t.Fatalf("error %T %v is not located", err, err)
			}
			return
		}
		if len(tb.Header) > l.Columns || len(tb.Rows) > l.Rows || (len(tb.Rows)+1)*len(tb.Header) > l.Cells {
			t.Fatalf("%d columns × %d rows over the limits", len(tb.Header), len(tb.Rows))
		}
		for _, r := range tb.Rows {
			for _, c := range r {
				if len(c) > l.CellBytes {
					t.Fatalf("cell of %d bytes", len(c))
				}
			}
		}
	})
}

// TestGuardUTF8AcrossReads: a character cut between two reads is valid
// UTF-8 (so fields need no check of their own); GBK bytes, or a character
// cut by the end of the file, are not.
func TestGuardUTF8AcrossReads(t *testing.T) {
	text := []byte("城关区,七里河区\n")
	for cut := range len(text) + 1 {
		g := &guard{}
		g.checkUTF8(text[:cut], false)
		g.checkUTF8(text[cut:], true)
		if g.invalid {
			t.Errorf("cut at byte %d: taken for invalid", cut)
		}
	}
	for _, c := range []struct {
		name  string
		reads [][]byte
	}{
		{"GBK", [][]byte{[]byte("a,\xb3\xc7\n")}},
		{"cut by the end", [][]byte{[]byte("a,\xe5\x9f")}},
		{"a lead byte then ASCII", [][]byte{[]byte("a,\xe5"), []byte("b\n")}},
	} {
		g := &guard{}
		for i, r := range c.reads {
			g.checkUTF8(r, i == len(c.reads)-1)
		}
		if !g.invalid {
			t.Errorf("%s: taken for valid", c.name)
		}
	}
}
