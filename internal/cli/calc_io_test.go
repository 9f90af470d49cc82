package cli

import (
	"encoding/json"
	"errors"
	"math"
	"strings"
	"testing"

	"github.com/qiangxian/qiangxian/internal/table"
)

func TestParseCalcNumber(t *testing.T) {
	tests := []struct {
		in   string
		want float64
		ok   bool
	}{
		{"3", 3, true}, {" 1/3 ", 1.0 / 3, true}, {"2.5/5", 0.5, true}, {"1/0", 0, false},
		{"a/3", 0, false}, {"1/", 0, false}, {"1/2/3", 0, false}, {"-1/4", -0.25, true}, {"x", 0, false},
	}
	for _, tt := range tests {
		got, ok := parseCalcNumber(tt.in)
		if ok != tt.ok || (ok && math.Abs(got-tt.want) > 1e-15) {
			t.Errorf("parseCalcNumber(%q) = %v, %v; want %v, %v", tt.in, got, ok, tt.want, tt.ok)
		}
	}
}

// FuzzCalcMatrix: the matrix reader never panics; what it accepts is
// rectangular, finite and named, and what it rejects is reported as
// located errors.
func FuzzCalcMatrix(f *testing.F) {
	f.Add("c,A,B\nA,1,3\nB,1/3,1\n")
	f.Add("alt,a,b\nx,1,abc\ny,3,\n")
	f.Add("alt\nx\n")
	f.Add("a,b\n\"x,1\n")
	f.Add("alt,a,a\nx,1,2\nx,3,4\n")
	f.Add("\xef\xbb\xbf名称,甲\n乙,1e308/1e-308\n")
	f.Fuzz(func(t *testing.T, src string) {
		tab, err := table.Read("f.csv", strings.NewReader(src))
		if err != nil {
			return
		}
		m, err := parseCalcMatrix(tab)
		if err != nil {
			var tes table.Errors
			var te *table.Error
			if !errors.As(err, &tes) && !errors.As(err, &te) {
				t.Fatalf("unlocated error %T: %v", err, err)
			}
			return
		}
		if len(m.Cols) != len(tab.Header)-1 {
			t.Fatalf("%d columns for header %q", len(m.Cols), tab.Header)
		}
		for _, c := range m.Cols {
			if len(c) != len(m.Names) {
				t.Fatalf("column of %d values for %d names", len(c), len(m.Names))
			}
			for _, v := range c {
				if math.IsNaN(v) {
					t.Fatal("accepted a missing value")
				}
			}
		}
		for _, n := range m.Names {
			if n == "" {
				t.Fatal("accepted an empty name")
			}
		}
		if a, err := m.pairwise(); err == nil && len(a) != len(m.Criteria) {
			t.Fatalf("pairwise matrix of %d rows for %d criteria", len(a), len(m.Criteria))
		}
		if js := weightsJSON(m.Names, make([]float64, len(m.Names)), nil); !json.Valid([]byte(js)) {
			t.Fatalf("invalid JSON for names %q: %s", m.Names, js)
		}
	})
}
