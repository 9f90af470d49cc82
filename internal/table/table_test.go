package table

import (
	"math"
	"strings"
	"testing"

	"github.com/qiangxian/qiangxian/internal/locale"
)

func TestReadLocatesRows(t *testing.T) {
	in := "\xef\xbb\xbfa,b\n1,\"x\ny\"\n\n2,3\n"
	tb, err := Read("f.csv", strings.NewReader(in))
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(tb.Header, "|"); got != "a|b" {
		t.Errorf("header %q", got)
	}
	if len(tb.Rows) != 2 || tb.Lines[0] != 2 || tb.Lines[1] != 5 {
		t.Errorf("rows %v lines %v", tb.Rows, tb.Lines)
	}
	var errs Errors
	tb.Rows[1][1] = "abc"
	tb.Number(1, 1, &errs)
	if len(errs) != 1 || errs[0].Format(locale.EN) != `f.csv:5:2: expected a number, found "abc"` {
		t.Errorf("errors %v", errs)
	}
	if got := errs[0].Format(locale.ZH); got != `f.csv:5:2: 应为数值，实际为 "abc"` {
		t.Errorf("zh %q", got)
	}
}

func TestReadErrors(t *testing.T) {
	cases := []struct{ in, want string }{
		{"", "f.csv:1: the table is empty: no header row"},
		{"a,b\n1\n", "f.csv:2:2: CSV syntax error: 1 fields, header has 2"},
		{"a,a\n1,2\n", "f.csv:1:2: column \"a\" appears twice"},
		{"a\n\"x\n", "f.csv:2: CSV syntax error"},
	}
	for _, c := range cases {
		_, err := Read("f.csv", strings.NewReader(c.in))
		if err == nil || !strings.HasPrefix(err.Error(), c.want) {
			t.Errorf("Read(%q) error %v, want prefix %q", c.in, err, c.want)
		}
	}
}

func TestParseNumber(t *testing.T) {
	for _, s := range []string{"", "NA", " "} {
		if v, ok := ParseNumber(s); !ok || !math.IsNaN(v) {
			t.Errorf("%q: %v %v", s, v, ok)
		}
	}
	for _, s := range []string{"x", "Inf", "NaN", "1,0"} {
		if _, ok := ParseNumber(s); ok {
			t.Errorf("%q accepted", s)
		}
	}
	if v, ok := ParseNumber("4.097985"); !ok || v != 4.097985 {
		t.Errorf("got %v", v)
	}
	a, b := 0.1, 0.2
	if FormatNumber(a+b) != "0.30000000000000004" || FormatNumber(math.NaN()) != "" {
		t.Error("FormatNumber does not round-trip")
	}
}

func FuzzRead(f *testing.F) {
	f.Add("a,b\n1,2\n")
	f.Add("\"x\"\"y\",b\n\"1\n2\",3\n")
	f.Add("a\n\"")
	f.Fuzz(func(t *testing.T, in string) {
		tb, err := Read("f.csv", strings.NewReader(in))
		if err != nil {
			if tb != nil {
				t.Fatal("table returned with an error")
			}
			return
		}
		for i, r := range tb.Rows {
			if len(r) != len(tb.Header) {
				t.Fatalf("row %d has %d fields, header %d", i, len(r), len(tb.Header))
			}
			if i > 0 && tb.Lines[i] <= tb.Lines[i-1] {
				t.Fatalf("lines not increasing: %v", tb.Lines)
			}
		}
	})
}

func TestSheetErrors(t *testing.T) {
	e := &Error{File: "d.xlsx", Sheet: "数据", Line: 7, Col: 28, Msg: locale.M("table.number", "x")}
	if got := e.Format(locale.EN); got != `d.xlsx:数据!AB7: expected a number, found "x"` {
		t.Errorf("got %q", got)
	}
	for n, want := range map[int]string{1: "A", 26: "Z", 27: "AA", 52: "AZ", 703: "AAA"} {
		if got := ColumnLetters(n); got != want {
			t.Errorf("ColumnLetters(%d) = %q, want %q", n, got, want)
		}
	}
}
