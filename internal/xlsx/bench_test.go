package xlsx

import (
	"bytes"
	"fmt"
	"testing"
)

// bigWorkbook writes the import benchmark's workbook (docs/PERFORMANCE.md,
// "Import"): 3,000 units × 60 indicators, two-decimal figures, and every
// blankEvery-th figure left blank (0 for none).
func bigWorkbook(tb testing.TB, blankEvery int) []byte {
	tb.Helper()
	rows := [][]any{{"代码", "名称", "市州"}}
	for i := range 60 {
		rows[0] = append(rows[0], fmt.Sprintf("x%02d", i))
	}
	k := 0
	for p := 1; p <= 40; p++ {
		for c := 1; c <= 75; c++ {
			cc := fmt.Sprintf("62%02d%02d", p, c)
			row := []any{cc, "县" + cc, fmt.Sprintf("市62%02d00", p)}
			for j := range 60 {
				k++
				if blankEvery > 0 && k%blankEvery == 0 {
					row = append(row, nil)
					continue
				}
				row = append(row, float64((p*7919+c*104729+j*1299709)%1000000)/100)
			}
			rows = append(rows, row)
		}
	}
	var buf bytes.Buffer
	if err := Write(&buf, []Sheet{{Name: "数据", Rows: rows}}); err != nil {
		tb.Fatal(err)
	}
	return buf.Bytes()
}

// BenchmarkReadTable3000x60 reads the 180,000-figure workbook, full and
// with 1 % of its figures blank. Run:
//
//	go test ./internal/xlsx -run '^$' -bench ReadTable3000x60 -benchtime 5x
func BenchmarkReadTable3000x60(b *testing.B) {
	for _, c := range []struct {
		name       string
		blankEvery int
	}{{"full", 0}, {"blank1pct", 100}} {
		b.Run(c.name, func(b *testing.B) {
			wb := bigWorkbook(b, c.blankEvery)
			b.ReportAllocs()
			b.ResetTimer()
			for range b.N {
				tb, err := ReadTableFrom(bytes.NewReader(wb), "big.xlsx", "")
				if err != nil {
					b.Fatal(err)
				}
				if len(tb.Rows) != 3000 || len(tb.Header) != 63 {
					b.Fatalf("%d rows × %d columns, want 3000 × 63", len(tb.Rows), len(tb.Header))
				}
			}
		})
	}
}
