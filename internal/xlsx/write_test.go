package xlsx

import (
	"bytes"
	"math"
	"os"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

func TestWriteErrors(t *testing.T) {
	tests := []struct {
		name   string
		sheets []Sheet
		want   string
	}{
		{"no sheets", nil, "at least one sheet"},
		{"same name twice", []Sheet{{Name: "数据"}, {Name: "DATA"}, {Name: "data"}}, `"data" used twice`},
		{"bad name", []Sheet{{Name: "a/b"}}, `sheet "a/b"`},
		{"unsupported cell", []Sheet{{Name: "s", Rows: [][]any{{"a", true}}}}, "B1: unsupported cell type bool"},
		{"infinite number", []Sheet{{Name: "s", Rows: [][]any{{"a"}, {math.Inf(1)}}}}, "A2: infinite number"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := Write(&bytes.Buffer{}, tt.sheets)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error %v, want one containing %q", err, tt.want)
			}
		})
	}
}

func TestWriteFileLeavesNothingOnFailure(t *testing.T) {
	dir := t.TempDir()
	if err := WriteFile(dir+"/bad.xlsx", []Sheet{{Name: "s", Rows: [][]any{{struct{}{}}}}}); err == nil {
		t.Fatal("no error for an unsupported cell")
	}
	if err := WriteFile(dir+"/missing/x.xlsx", []Sheet{{Name: "s"}}); err == nil {
		t.Fatal("no error for a missing folder")
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		t.Errorf("left behind: %s", e.Name())
	}
}

func TestWriteLayout(t *testing.T) {
	var buf bytes.Buffer
	err := Write(&buf, []Sheet{
		{Name: "plain", Rows: [][]any{{"a"}}},
		{Name: "styled", Rows: [][]any{{"h1", "h2"}, {1, 2}}, Widths: []float64{20, 0, 7.5}, BoldHeader: true, FreezeHeader: true},
	})
	if err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(&buf)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if got := f.GetSheetList(); len(got) != 2 || got[0] != "plain" || got[1] != "styled" {
		t.Fatalf("sheets %q", got)
	}
	if f.GetActiveSheetIndex() != 0 {
		t.Errorf("active sheet %d, want the first", f.GetActiveSheetIndex())
	}
	for col, want := range map[string]float64{"A": 20, "C": 7.5} {
		if w, _ := f.GetColWidth("styled", col); w != want {
			t.Errorf("column %s width %v, want %v", col, w, want)
		}
	}
	panes, err := f.GetPanes("styled")
	if err != nil || !panes.Freeze || panes.YSplit != 1 {
		t.Errorf("panes %+v, %v; want row 1 frozen", panes, err)
	}
	if p, _ := f.GetPanes("plain"); p.Freeze {
		t.Error("plain sheet is frozen")
	}
	id, _ := f.GetCellStyle("styled", "B1")
	st, err := f.GetStyle(id)
	if err != nil || st.Font == nil || !st.Font.Bold {
		t.Errorf("header style %+v, %v; want bold", st, err)
	}
	if id, _ := f.GetCellStyle("styled", "B2"); id != 0 {
		if st, _ := f.GetStyle(id); st != nil && st.Font != nil && st.Font.Bold {
			t.Error("a data cell is bold")
		}
	}
}

// TestWriteIsDeterministic matters because generated workbooks are kept in
// the repository: writing the same sheets twice must give the same bytes.
func TestWriteIsDeterministic(t *testing.T) {
	sheets := []Sheet{{Name: "s", Rows: [][]any{{"a", "b"}, {1.5, "x"}}, BoldHeader: true}, {Name: "t", Rows: [][]any{{"c"}}}}
	var a, b bytes.Buffer
	if err := Write(&a, sheets); err != nil {
		t.Fatal(err)
	}
	if err := Write(&b, sheets); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a.Bytes(), b.Bytes()) {
		t.Error("two writes of the same sheets differ")
	}
}

func TestFormatFloat(t *testing.T) {
	tests := []struct {
		v    float64
		want string
	}{
		{0, "0"}, {math.Copysign(0, -1), "0"}, {0.1, "0.1"}, {417.7, "417.7"}, {-2.5, "-2.5"},
		{1e20, "100000000000000000000"}, {1e21, "1E+21"}, {5e-7, "5E-07"}, {1e-6, "0.000001"},
	}
	for _, tt := range tests {
		if got := formatFloat(tt.v); got != tt.want {
			t.Errorf("formatFloat(%v) = %q, want %q", tt.v, got, tt.want)
		}
	}
}
