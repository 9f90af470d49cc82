package store_test

import (
	"fmt"
	"testing"

	"github.com/qiangxian/qiangxian/internal/store"
	"github.com/qiangxian/qiangxian/internal/store/storetest"
)

// bigSeed creates 40 prefectures × 75 counties = 3,000 units and 60
// indicators: the import benchmark (docs/PERFORMANCE.md).
func bigSeed(b *testing.B, db *store.DB) []store.Observation {
	b.Helper()
	units := []store.Unit{{Code: "620000", Name: "省", Kind: store.UnitProvince}}
	var counties []string
	for p := 1; p <= 40; p++ {
		pc := fmt.Sprintf("62%02d00", p)
		units = append(units, store.Unit{Code: pc, Name: "市" + pc, Kind: store.UnitPrefecture, Parent: "620000"})
		for c := 1; c <= 75; c++ {
			cc := fmt.Sprintf("62%02d%02d", p, c)
			counties = append(counties, cc)
			units = append(units, store.Unit{Code: cc, Name: "县" + cc, Kind: store.UnitCounty, Parent: pc})
		}
	}
	if err := db.PutUnits(ctx, alice, units); err != nil {
		b.Fatal(err)
	}
	var inds []store.Indicator
	for i := range 60 {
		inds = append(inds, store.Indicator{Code: fmt.Sprintf("x%02d", i), NameZH: "指标", Direction: 1, Department: "统计局"})
	}
	if err := db.PutIndicators(ctx, alice, inds); err != nil {
		b.Fatal(err)
	}
	rows := make([]store.Observation, 0, len(counties)*len(inds))
	for i, c := range counties {
		for j, ind := range inds {
			rows = append(rows, store.Observation{Unit: c, Indicator: ind.Code, Period: "2022", Value: float64(i*1000 + j), Source: "bench.xlsx"})
		}
	}
	return rows
}

// BenchmarkImportObservations imports 180,000 figures as one revision per
// iteration. Run: go test ./internal/store/ -run '^$' -bench Import -benchtime 3x
func BenchmarkImportObservations(b *testing.B) {
	for name, open := range map[string]func(testing.TB) *store.DB{"sqlite": storetest.MustOpen, "postgres": storetest.MustOpenPostgres} {
		b.Run(name, func(b *testing.B) {
			db := open(b)
			rows := bigSeed(b, db)
			b.ResetTimer()
			for range b.N {
				if _, err := db.ImportObservations(ctx, alice, store.RevisionNote{Kind: "import"}, rows); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(len(rows)), "rows/op")
		})
	}
}

// BenchmarkObservationsAsOf reads 180,000 figures as of a revision, with a
// later revision in the table that the read must skip.
func BenchmarkObservationsAsOf(b *testing.B) {
	for name, open := range map[string]func(testing.TB) *store.DB{"sqlite": storetest.MustOpen, "postgres": storetest.MustOpenPostgres} {
		b.Run(name, func(b *testing.B) {
			db := open(b)
			rows := bigSeed(b, db)
			r1, err := db.ImportObservations(ctx, alice, store.RevisionNote{Kind: "import"}, rows)
			if err != nil {
				b.Fatal(err)
			}
			if _, err := db.ImportObservations(ctx, alice, store.RevisionNote{Kind: "import"}, rows); err != nil {
				b.Fatal(err)
			}
			b.ResetTimer()
			for range b.N {
				got, err := db.Observations(ctx, store.ObservationFilter{AsOf: r1.ID})
				if err != nil || len(got) != len(rows) {
					b.Fatalf("%d rows, %v", len(got), err)
				}
			}
		})
	}
}
