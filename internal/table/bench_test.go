package table

import (
	"bytes"
	"fmt"
	"testing"
)

// BenchmarkRead reads a CSV of 3,000 units × 60 indicators (the import
// benchmark's table, as CSV). Run:
//
//	go test ./internal/table -run '^$' -bench Read -benchtime 5x
func BenchmarkRead(b *testing.B) {
	var buf bytes.Buffer
	buf.WriteString("代码,名称,市州")
	for i := range 60 {
		fmt.Fprintf(&buf, ",x%02d", i)
	}
	buf.WriteByte('\n')
	for p := 1; p <= 40; p++ {
		for c := 1; c <= 75; c++ {
			fmt.Fprintf(&buf, "62%02d%02d,县62%02d%02d,市62%02d00", p, c, p, c, p)
			for j := range 60 {
				fmt.Fprintf(&buf, ",%g", float64((p*7919+c*104729+j*1299709)%1000000)/100)
			}
			buf.WriteByte('\n')
		}
	}
	data := buf.Bytes()
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for range b.N {
		t, err := Read("big.csv", bytes.NewReader(data))
		if err != nil || len(t.Rows) != 3000 {
			b.Fatal(err)
		}
	}
}
