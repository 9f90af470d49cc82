package ingest_test

import (
	"fmt"
	"path/filepath"
	"testing"

	"github.com/qiangxian/qiangxian/internal/ingest"
	"github.com/qiangxian/qiangxian/internal/store"
	"github.com/qiangxian/qiangxian/internal/store/storetest"
	"github.com/qiangxian/qiangxian/internal/xlsx"
)

// bigCatalogue stores 40 prefectures × 75 counties = 3,000 units and 60
// indicators, and writes the matching workbook to dir: the import
// benchmark (docs/PERFORMANCE.md, "Import").
func bigCatalogue(tb testing.TB, db *store.DB, dir string) string {
	tb.Helper()
	units := []store.Unit{{Code: "620000", Name: "省", Kind: store.UnitProvince}}
	rows := [][]any{{"代码", "名称", "市州"}}
	var inds []store.Indicator
	for i := range 60 {
		code := fmt.Sprintf("x%02d", i)
		inds = append(inds, store.Indicator{Code: code, NameZH: "指标" + code, Direction: 1, Department: "统计局"})
		rows[0] = append(rows[0], code)
	}
	for p := 1; p <= 40; p++ {
		pc := fmt.Sprintf("62%02d00", p)
		units = append(units, store.Unit{Code: pc, Name: "市" + pc, Kind: store.UnitPrefecture, Parent: "620000"})
		for c := 1; c <= 75; c++ {
			cc := fmt.Sprintf("62%02d%02d", p, c)
			units = append(units, store.Unit{Code: cc, Name: "县" + cc, Kind: store.UnitCounty, Parent: pc})
			row := []any{cc, "县" + cc, "市" + pc}
			for j := range 60 {
				// Figures as statistical tables print them: two decimals.
				row = append(row, float64((p*7919+c*104729+j*1299709)%1000000)/100)
			}
			rows = append(rows, row)
		}
	}
	if err := db.PutUnits(ctx, alice, units); err != nil {
		tb.Fatal(err)
	}
	if err := db.PutIndicators(ctx, alice, inds); err != nil {
		tb.Fatal(err)
	}
	path := filepath.Join(dir, "big.xlsx")
	if err := xlsx.WriteFile(path, []xlsx.Sheet{{Name: "数据", Rows: rows}}); err != nil {
		tb.Fatal(err)
	}
	return path
}

// BenchmarkImportWide reads a 3,000-unit × 60-indicator workbook, checks
// it and stores its 180,000 figures as one revision, per iteration. Run:
//
//	go test ./internal/ingest/ -run '^$' -bench ImportWide -benchtime 5x
func BenchmarkImportWide(b *testing.B) {
	for _, c := range []struct {
		name string
		open func(testing.TB) *store.DB
	}{{"sqlite", storetest.MustOpen}, {"postgres", storetest.MustOpenPostgres}} {
		b.Run(c.name, func(b *testing.B) {
			db := c.open(b)
			path := bigCatalogue(b, db, b.TempDir())
			b.ReportAllocs()
			b.ResetTimer()
			for range b.N {
				tb, err := xlsx.ReadTable(path, "")
				if err != nil {
					b.Fatal(err)
				}
				if _, err := ingest.ImportWideOpts(ctx, db, alice, analyst, tb, ingest.Options{Period: "2022"}); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(180000, "figures/op")
		})
	}
}

// BenchmarkReadWorkbook is the workbook reading alone, for comparison.
func BenchmarkReadWorkbook(b *testing.B) {
	db := storetest.MustOpen(b)
	path := bigCatalogue(b, db, b.TempDir())
	b.ReportAllocs()
	b.ResetTimer()
	for range b.N {
		if _, err := xlsx.ReadTable(path, ""); err != nil {
			b.Fatal(err)
		}
	}
}
